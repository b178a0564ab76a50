using System;
using System.Linq;
using System.Runtime.CompilerServices;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>
/// One tuple-returning method at a point: its differentiable inputs (a scalar as an array of one) and calls of the
/// method and of its generated members, with tuples as arrays of their elements.
/// </summary>
/// <param name="Name">The case's name in test output.</param>
/// <param name="Inputs">The differentiable inputs in parameter order, a scalar as an array of one element.</param>
/// <param name="Value">The method's own value.</param>
/// <param name="Tangent">{M}Tangent (or {M}Directional, by the flag) along the directions: (value, tangent).</param>
/// <param name="Pullback">{M}Pullback with one seed per element, adding to the shadows; returns the value.</param>
/// <param name="Jacobian">{M}Jacobian into the matrix under the strategy; returns the value.</param>
public sealed record TupleCase(
    string Name,
    double[][] Inputs,
    Func<double[][], double[]> Value,
    Func<double[][], double[][], bool, (double[] Value, double[] Tangent)> Tangent,
    Func<double[][], double[], double[][], double[]> Pullback,
    Func<double[][], double[], JacobianStrategy, double[]> Jacobian)
{
    public int N => Inputs.Sum(x => x.Length);

    public int M => Value(Inputs).Length;

    /// <summary>Arrays shaped like the inputs, filled by <paramref name="draw"/>.</summary>
    public double[][] Like(Func<double> draw) => Inputs.Select(x => x.Select(_ => draw()).ToArray()).ToArray();

    /// <summary>The elements of a tuple, Item8 and on (a nested rest) included.</summary>
    public static double[] Elements(ITuple tuple) => Enumerable.Range(0, tuple.Length).Select(i => Convert.ToDouble(tuple[i])).ToArray();

    /// <summary>The derivative of each element along <paramref name="direction"/> by the five-point central stencil, h = 1e-4.</summary>
    public double[] CentralDifferences(double[][] direction)
    {
        const double h = 1e-4;
        double[] At(double t) => Value(Inputs.Select((x, k) => x.Select((v, e) => v + t * direction[k][e]).ToArray()).ToArray());
        double[] p2 = At(2 * h), p1 = At(h), m1 = At(-h), m2 = At(-2 * h);
        return p1.Select((_, i) => (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h)).ToArray();
    }

    /// <summary>The unit direction of input value <paramref name="column"/> (inputs in order, arrays by element).</summary>
    public double[][] Unit(int column)
    {
        var unit = Like(() => 0);
        int j = 0;
        foreach (var x in unit)
            for (int e = 0; e < x.Length; e++, j++)
                if (j == column) x[e] = 1;
        return unit;
    }

    public override string ToString() => Name;
}
