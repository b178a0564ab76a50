using System;
using System.Buffers;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Parts of arrays and spans passed to span primitives: <c>a.AsSpan(start, length)</c> on arrays and
/// <c>s.Slice(start, length)</c> on spans, to the end or with a length; one flat parameter vector cut
/// into layers, a pooled buffer used for its first n entries, slices of a stackalloc span, float.
/// </summary>
public static partial class SliceFunctions
{
    /// <summary>p holds [w (n) | v (n) | c (rest)]: Σ_i v_i tanh(w_i x_i) + Σ c.</summary>
    [Differentiable]
    public static double FlatParameters(double[] p, double[] x)
    {
        int n = x.Length;
        double[] h = new double[n];
        SpanOps.Mul<double>(p.AsSpan(0, n), x, h);
        double[] a = new double[n];
        SpanOps.Tanh<double>(h, a);
        return SpanOps.Dot<double>(a, p.AsSpan(n, n)) + SpanOps.Sum<double>(p.AsSpan(2 * n));
    }

    /// <summary>The same three parts of a span parameter, cut with Slice: Σ p[0..n) p[n..2n) + Σ p[2n..).</summary>
    [Differentiable]
    public static double SpanSlices(ReadOnlySpan<double> p, int n)
        => SpanOps.Dot<double>(p.Slice(0, n), p.Slice(n, n)) + SpanOps.Sum<double>(p.Slice(2 * n));

    /// <summary>tanh(x) into the first n entries of a pooled buffer (which may be longer), then its dot with x.</summary>
    [Differentiable]
    public static double PooledPrefix(double[] x)
    {
        int n = x.Length;
        double[] buffer = ArrayPool<double>.Shared.Rent(n);
        SpanOps.Tanh<double>(x, buffer.AsSpan(0, n));
        double s = SpanOps.Dot<double>(buffer.AsSpan(0, n), x);
        ArrayPool<double>.Shared.Return(buffer);
        return s;
    }

    /// <summary>tanh of the second half of x into the first half of a stackalloc span: Σ t² over it.</summary>
    [Differentiable]
    public static double StackallocSlice(double[] x)
    {
        int half = x.Length / 2;
        Span<double> t = stackalloc double[x.Length];
        SpanOps.Tanh<double>(x.AsSpan(half, x.Length - half), t.Slice(0, x.Length - half));
        return SpanOps.Dot<double>(t.Slice(0, x.Length - half), t.Slice(0, x.Length - half));
    }

    /// <summary>Rows of a row-major matrix, sliced in a loop: Σ_r (m_r · w)² over the first rows of m.</summary>
    [Differentiable]
    public static double RowDots(double[] m, double[] w, int rows)
    {
        int d = w.Length;
        double s = 0;
        for (int r = 0; r < rows; r++)
        {
            double v = SpanOps.Dot<double>(m.AsSpan(r * d, d), w);
            s += v * v;
        }
        return s;
    }

    /// <summary>Float: p holds [w (n) | c (rest)]: Σ tanh(w_i x_i) + Σ c.</summary>
    [Differentiable]
    public static float FlatParametersF(float[] p, float[] x)
    {
        int n = x.Length;
        float[] h = new float[n];
        SpanOps.Mul<float>(p.AsSpan(0, n), x, h);
        float[] a = new float[n];
        SpanOps.Tanh<float>(h, a);
        return SpanOps.Sum<float>(a) + SpanOps.Sum<float>(p.AsSpan(n));
    }

    /// <summary>The double twin of <see cref="FlatParametersF"/>, written with loops (the reference).</summary>
    public static double FlatParametersD(double[] p, double[] x)
    {
        int n = x.Length;
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Tanh(p[i] * x[i]);
        for (int i = n; i < p.Length; i++) s += p[i];
        return s;
    }
}
