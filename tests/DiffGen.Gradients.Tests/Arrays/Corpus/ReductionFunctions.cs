using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Reductions over arrays and spans: dot products in every parameter flavour, weighted norms,
/// foreach loops, statistics, gathers through an int index array, Length-dependent pairings.
/// </summary>
public static partial class ReductionFunctions
{
    /// <summary>Σ x_i y_i over two arrays.</summary>
    [Differentiable]
    public static double DotArrays(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>Σ x_i y_i over two read-only spans.</summary>
    [Differentiable]
    public static double DotSpans(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>Σ x_i y_i with an array and a read-only span.</summary>
    [Differentiable]
    public static double DotMixed(double[] x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < y.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>Σ x_i y_i with a (read-only used) Span and an array, summed with a while loop.</summary>
    [Differentiable]
    public static double DotMutableSpanWhile(Span<double> x, double[] y)
    {
        double s = 0;
        int i = 0;
        while (i < x.Length)
        {
            s += x[i] * y[i];
            i++;
        }
        return s;
    }

    /// <summary>Σ w_i x_i² with data weights.</summary>
    [Differentiable]
    public static double WeightedSquaredNorm(double[] x, [NoDerivative] double[] w)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += w[i] * x[i] * x[i];
        return s;
    }

    /// <summary>sqrt(Σ (w_i x_i)²) with differentiable weights.</summary>
    [Differentiable]
    public static double WeightedEuclideanNorm(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = w[i] * x[i];
            s += t * t;
        }
        return Math.Sqrt(s);
    }

    /// <summary>Σ x_i² with a foreach over an array.</summary>
    [Differentiable]
    public static double SumOfSquaresForeach(double[] x)
    {
        double s = 0;
        foreach (double v in x) s += v * v;
        return s;
    }

    /// <summary>log Σ exp(x_i), stabilised by the maximum, both loops foreach over a span.</summary>
    [Differentiable]
    public static double LogSumExpForeach(ReadOnlySpan<double> x)
    {
        double m = x[0];
        foreach (double v in x)
        {
            if (v > m) m = v;
        }
        double s = 0;
        foreach (double v in x) s += Math.Exp(v - m);
        return m + Math.Log(s);
    }

    /// <summary>The population variance Σ (x_i - mean)² / n.</summary>
    [Differentiable]
    public static double Variance(double[] x)
    {
        double mean = 0;
        for (int i = 0; i < x.Length; i++) mean += x[i];
        mean /= x.Length;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double c = x[i] - mean;
            s += c * c;
        }
        return s / x.Length;
    }

    /// <summary>&lt;x, y&gt; / (|x| |y|).</summary>
    [Differentiable]
    public static double CosineSimilarity(double[] x, double[] y)
    {
        double xy = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            xy += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return xy / Math.Sqrt(xx * yy);
    }

    /// <summary>exp(mean(log x_i)) for positive x.</summary>
    [Differentiable]
    public static double GeometricMean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += Math.Log(v);
        return Math.Exp(s / x.Length);
    }

    /// <summary>Σ a_i b_i / (1 + c_i²) over three arrays.</summary>
    [Differentiable]
    public static double ThreeArrays(double[] a, double[] b, double[] c)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i] / (1 + c[i] * c[i]);
        return s;
    }

    /// <summary>Σ_j w_j x[index_j]², gathering through an int index array (indices may repeat).</summary>
    [Differentiable]
    public static double GatherWeighted(double[] x, [NoDerivative] double[] w, int[] index)
    {
        double s = 0;
        for (int j = 0; j < index.Length; j++)
        {
            double v = x[index[j]];
            s += w[j] * v * v;
        }
        return s;
    }

    /// <summary>Σ_{i &lt; n/2} x_i x_{n-1-i}, plus the middle element cubed when n is odd.</summary>
    [Differentiable]
    public static double MirrorPairs(double[] x)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n / 2; i++) s += x[i] * x[n - 1 - i];
        if (n % 2 == 1) s += x[n / 2] * x[n / 2] * x[n / 2];
        return s;
    }

    /// <summary>t Σ exp(s x_i): two scalars and an array.</summary>
    [Differentiable]
    public static double ScalarsAndArray(double[] x, double s, double t)
    {
        double acc = 0;
        for (int i = 0; i < x.Length; i++) acc += Math.Exp(s * x[i]);
        return t * acc;
    }

    /// <summary>Σ x_i sin(i x_i) with a do-while loop.</summary>
    [Differentiable]
    public static double DoWhileSum(double[] x)
    {
        double s = 0;
        int i = 0;
        do
        {
            s += x[i] * Math.Sin(i * x[i]);
            i++;
        }
        while (i < x.Length);
        return s;
    }

    /// <summary>
    /// Σ_c Σ_{r>c} x_r x_c² y_c: y_c is read only when the inner loop runs, so y may be one shorter than
    /// x. The adjoint loads y_c once per inner loop, and must not load it for the empty last one.
    /// </summary>
    [Differentiable]
    public static double UpperTriangleWeighted(double[] x, double[] y)
    {
        double s = 0;
        for (int c = 0; c < x.Length; c++)
        {
            for (int r = c + 1; r < x.Length; r++) s += x[r] * x[c] * y[c];
        }
        return s;
    }
}
