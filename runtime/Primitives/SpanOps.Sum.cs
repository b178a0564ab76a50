using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>The sum of the elements (0 for an empty span).</summary>
    /// <param name="x">Input.</param>
    /// <returns><c>sum_i x[i]</c>.</returns>
    public static T Sum<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        => TensorPrimitives.Sum(x);

    /// <summary>Pullback of <see cref="Sum{T}"/>: <c>dx[i] += seed</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated).</param>
    [DerivativeOf(nameof(Sum))]
    public static void SumPullback<T>(ReadOnlySpan<T> x, T seed, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireLength<T>(dx, x.Length, nameof(dx));
        RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
        TensorPrimitives.Add(dx, seed, dx);
    }

    /// <summary>Tangent of <see cref="Sum{T}"/>: the sum and <c>sum_i tx[i]</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>.</param>
    /// <returns>The sum and its directional derivative.</returns>
    [DerivativeOf(nameof(Sum), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) SumTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> tx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireLength(tx, x.Length, nameof(tx));
        return (TensorPrimitives.Sum(x), TensorPrimitives.Sum(tx));
    }
}
