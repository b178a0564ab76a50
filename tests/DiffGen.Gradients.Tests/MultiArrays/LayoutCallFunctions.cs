using System;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>Corpus: [Differentiable] functions passing 2-D and jagged arrays to other [Differentiable] functions.</summary>
public static partial class MultiArrayFunctions
{
    /// <summary>A 2-D parameter passed to helpers (twice to one), with a scalar and vectors.</summary>
    [Differentiable]
    public static double CallsOnMatrix(double[,] a, double s, double[] u, double[] w)
        => s * SumSquares(a) + Math.Sin(SumSquares(a)) + Bilinear(a, u, w);

    /// <summary>A jagged parameter passed to helpers inside a loop.</summary>
    [Differentiable]
    public static double CallsOnJaggedInLoop(double[][] b)
    {
        double s = 0;
        for (int k = 1; k <= 3; k++) s += JaggedSumCubes(b) / k + ForEachRows(b) * k;
        return s;
    }

    /// <summary>A 2-D local, filled from a vector, passed to a helper; the local written again after the call.</summary>
    [Differentiable]
    public static double OuterProductGram(double[] x)
    {
        int n = x.Length;
        var t = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            t[i, 0] = x[i];
            t[i, 1] = Math.Exp(-x[i] * x[i]);
        }
        double g = GramTrace(t);
        t[0, 0] = 3 * x[0];
        return g + SumSquares(t);
    }

    /// <summary>A jagged local (triangular) passed to helpers, and a [NoDerivative] jagged table passed on as data.</summary>
    [Differentiable]
    public static double JaggedLocalToHelpers(double[] x, [NoDerivative] double[][] table)
    {
        int n = x.Length;
        var t = new double[n][];
        for (int i = 0; i < n; i++)
        {
            t[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) t[i][j] = x[i] - x[j] + table[i % table.Length][0];
        }
        return JaggedSumCubes(t) + RowsToHelpers(t) + WeightedByTable(x, table);
    }

    /// <summary>A helper taking a jagged table of data.</summary>
    [Differentiable]
    public static double WeightedByTable(double[] x, [NoDerivative] double[][] table)
    {
        double s = 0;
        for (int i = 0; i < table.Length; i++)
            for (int j = 0; j < table[i].Length; j++) s += table[i][j] * x[(i + j) % x.Length] * x[j % x.Length];
        return s;
    }

    /// <summary>A recursive method taking a 2-D array: row k's smooth sum plus the rest.</summary>
    [Differentiable]
    public static double RecursiveRows(double[,] a, [NoDerivative] int k)
    {
        if (k >= a.GetLength(0)) return 0;
        double s = 0;
        for (int j = 0; j < a.GetLength(1); j++) s += Math.Sin(a[k, j]) * (k + 1);
        return s * s + RecursiveRows(a, k + 1);
    }
}
