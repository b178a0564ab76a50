using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>The dot product <c>sum_i x[i] y[i]</c>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector, the length of <paramref name="x"/>.</param>
    /// <returns>The dot product (0 for empty vectors).</returns>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        return TensorPrimitives.Dot(x, y);
    }

    /// <summary>Pullback of <see cref="Dot{T}"/>: <c>dx += seed y</c>, <c>dy += seed x</c>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dy">Shadow of <paramref name="y"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Dot))]
    public static void DotPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T seed, Span<T> dx, Span<T> dy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        bool activeX = IsActive(dx, x.Length, nameof(dx));
        bool activeY = IsActive(dy, x.Length, nameof(dy));
        RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
        RequireDisjoint<T>(dx, y, nameof(dx), nameof(y));
        RequireDisjoint<T>(dy, x, nameof(dy), nameof(x));
        RequireDisjoint<T>(dy, y, nameof(dy), nameof(y));
        if (activeX)
        {
            TensorPrimitives.MultiplyAdd(y, seed, dx, dx);
        }

        if (activeY)
        {
            TensorPrimitives.MultiplyAdd(x, seed, dy, dy);
        }
    }

    /// <summary>Tangent of <see cref="Dot{T}"/>: the value and <c>tx·y + x·ty</c>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="ty">Tangent of <paramref name="y"/>; empty: zero.</param>
    /// <returns>The dot product and its directional derivative.</returns>
    [DerivativeOf(nameof(Dot), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) DotTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> tx, ReadOnlySpan<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        T tangentX = IsActive(tx, x.Length, nameof(tx)) ? TensorPrimitives.Dot(tx, y) : T.Zero;
        T tangentY = IsActive(ty, x.Length, nameof(ty)) ? TensorPrimitives.Dot(x, ty) : T.Zero;
        return (TensorPrimitives.Dot(x, y), tangentX + tangentY);
    }
}
