using System;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// A span rule with first-order rules only (no overloads over dual numbers): H·v through a call of it is blocked,
/// DG1005. The runtime's span primitives used by the sample models have second-order rules, so the blocking tests
/// call this one.
/// </summary>
public static class FirstOrderOnly
{
    /// <summary><c>sum_i x[i] y[i]</c>.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>Pullback of <see cref="Dot"/>.</summary>
    [DerivativeOf(nameof(Dot))]
    public static void DotPullback(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double seed, Span<double> dx, Span<double> dy)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!dx.IsEmpty) dx[i] += seed * y[i];
            if (!dy.IsEmpty) dy[i] += seed * x[i];
        }
    }

    /// <summary>Tangent of <see cref="Dot"/>.</summary>
    [DerivativeOf(nameof(Dot), Kind = DerivativeKind.Tangent)]
    public static (double Value, double Tangent) DotTangent(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> tx, ReadOnlySpan<double> ty)
    {
        double tangent = 0;
        for (int i = 0; i < x.Length; i++) tangent += (tx.IsEmpty ? 0 : tx[i] * y[i]) + (ty.IsEmpty ? 0 : x[i] * ty[i]);
        return (Dot(x, y), tangent);
    }
}
