using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Small [Differentiable] helpers called inside loops, as C# developers factor model code: slices of
/// parameters and of local arrays passed on, helpers calling helpers, helpers that reassign their
/// parameters, allocate, branch, are called twice per iteration, or cannot be inlined (foreach over a
/// span, early return) and are called instead; a [NoDerivative] parameter given data.
/// </summary>
public static partial class HelperCallFunctions
{
    /// <summary>Σ_i w_i tanh(v_i): a helper over two spans, with its own loop and Length.</summary>
    [Differentiable]
    public static double WeightedTanh(ReadOnlySpan<double> v, ReadOnlySpan<double> w)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += w[i] * Math.Tanh(v[i]);
        return s;
    }

    /// <summary>Σ_r WeightedTanh(row r of m, w)²: rows sliced with AsSpan in a loop.</summary>
    [Differentiable]
    public static double RowScores(double[] m, double[] w, int rows)
    {
        int d = w.Length;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            double score = WeightedTanh(m.AsSpan(r * d, d), w);
            total += score * score;
        }
        return total;
    }

    /// <summary>v[0] times a helper over the rest of v, sliced again from the view: a helper calling a helper.</summary>
    [Differentiable]
    public static double HeadTimesTail(ReadOnlySpan<double> v, ReadOnlySpan<double> w) => v[0] * WeightedTanh(v.Slice(1), w.Slice(1, v.Length - 1));

    /// <summary>Σ_r HeadTimesTail(row r, w): two levels of inlined helpers over slices of slices.</summary>
    [Differentiable]
    public static double NestedHelpers(double[] m, double[] w, int rows)
    {
        int d = w.Length;
        double total = 0;
        for (int r = 0; r < rows; r++) total += Math.Sin(HeadTimesTail(m.AsSpan(r * d, d), w));
        return total;
    }

    /// <summary>A helper that reassigns its scalar parameter in a loop (x ← x/2 + sin x, steps times).</summary>
    [Differentiable]
    public static double Damp(double x, int steps)
    {
        for (int k = 0; k < steps; k++) x = 0.5 * x + Math.Sin(x);
        return x;
    }

    /// <summary>Σ_i Damp(a_i, 3) · Damp(a_i b, 2): the helper twice per iteration, with fresh locals each time.</summary>
    [Differentiable]
    public static double TwiceDamped(double[] a, double b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += Damp(a[i], 3) * Damp(a[i] * b, 2);
        return s;
    }

    /// <summary>Σ_i Damp(Damp(a_i, 2) b, 3): the helper inlined inside the argument of its own inlined call.</summary>
    [Differentiable]
    public static double NestedDamped(double[] a, double b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += Damp(Damp(a[i], 2) * b, 3);
        return s;
    }

    /// <summary>A helper allocating a scratch array: softmax-weighted sum of v with temperature t.</summary>
    [Differentiable]
    public static double SoftmaxMean(ReadOnlySpan<double> v, double t)
    {
        double[] e = new double[v.Length];
        double z = 0;
        for (int i = 0; i < v.Length; i++)
        {
            e[i] = Math.Exp(v[i] / t);
            z += e[i];
        }
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * e[i] / z;
        return s;
    }

    /// <summary>Σ over rows of SoftmaxMean(row, t): a local array written per row and read by the helper.</summary>
    [Differentiable]
    public static double RowSoftmax(double[] m, double t, int rows)
    {
        int d = m.Length / rows;
        double[] row = new double[d];
        double s = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < d; j++) row[j] = m[r * d + j] * (1 + 0.1 * j);
            s += SoftmaxMean(row, t);
        }
        return s;
    }

    /// <summary>A helper with a branch on a differentiable comparison and a max.</summary>
    [Differentiable]
    public static double Hinge(double x, double y) => x > y ? Math.Max(x - y, 0.25 * x) : y * y - x;

    /// <summary>Σ_i Hinge(a_i, b_i) with a_i, b_i of two arrays.</summary>
    [Differentiable]
    public static double HingeSum(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += Hinge(a[i], b[i]);
        return s;
    }

    /// <summary>A helper looping with foreach over its span (not inlined: called as written).</summary>
    [Differentiable]
    public static double SumOfSquares(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += x * x;
        return s;
    }

    /// <summary>A helper with an early return (not inlined).</summary>
    [Differentiable]
    public static double Clipped(double x)
    {
        if (x > 1.5) return 1.5 + Math.Log(x - 0.5);
        return x * x * 0.5 + 0.375;
    }

    /// <summary>Σ_r SumOfSquares(row r) · Clipped(m[r d]): helpers that stay calls, in a loop.</summary>
    [Differentiable]
    public static double CalledHelpers(double[] m, int rows)
    {
        int d = m.Length / rows;
        double s = 0;
        for (int r = 0; r < rows; r++) s += SumOfSquares(m.AsSpan(r * d, d)) * Clipped(m[r * d]);
        return s;
    }

    /// <summary>a · b, with no derivative through b.</summary>
    [Differentiable]
    public static double CutProduct(double a, [NoDerivative] double b) => a * b;

    /// <summary>Σ_i CutProduct(x_i, scale): the cut argument carries no derivative, so the helper is inlined.</summary>
    [Differentiable]
    public static double ScaledSum(double[] x, [NoDerivative] double scale)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += CutProduct(x[i], scale) * x[i];
        return s;
    }
}
