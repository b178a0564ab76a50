using System;
using System.Buffers;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Array locals rented from <see cref="ArrayPool{T}.Shared"/>: a scratch vector carried through a recurrence,
/// a buffer overwritten on every iteration of a loop, the try/finally idiom, a float version, and pooled storage
/// mixed with stackalloc. Each uses only the first n entries of an array that may be longer and hold garbage,
/// writing every entry before reading it. Each has a twin computing the same with <c>new T[n]</c>.
/// </summary>
public static partial class PooledFunctions
{
    /// <summary>
    /// state_i = a_i x0, then per step state_i = sin(state_{i+1 mod n}) a_i + 0.5 state_i (in place, so later
    /// entries see earlier updates); returns Σ state_i. The adjoint needs every overwritten value.
    /// </summary>
    [Differentiable]
    public static double PooledRecurrence(double[] a, double x0, int steps)
    {
        int n = a.Length;
        double[] state = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) state[i] = a[i] * x0;
        for (int k = 0; k < steps; k++)
        {
            for (int i = 0; i < n; i++) state[i] = Math.Sin(state[(i + 1) % n]) * a[i] + 0.5 * state[i];
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += state[i];
        ArrayPool<double>.Shared.Return(state);
        return s;
    }

    /// <summary>The same recurrence with a <c>new double[n]</c> scratch vector (the reference).</summary>
    public static double NewRecurrence(double[] a, double x0, int steps)
    {
        int n = a.Length;
        double[] state = new double[n];
        for (int i = 0; i < n; i++) state[i] = a[i] * x0;
        for (int k = 0; k < steps; k++)
        {
            for (int i = 0; i < n; i++) state[i] = Math.Sin(state[(i + 1) % n]) * a[i] + 0.5 * state[i];
        }
        double s = 0;
        for (int i = 0; i < n; i++) s += state[i];
        return s;
    }

    /// <summary>
    /// Three layers sharing one pooled buffer, overwritten on every pass: h_i = tanh(w_i s + x_i), s = Σ h_i² / n.
    /// Returned to the pool in a finally.
    /// </summary>
    [Differentiable]
    public static double PooledLayers(double[] w, double[] x)
    {
        int n = x.Length;
        double[] h = ArrayPool<double>.Shared.Rent(n);
        try
        {
            double s = 0.5;
            for (int layer = 0; layer < 3; layer++)
            {
                for (int i = 0; i < n; i++) h[i] = Math.Tanh(w[i] * s + x[i]);
                s = 0;
                for (int i = 0; i < n; i++) s += h[i] * h[i];
                s = s / n;
            }
            return s + h[0] * w[0];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(h);
        }
    }

    /// <summary>The same layers with <c>new double[n]</c>.</summary>
    public static double NewLayers(double[] w, double[] x)
    {
        int n = x.Length;
        double[] h = new double[n];
        double s = 0.5;
        for (int layer = 0; layer < 3; layer++)
        {
            for (int i = 0; i < n; i++) h[i] = Math.Tanh(w[i] * s + x[i]);
            s = 0;
            for (int i = 0; i < n; i++) s += h[i] * h[i];
            s = s / n;
        }
        return s + h[0] * w[0];
    }

    /// <summary>Float: prefix products p_{i+1} = p_i (1 + x_i / 4) in a pooled float buffer, Σ p_i sin(p_i), returned with clearArray.</summary>
    [Differentiable]
    public static float PooledPrefixF(float[] x)
    {
        int n = x.Length;
        float[] p = ArrayPool<float>.Shared.Rent(n + 1);
        p[0] = 1f;
        for (int i = 0; i < n; i++) p[i + 1] = p[i] * (1f + x[i] / 4f);
        float s = 0f;
        for (int i = 0; i <= n; i++) s += p[i] * MathF.Sin(p[i]);
        ArrayPool<float>.Shared.Return(p, clearArray: true);
        return s;
    }

    /// <summary>The double twin of <see cref="PooledPrefixF"/>.</summary>
    public static double PrefixD(double[] x)
    {
        int n = x.Length;
        double[] p = new double[n + 1];
        p[0] = 1;
        for (int i = 0; i < n; i++) p[i + 1] = p[i] * (1 + x[i] / 4);
        double s = 0;
        for (int i = 0; i <= n; i++) s += p[i] * Math.Sin(p[i]);
        return s;
    }

