using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Arrays passed to calls and written again before the adjoint sweep reaches the call's pullback: a
/// scratch array reused for every point, an array overwritten after a top-level call, an output written
/// by the same call in every iteration, an int label array changed between calls, and slices. Reverse
/// mode saves each such argument at the call and gives it back to the pullback.
/// </summary>
public static partial class UnstableArgumentFunctions
{
    /// <summary>log Σ exp(v_i), stable.</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> v)
    {
        double max = v[0];
        for (int i = 1; i < v.Length; i++) max = Math.Max(max, v[i]);
        double sum = 0;
        for (int i = 0; i < v.Length; i++) sum += Math.Exp(v[i] - max);
        return Math.Log(sum) + max;
    }

    /// <summary>The array is overwritten by later top-level statements and read again.</summary>
    [Differentiable]
    public static double OverwrittenAfterCall(double[] w)
    {
        double[] t = new double[w.Length];
        for (int j = 0; j < w.Length; j++) t[j] = w[j] * w[j];
        double first = LogSumExp(t);
        for (int j = 0; j < w.Length; j++) t[j] = Math.Sin(w[j]);
        double second = LogSumExp(t);
        return first * second;
    }

    /// <summary>A score array reused for every point in a counted loop whose result is not a plain sum.</summary>
    [Differentiable]
    public static double ReusedScores(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int k)
    {
        double[] scores = new double[k];
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int c = 0; c < k; c++) scores[c] = w[c] * x[i] + w[k + c];
            total = 0.8 * total + LogSumExp(scores);
        }
        return total;
    }

    /// <summary>The same in a loop with a branch (reversed by the segment replay).</summary>
    [Differentiable]
    public static double ReusedScoresWithBranch(double[] w, [NoDerivative] double[] x)
    {
        double[] scores = new double[2];
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0) scores[0] = w[0] * x[i];
            else scores[0] = w[1] - x[i];
            scores[1] = w[2] * w[2];
            total = total * 0.5 + LogSumExp(scores);
        }
        return total;
    }

    /// <summary>tanh into the same output every iteration; its pullback reads the output.</summary>
    [Differentiable]
    public static double RepeatedOutput(double[] w, int rounds)
    {
        double[] h = new double[w.Length];
        double[] y = new double[w.Length];
        double total = 0;
        for (int r = 0; r < rounds; r++)
        {
            for (int j = 0; j < w.Length; j++) h[j] = w[j] * (r + 1) + total;
            SpanOps.Tanh<double>(h, y);
            for (int j = 0; j < w.Length; j++) total += y[j] * y[j];
        }
        return total;
    }

    /// <summary>An int label array changed between cross-entropy calls.</summary>
    [Differentiable]
    public static double ChangingLabels(double[] logits, int classes, int rounds)
    {
        int[] labels = new int[logits.Length / classes];
        double total = 0;
        for (int r = 0; r < rounds; r++)
        {
            for (int b = 0; b < labels.Length; b++) labels[b] = (b + r) % classes;
            total = 0.5 * total + SpanOps.CrossEntropy<double>(logits, labels, classes);
        }
        return total;
    }

    /// <summary>Slices of one scratch array passed per row and overwritten by the next row.</summary>
    [Differentiable]
    public static double RowSlices(double[] w, int rows)
    {
        int width = w.Length / rows;
        double[] buffer = new double[2 * width];
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < width; j++) buffer[width + j] = w[r * width + j] * (1 + total);
            total += LogSumExp(buffer.AsSpan(width, width));
        }
        return total;
    }
}
