namespace DiffGen.Generator.Ir;

/// <summary>
/// A parameter of type <c>T[,]</c> or <c>T[][]</c>. The method's IR sees it as one run of elements in
/// row-major order (<paramref name="Flat"/>, a <c>ReadOnlySpan&lt;T&gt;</c> parameter named like it, with
/// its shadow and tangent alike) plus int parameters describing the shape; the generated public
/// members take the array itself and pass that form (<c>Stages.ArrayLayoutWrappers</c>).
/// </summary>
/// <param name="Name">The parameter's name in source.</param>
/// <param name="Flat">The variable holding its elements.</param>
/// <param name="Rows">Rectangular: the int parameter holding <c>GetLength(0)</c>. Jagged: the <c>ReadOnlySpan&lt;int&gt;</c> parameter holding where each row starts (one more than the rows; the last is the element count).</param>
/// <param name="Columns">Rectangular: the int parameter holding <c>GetLength(1)</c>; -1 for a jagged array.</param>
public sealed record ArrayLayout(string Name, int Flat, int Rows, int Columns)
{
    /// <summary>A jagged array (<c>T[][]</c>), copied into the flat form; otherwise rectangular (<c>T[,]</c>), viewed in place.</summary>
    public bool IsJagged => Columns < 0;
}
