using System;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>Corpus: void [Differentiable] functions taking 2-D and jagged arrays and writing Span outputs.</summary>
public static partial class MultiArrayFunctions
{
    /// <summary>y[i] = sum over row i of a[i, j]^2 sin(a[i, j]).</summary>
    [Differentiable]
    public static void RowEnergies(double[,] a, Span<double> y)
    {
        for (int i = 0; i < a.GetLength(0); i++)
        {
            double s = 0;
            for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * a[i, j] * Math.Sin(a[i, j]);
            y[i] = s;
        }
    }

    /// <summary>y[i] = scale * sqrt(1 + |row i|^2) over the rows of a jagged array.</summary>
    [Differentiable]
    public static void JaggedRowNorms(double[][] b, double scale, Span<double> y)
    {
        int i = 0;
        foreach (var row in b)
        {
            double s = 1;
            foreach (double v in row) s += v * v;
            y[i++] = scale * Math.Sqrt(s);
        }
    }

    /// <summary>y = tanh(W x + bias), W a 2-D weight matrix.</summary>
    [Differentiable]
    public static void DenseInto(double[,] w, double[] x, double bias, Span<double> y)
    {
        for (int i = 0; i < w.GetLength(0); i++)
        {
            double z = bias;
            for (int j = 0; j < w.GetLength(1); j++) z += w[i, j] * x[j];
            y[i] = Math.Tanh(z);
        }
    }

    /// <summary>Two outputs from a 2-D and a jagged array, through a jagged local.</summary>
    [Differentiable]
    public static void TwoOutputs(double[,] a, double[][] b, Span<double> sums, Span<double> products)
    {
        var t = new double[b.Length][];
        for (int i = 0; i < b.Length; i++)
        {
            t[i] = new double[b[i].Length];
            for (int j = 0; j < t[i].Length; j++) t[i][j] = Math.Exp(b[i][j]) * a[i % a.GetLength(0), j % a.GetLength(1)];
        }
        for (int i = 0; i < t.Length; i++)
        {
            double s = 0, p = 1;
            for (int j = 0; j < t[i].Length; j++)
            {
                s += t[i][j];
                p *= 1 + 0.5 * t[i][j];
            }
            sums[i] = s;
            products[i] = p;
        }
    }
}
