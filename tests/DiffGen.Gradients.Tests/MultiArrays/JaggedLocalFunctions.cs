using System;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>Corpus: [Differentiable] functions with jagged locals (new T[n][], rows allocated in a loop).</summary>
public static partial class MultiArrayFunctions
{
    /// <summary>Activations of a small recurrent stack kept per layer, read back with nested foreach.</summary>
    [Differentiable]
    public static double LayerActivations(double[] x, double[] w)
    {
        int layers = w.Length;
        var h = new double[layers][];
        for (int l = 0; l < layers; l++) h[l] = new double[x.Length];
        for (int j = 0; j < x.Length; j++) h[0][j] = Math.Tanh(w[0] * x[j]);
        for (int l = 1; l < layers; l++)
            for (int j = 0; j < x.Length; j++) h[l][j] = Math.Tanh(w[l] * h[l - 1][j] + x[j]);
        double s = 0;
        foreach (var row in h)
            foreach (double v in row) s += v * v;
        return s;
    }

    /// <summary>A triangular table: row i has i + 1 elements, filled in the loop that allocates it.</summary>
    [Differentiable]
    public static double Triangular(double[] x)
    {
        int n = x.Length;
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++)
        {
            t[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) t[i][j] = x[i] * x[j];
        }
        double s = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < t[i].Length; j++) s += Math.Sin(t[i][j]) * (j + 1);
        return s;
    }

    /// <summary>A jagged local shaped like a jagged parameter, each row smoothed through a row name.</summary>
    [Differentiable]
    public static double SmoothedRows(double[][] b, double alpha)
    {
        var m = new double[b.Length][];
        for (int i = 0; i < b.Length; i++) m[i] = new double[b[i].Length];
        for (int i = 0; i < b.Length; i++)
        {
            var row = m[i];
            row[0] = b[i][0];
            for (int j = 1; j < row.Length; j++) row[j] = alpha * row[j - 1] + (1 - alpha) * b[i][j];
        }
        double s = 0;
        for (int i = 0; i < m.Length; i++) s += m[i][m[i].Length - 1] * m[i][0];
        return s;
    }

    /// <summary>Batches of sizes from a table, accumulated with +=, each passed to a helper taking a span.</summary>
    [Differentiable]
    public static double RaggedBatches(double[] x, [NoDerivative] int[] sizes)
    {
        var batches = new double[sizes.Length][];
        for (int b = 0; b < sizes.Length; b++) batches[b] = new double[sizes[b]];
        for (int b = 0; b < batches.Length; b++)
            for (int j = 0; j < batches[b].Length; j++)
            {
                batches[b][j] += x[(b + j) % x.Length];
                batches[b][j] *= x[j % x.Length];
            }
        double s = 0;
        for (int b = 0; b < batches.Length; b++) s += Math.Sqrt(1 + Norm2(batches[b]));
        return s;
    }

    /// <summary>Two jagged locals whose rows one loop allocates, a 2-D parameter read into them.</summary>
    [Differentiable]
    public static double TwoJaggedLocals(double[,] a)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var pos = new double[n][];
        var neg = new double[n][];
        for (int i = 0; i < n; i++)
        {
            pos[i] = new double[m];
            neg[i] = new double[m + 1];
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                pos[i][j] = Math.Log(1 + a[i, j] * a[i, j]) + a[i, j];
                neg[i][j + 1] = neg[i][j] + Math.Exp(-a[i, j]);
            }
        double s = 0;
        for (int i = 0; i < n; i++) s += pos[i][0] * neg[i][m];
        return s;
    }

    /// <summary>A jagged local of int data built inside a loop (not differentiable, so it may live there) indexing a vector.</summary>
    [Differentiable]
    public static double IndexTableInLoop(double[] x)
    {
        double s = 0;
        for (int r = 1; r <= 3; r++)
        {
            var picks = new int[r][];
            for (int i = 0; i < r; i++) picks[i] = new int[i + 1];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < picks[i].Length; j++) picks[i][j] = (i * r + j) % x.Length;
            foreach (var row in picks)
                foreach (int k in row) s += x[k] * x[(k + r) % x.Length];
        }
        return s;
    }

    /// <summary>A jagged local in a switch section and one declared in a loop body's block at the top level of a branch.</summary>
    [Differentiable]
    public static double JaggedInSwitch(double[] x, [NoDerivative] int mode)
    {
        double s = 0;
        switch (mode)
        {
            case 0:
                var t = new double[2][];
                for (int i = 0; i < 2; i++) t[i] = new double[x.Length - i];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < t[i].Length; j++) t[i][j] = x[j + i] * x[j];
                s = t[0][0] + t[1][t[1].Length - 1] * t[0][1];
                break;
            default:
                if (x[0] < 10)
                {
                    var u = new double[x.Length][];
                    for (int i = 0; i < u.Length; i++) u[i] = new double[1];
                    for (int i = 0; i < u.Length; i++) u[i][0] = Math.Cos(x[i]);
                    for (int i = 0; i < u.Length; i++) s += u[i][0] * u[(i + 1) % u.Length][0];
                }
                break;
        }
        return s;
    }
}
