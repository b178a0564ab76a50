using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Local arrays updated in place, where the adjoint needs values that later stores overwrite:
/// scatter-add through int indices, in-place cumulative products, repeated squaring passes,
/// ++/-- on elements, foreach over a stackalloc span, ternary element selection, data loop bounds,
/// max pooling.
/// </summary>
public static partial class InPlaceFunctions
{
    /// <summary>Scatter-add x_i² into buckets given by int data (repeated buckets), then Σ_j h_j³.</summary>
    [Differentiable]
    public static double ScatterAddHistogram(double[] x, int[] bucket)
    {
        double[] h = new double[4];
        for (int i = 0; i < x.Length; i++) h[bucket[i]] += x[i] * x[i];
        double s = 0;
        for (int j = 0; j < h.Length; j++) s += h[j] * h[j] * h[j];
        return s;
    }

    /// <summary>
    /// A local array filled once (w_i = 0.5 x_i + 1) and afterwards only read, in a nested loop:
    /// Σ_p Σ_i w_i (x_i + p)². The adjoint loads w again instead of recording its reads.
    /// </summary>
    [Differentiable]
    public static double FilledOnceThenRead(double[] x, int passes)
    {
        double[] w = new double[x.Length];
        for (int i = 0; i < x.Length; i++) w[i] = 0.5 * x[i] + 1;
        double s = 0;
        for (int p = 0; p < passes; p++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                double u = x[i] + p;
                s += w[i] * u * u;
            }
        }
        return s;
    }

    /// <summary>In-place cumulative product a_i *= a_{i-1} on a local copy, then Σ a_i.</summary>
    [Differentiable]
    public static double InPlaceCumulativeProduct(double[] x)
    {
        double[] a = new double[x.Length];
        for (int i = 0; i < x.Length; i++) a[i] = x[i];
        for (int i = 1; i < a.Length; i++) a[i] *= a[i - 1];
        double s = 0;
        foreach (double v in a) s += v;
        return s;
    }

    /// <summary>Several passes of a_i = 0.5 a_i² + x_i sin(a_i) over one local array, overwriting every element each pass.</summary>
    [Differentiable]
    public static double RepeatedInPlacePasses(double[] x, int passes)
    {
        double[] a = new double[x.Length];
        for (int i = 0; i < x.Length; i++) a[i] = 0.5 * x[i];
        for (int p = 0; p < passes; p++)
        {
            for (int i = 0; i < a.Length; i++) a[i] = 0.5 * a[i] * a[i] + x[i] * Math.Sin(a[i]);
        }
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    /// <summary>++ and -- on elements of a local array interleaved with active updates.</summary>
    [Differentiable]
    public static double ElementIncrements(double[] x)
    {
        double[] acc = new double[2];
        for (int i = 0; i < x.Length; i++)
        {
            acc[i % 2]++;
            acc[i % 2] *= x[i];
            acc[(i + 1) % 2]--;
        }
        return acc[0] * acc[0] + acc[1];
    }

    /// <summary>tanh of each element into a stackalloc span, then Σ v² over it with foreach.</summary>
    [Differentiable]
    public static double ForeachOverStackalloc(ReadOnlySpan<double> x)
    {
        Span<double> t = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++) t[i] = Math.Tanh(x[i] + 0.1 * i);
        double s = 0;
        foreach (double v in t) s += v * v;
        return s;
    }

    /// <summary>Σ_i x_i · (i &lt; y.Length ? y_i : 1): arrays of different lengths, a ternary on element reads.</summary>
    [Differentiable]
    public static double TernaryElementSelection(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double other = i < y.Length ? y[i] : 1.0;
            s += x[i] * other * other;
        }
        return s;
    }

    /// <summary>Σ_j Σ_{i &lt; counts_j} x_{j+i}²/(j + 1): loop bounds read from an int array.</summary>
    [Differentiable]
    public static double DataLoopBounds(double[] x, int[] counts)
    {
        double s = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            for (int i = 0; i < counts[j]; i++) s += x[j + i] * x[j + i] / (j + 1);
        }
        return s;
    }

    /// <summary>Max pooling of windows of 2 (Math.Max) into a local array, then log Σ exp of the pooled values.</summary>
    [Differentiable]
    public static double MaxPoolLogSumExp(double[] x)
    {
        int m = x.Length / 2;
        double[] pooled = new double[m];
        for (int i = 0; i < m; i++) pooled[i] = Math.Max(x[2 * i], x[2 * i + 1]);
        double s = 0;
        for (int i = 0; i < m; i++) s += Math.Exp(pooled[i]);
        return Math.Log(s);
    }

    /// <summary>A local int array (a reversal permutation) used as indices: Σ (i + 1) x_{order_i} x_i.</summary>
    [Differentiable]
    public static double LocalIntPermutation(double[] x)
    {
        int[] order = new int[x.Length];
        for (int i = 0; i < x.Length; i++) order[i] = x.Length - 1 - i;
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += (i + 1) * x[order[i]] * x[i];
        return s;
    }

    /// <summary>Returns an element expression from inside the loop (the first element above 1, squared), else x_0.</summary>
    [Differentiable]
    public static double ReturnElementFromLoop(double[] x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 1) return x[i] * x[i];
        }
        return x[0];
    }

    /// <summary>A Length == 0 guard with an early constant return, then (Σ x)².</summary>
    [Differentiable]
    public static double EmptyGuardThenSquaredSum(ReadOnlySpan<double> x)
    {
        if (x.Length == 0) return 0;
        double s = 0;
        foreach (double v in x) s += v;
        return s * s;
    }

    /// <summary>An element copied to another slot and then overwritten: the adjoint must use the value before the store.</summary>
    [Differentiable]
    public static double CopyThenOverwriteElement(double[] x)
    {
        double[] a = new double[2];
        a[0] = x[0];
        a[1] = a[0];
        a[0] = 3 * x[1];
        return a[0] * a[1] + Math.Sin(a[1]);
    }
}
