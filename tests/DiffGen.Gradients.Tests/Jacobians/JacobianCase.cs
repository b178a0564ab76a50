using System;
using System.Linq;

namespace DiffGen.Gradients.Tests.Jacobians;

/// <summary>
/// One method with span outputs at a point: its differentiable inputs, the outputs' contents at entry, and calls of
/// the method and of its generated Jacobian.
/// </summary>
/// <param name="Name">The case's name in test output.</param>
/// <param name="Inputs">The differentiable inputs in parameter order, a scalar input as an array of one element.</param>
/// <param name="EntryOutputs">The outputs' contents when the method is called, in parameter order.</param>
/// <param name="Primal">Runs the method on (inputs, outputs).</param>
/// <param name="Jacobian">Runs <c>{M}Jacobian</c> on (inputs, outputs, matrix, strategy).</param>
public sealed record JacobianCase(
    string Name,
    double[][] Inputs,
    double[][] EntryOutputs,
    Action<double[][], double[][]> Primal,
    Action<double[][], double[][], double[], JacobianStrategy> Jacobian)
{
    /// <summary>The number of differentiable input values (columns).</summary>
    public int N => Inputs.Sum(x => x.Length);

    /// <summary>The number of output values (rows).</summary>
    public int M => EntryOutputs.Sum(y => y.Length);

    /// <summary>Fresh copies of the outputs' entry contents.</summary>
    public double[][] FreshOutputs() => EntryOutputs.Select(y => (double[])y.Clone()).ToArray();

    /// <summary>The outputs the method writes at <paramref name="inputs"/>, concatenated.</summary>
    public double[] Evaluate(double[][] inputs)
    {
        var outputs = FreshOutputs();
        Primal(inputs, outputs);
        return outputs.SelectMany(y => y).ToArray();
    }

    /// <summary>The generated Jacobian under <paramref name="strategy"/>, and the outputs it wrote.</summary>
    public (double[] Matrix, double[] Outputs) Run(JacobianStrategy strategy)
    {
        var outputs = FreshOutputs();
        var matrix = new double[M * N];
        Jacobian(Inputs, outputs, matrix, strategy);
        return (matrix, outputs.SelectMany(y => y).ToArray());
    }

    /// <summary>
    /// The Jacobian by the five-point central stencil on the method itself, column by column,
    /// h = 1e-4 max(1, |x_j|); row-major m × n like the generated one.
    /// </summary>
    public double[] CentralDifferences()
    {
        int n = N, m = M;
        var matrix = new double[m * n];
        int j = 0;
        for (int k = 0; k < Inputs.Length; k++)
        {
            for (int e = 0; e < Inputs[k].Length; e++, j++)
            {
                double x = Inputs[k][e], h = 1e-4 * Math.Max(1.0, Math.Abs(x));
                double[] At(double offset)
                {
                    var moved = Inputs.Select(a => (double[])a.Clone()).ToArray();
                    moved[k][e] = x + offset;
                    return Evaluate(moved);
                }
                double[] p2 = At(2 * h), p1 = At(h), m1 = At(-h), m2 = At(-2 * h);
                for (int i = 0; i < m; i++) matrix[i * n + j] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            }
        }
        return matrix;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
