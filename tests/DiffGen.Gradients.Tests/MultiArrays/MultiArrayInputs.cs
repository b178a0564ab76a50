using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>The shape of one differentiable argument of a corpus function.</summary>
public sealed record ArgumentShape(ArgumentKind Kind, int Rows, int Columns, int[]? RowLengths = null)
{
    public static ArgumentShape Scalar() => new(ArgumentKind.Scalar, 1, 1);
    public static ArgumentShape Vector(int n) => new(ArgumentKind.Vector, 1, n);
    public static ArgumentShape Matrix(int rows, int columns) => new(ArgumentKind.Matrix, rows, columns);
    public static ArgumentShape Jagged(params int[] rowLengths) => new(ArgumentKind.Jagged, rowLengths.Length, -1, rowLengths);

    public int Count => Kind == ArgumentKind.Jagged ? RowLengths!.Sum() : Rows * Columns;
}

public enum ArgumentKind { Scalar, Vector, Matrix, Jagged }

/// <summary>
/// The differentiable arguments of one call, built from (and flattened back to) one vector of
/// coordinates in argument order, rows in row-major order: what finite differences move.
/// </summary>
public sealed class MultiArrayInputs
{
    private readonly object[] _values;

    private MultiArrayInputs(object[] values) => _values = values;

    public static MultiArrayInputs FromFlat(IReadOnlyList<ArgumentShape> shapes, double[] flat)
    {
        var values = new object[shapes.Count];
        int k = 0;
        for (int a = 0; a < shapes.Count; a++)
        {
            var shape = shapes[a];
            switch (shape.Kind)
            {
                case ArgumentKind.Jagged:
                    var jagged = new double[shape.Rows][];
                    for (int i = 0; i < shape.Rows; i++)
                    {
                        jagged[i] = new double[shape.RowLengths![i]];
                        for (int j = 0; j < jagged[i].Length; j++) jagged[i][j] = flat[k++];
                    }
                    values[a] = jagged;
                    break;
                case ArgumentKind.Matrix:
                    var matrix = new double[shape.Rows, shape.Columns];
                    for (int i = 0; i < shape.Rows; i++)
                        for (int j = 0; j < shape.Columns; j++) matrix[i, j] = flat[k++];
                    values[a] = matrix;
                    break;
                default:
                    values[a] = flat.Skip(k).Take(shape.Count).ToArray();
                    k += shape.Count;
                    break;
            }
        }
        return new MultiArrayInputs(values);
    }

    public static MultiArrayInputs Zero(IReadOnlyList<ArgumentShape> shapes) => FromFlat(shapes, new double[shapes.Sum(s => s.Count)]);

    public double[,] M(int argument) => (double[,])_values[argument];
    public double[][] J(int argument) => (double[][])_values[argument];
    public double[] V(int argument) => (double[])_values[argument];
    public double S(int argument) => ((double[])_values[argument])[0];
    public void SetS(int argument, double value) => ((double[])_values[argument])[0] = value;

    public double[] Flatten()
    {
        var flat = new List<double>();
        foreach (var value in _values)
        {
            switch (value)
            {
                case double[,] matrix: foreach (double v in matrix) flat.Add(v); break;
                case double[][] jagged: foreach (var row in jagged) flat.AddRange(row); break;
                case double[] vector: flat.AddRange(vector); break;
            }
        }
        return flat.ToArray();
    }
}