    /// <summary>
    /// A pooled buffer and a stackalloc one together: e = exp(x - c) pooled, q_i = e_i y_i on the stack, then
    /// log Σ q_i + Σ e_i² / (1 + Σ e_i).
    /// </summary>
    [Differentiable]
    public static double PooledWithStack(double[] x, double[] y, double c)
    {
        int n = x.Length;
        double[] e = ArrayPool<double>.Shared.Rent(n);
        Span<double> q = stackalloc double[n];
        for (int i = 0; i < n; i++) e[i] = Math.Exp(x[i] - c);
        for (int i = 0; i < n; i++) q[i] = e[i] * y[i];
        double sq = 0, se = 0, ee = 0;
        for (int i = 0; i < n; i++)
        {
            sq += q[i];
            se += e[i];
            ee += e[i] * e[i];
        }
        ArrayPool<double>.Shared.Return(e);
        return Math.Log(sq) + ee / (1 + se);
    }

    /// <summary>The same with <c>new double[n]</c> for both buffers.</summary>
    public static double NewWithStack(double[] x, double[] y, double c)
    {
        int n = x.Length;
        double[] e = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) e[i] = Math.Exp(x[i] - c);
        for (int i = 0; i < n; i++) q[i] = e[i] * y[i];
        double sq = 0, se = 0, ee = 0;
        for (int i = 0; i < n; i++)
        {
            sq += q[i];
            se += e[i];
            ee += e[i] * e[i];
        }
        return Math.Log(sq) + ee / (1 + se);
    }

    /// <summary>Two pooled buffers, straight-line code after the loops: the Return of <c>u</c> comes before the last reads of <c>v</c>.</summary>
    [Differentiable]
    public static double TwoPooled(double[] x)
    {
        int n = x.Length;
        double[] u = ArrayPool<double>.Shared.Rent(n);
        double[] v = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) u[i] = x[i] * x[i];
        for (int i = 0; i < n; i++) v[i] = Math.Sin(u[i]) + u[n - 1 - i];
        ArrayPool<double>.Shared.Return(u);
        double s = v[0] * v[n - 1];
        for (int i = 0; i < n; i++) s += v[i] * x[i];
        ArrayPool<double>.Shared.Return(v);
        return s;
    }

    /// <summary>The same with <c>new double[n]</c>.</summary>
    public static double NewTwo(double[] x)
    {
        int n = x.Length;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) u[i] = x[i] * x[i];
        for (int i = 0; i < n; i++) v[i] = Math.Sin(u[i]) + u[n - 1 - i];
        double s = v[0] * v[n - 1];
        for (int i = 0; i < n; i++) s += v[i] * x[i];
        return s;
    }

    /// <summary>Σ sin(x_i²) through one pooled buffer written once (its adjoint reloads it; no tape).</summary>
    [Differentiable]
    public static double PooledSineOfSquares(double[] x)
    {
        int n = x.Length;
        double[] squares = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) squares[i] = x[i] * x[i];
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Sin(squares[i]);
        ArrayPool<double>.Shared.Return(squares);
        return s;
    }

    /// <summary>Softmax of x into y (a void method writing a Span output) with the exponentials in a pooled buffer.</summary>
    [Differentiable]
    public static void PooledSoftmax(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        double[] e = ArrayPool<double>.Shared.Rent(n);
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            e[i] = Math.Exp(x[i]);
            s += e[i];
        }
        for (int i = 0; i < n; i++) y[i] = e[i] / s;
        ArrayPool<double>.Shared.Return(e);
    }

    /// <summary>
    /// Returns one buffer and rents the next of the same length, which the pool may hand out as the same array:
    /// s = Σ sin(x_i²) through u, then Σ cos(x_i) s x_i through v. Reverse mode must not give u back before its
    /// adjoint sweep has read it.
    /// </summary>
    [Differentiable]
    public static double PooledReuseAfterReturn(double[] x)
    {
        int n = x.Length;
        double[] u = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) u[i] = x[i] * x[i];
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.Sin(u[i]);
        ArrayPool<double>.Shared.Return(u);
        double[] v = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) v[i] = Math.Cos(x[i]) * s;
        double t = 0;
        for (int i = 0; i < n; i++) t += v[i] * x[i];
        ArrayPool<double>.Shared.Return(v);
        return t;
    }

    /// <summary>
    /// The pullback of <see cref="SpanOps.Dot{T}"/> reads u in the adjoint sweep, after u's Return and after v,
    /// rented next at the same length, has been written: s = Σ sin(x_i) x_i, then s + Σ (x_i s)². x must have a
    /// power-of-two length (16 in the tests): the pool then hands out arrays of exactly that length, as Dot needs.
    /// </summary>
    [Differentiable]
    public static double PooledDotThenReuse(double[] x)
    {
        int n = x.Length;
        double[] u = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) u[i] = Math.Sin(x[i]);
        double s = SpanOps.Dot(u, x);
        ArrayPool<double>.Shared.Return(u);
        double[] v = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++) v[i] = x[i] * s;
        double t = 0;
        for (int i = 0; i < n; i++) t += v[i] * v[i];
        ArrayPool<double>.Shared.Return(v);
        return s + t;
    }
}
