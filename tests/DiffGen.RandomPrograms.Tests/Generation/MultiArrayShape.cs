using System.Linq;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// A function's 2-D or jagged parameter: <c>double[,] m0</c> of <paramref name="Rows"/> rows of the
/// array length, or <c>double[][] g0</c> with rows of <paramref name="RowLengths"/>. Its elements come
/// after the 1-D arrays' in the flattened inputs, row by row.
/// </summary>
public sealed record MultiArrayShape(bool Jagged, int Rows, int Columns, int[] RowLengths)
{
    public string Name => Jagged ? "g0" : "m0";

    public string TypeName => Jagged ? "double[][]" : "double[,]";

    public int Count => Jagged ? RowLengths.Sum() : Rows * Columns;

    public static MultiArrayShape Matrix(int columns) => new(false, 2, columns, new[] { columns, columns });

    /// <summary>Rows of the array length, 1 and 2: every index below a row's length is below the array length too.</summary>
    public static MultiArrayShape JaggedOf(int length) => new(true, 3, -1, new[] { length, 1, 2 });
}
