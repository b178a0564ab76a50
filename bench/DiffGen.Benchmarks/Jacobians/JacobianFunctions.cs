using System;

namespace DiffGen.Benchmarks.Jacobians;

/// <summary>Span-output methods whose generated <c>{M}Jacobian</c> <see cref="JacobianCost"/> times.</summary>
public static partial class JacobianFunctions
{
    /// <summary>y = tanh(W x + b), W row-major y.Length × x.Length: n = x.Length columns, m = y.Length rows.</summary>
    [Differentiable]
    public static void TanhLayer(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> b, Span<double> y)
    {
        for (int r = 0; r < y.Length; r++)
        {
            double s = b[r];
            for (int c = 0; c < x.Length; c++) s += w[r * x.Length + c] * x[c];
            y[r] = Math.Tanh(s);
        }
    }

    /// <summary>Softmax with the maximum subtracted: square.</summary>
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
}
