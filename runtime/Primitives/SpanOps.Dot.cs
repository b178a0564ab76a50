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
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated).</param>
    /// <param name="dy">Shadow of <paramref name="y"/> (accumulated).</param>
    [DerivativeOf(nameof(Dot))]
    public static void DotPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T seed, Span<T> dx, Span<T> dy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        RequireLength<T>(dx, x.Length, nameof(dx));
        RequireLength<T>(dy, x.Length, nameof(dy));
        RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
        RequireDisjoint<T>(dx, y, nameof(dx), nameof(y));
        RequireDisjoint<T>(dy, x, nameof(dy), nameof(x));
        RequireDisjoint<T>(dy, y, nameof(dy), nameof(y));
        TensorPrimitives.MultiplyAdd(y, seed, dx, dx);
        TensorPrimitives.MultiplyAdd(x, seed, dy, dy);
    }

    /// <summary>Tangent of <see cref="Dot{T}"/>: the value and <c>tx·y + x·ty</c>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>.</param>
    /// <param name="ty">Tangent of <paramref name="y"/>.</param>
    /// <returns>The dot product and its directional derivative.</returns>
    [DerivativeOf(nameof(Dot), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) DotTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> tx, ReadOnlySpan<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        RequireLength(tx, x.Length, nameof(tx));
        RequireLength(ty, x.Length, nameof(ty));
        return (TensorPrimitives.Dot(x, y), TensorPrimitives.Dot(tx, y) + TensorPrimitives.Dot(x, ty));
    }
}
