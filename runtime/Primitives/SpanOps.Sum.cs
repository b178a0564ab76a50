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
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sum))]
    public static void SumPullback<T>(ReadOnlySpan<T> x, T seed, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (IsActive(dx, x.Length, nameof(dx)))
        {
            RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
            TensorPrimitives.Add(dx, seed, dx);
        }
    }

    /// <summary>Tangent of <see cref="Sum{T}"/>: the sum and <c>sum_i tx[i]</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <returns>The sum and its directional derivative.</returns>
    [DerivativeOf(nameof(Sum), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) SumTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> tx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T tangent = IsActive(tx, x.Length, nameof(tx)) ? TensorPrimitives.Sum(tx) : T.Zero;
        return (TensorPrimitives.Sum(x), tangent);
    }
}
