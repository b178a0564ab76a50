using System;

namespace DiffGen.Gradients.Tests.Jacobians;

/// <summary>
/// Methods writing <c>Span</c> outputs, each of which gets <c>{M}Jacobian</c>: square, wide (more inputs than
/// outputs, reverse rows by default) and tall (more outputs than inputs, forward columns by default) shapes.
/// </summary>
public static partial class JacobianFunctions
{
    /// <summary>Elementwise: a diagonal Jacobian (m = n).</summary>
    [Differentiable]
    public static void SinExp(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = Math.Sin(x[i]) * Math.Exp(0.5 * x[i]);
    }

    /// <summary>y = A x with A row-major rows × x.Length: J = [x-blocks | A] (wide).</summary>
    [Differentiable]
    public static void MatVec(ReadOnlySpan<double> a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int r = 0; r < y.Length; r++)
        {
            double s = 0;
            for (int c = 0; c < x.Length; c++) s += a[r * x.Length + c] * x[c];
            y[r] = s;
        }
    }

    /// <summary>Softmax with the maximum subtracted (square, dense).</summary>
    [Differentiable]
    public static void Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        double max = z[0];
        for (int i = 1; i < z.Length; i++) max = Math.Max(max, z[i]);
        double sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            p[i] = Math.Exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.Length; i++) p[i] /= sum;
    }

    /// <summary>A recurrence whose step depends on a branch on the state: every output depends on h0 and on the earlier a.</summary>
    [Differentiable]
    public static void Recurrence(ReadOnlySpan<double> a, double h0, Span<double> h)
    {
        double state = h0;
        for (int t = 0; t < h.Length; t++)
        {
            if (state > 0) state = Math.Tanh(a[t] * state + 0.3);
            else state = a[t] - 0.5 * state * state;
            h[t] = state;
        }
    }

    /// <summary>Scalars and an array mixed: y_i = scale x_i² + shift.</summary>
    [Differentiable]
    public static void ScaleShift(double scale, ReadOnlySpan<double> x, double shift, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = scale * x[i] * x[i] + shift;
    }

    /// <summary>Nonsmooth: relu and abs, evaluated away from their kinks.</summary>
    [Differentiable]
    public static void ReluAbs(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] = DiffMath.Relu(x[i] - x[(i + 1) % x.Length]) + Math.Abs(x[i] - 0.5) * x[i];
    }

    /// <summary>Two inputs, many outputs (tall): a sampled curve.</summary>
    [Differentiable]
    public static void Curve(double t, double s, Span<double> y)
    {
        for (int k = 0; k < y.Length; k++) y[k] = s * Math.Cos((k + 1) * t) + t * t * k;
    }

    /// <summary>Many inputs, three outputs (wide): mean, variance and maximum.</summary>
    [Differentiable]
    public static void Moments(ReadOnlySpan<double> x, Span<double> stats)
    {
        double mean = 0;
        for (int i = 0; i < x.Length; i++) mean += x[i];
        mean /= x.Length;
        double variance = 0, max = x[0];
        for (int i = 0; i < x.Length; i++)
        {
            variance += (x[i] - mean) * (x[i] - mean);
            max = Math.Max(max, x[i]);
        }
        stats[0] = mean;
        stats[1] = variance / x.Length;
        stats[2] = max;
    }

    /// <summary>Two output spans: the rows of the first come before those of the second.</summary>
    [Differentiable]
    public static void SumAndProduct(ReadOnlySpan<double> x, double c, Span<double> sums, Span<double> products)
    {
        for (int i = 0; i < sums.Length; i++) sums[i] = x[i] + x[i + 1] + c;
        for (int i = 0; i < products.Length; i++) products[i] = x[i] * x[x.Length - 1 - i] * c;
    }

    /// <summary>A layer calling another [Differentiable] method with span outputs (through its pullback and tangent).</summary>
    [Differentiable]
    public static void TwoLayers(ReadOnlySpan<double> w, ReadOnlySpan<double> x, Span<double> y)
    {
        double[] hidden = new double[x.Length];
        SinExp(x, hidden);
        double[] outputs = new double[y.Length];
        MatVec(w, hidden, outputs);
        for (int i = 0; i < y.Length; i++) y[i] = outputs[i];
    }

    /// <summary>Reads its output before writing it: the Jacobian is taken at the output's contents at entry.</summary>
    [Differentiable]
    public static void AddSquares(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += x[i] * x[i];
    }

    /// <summary>Single precision.</summary>
    [Differentiable]
    public static void SinExpF(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = MathF.Sin(x[i]) * MathF.Exp(0.5f * x[i]);
    }
}
