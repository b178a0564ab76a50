using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>The arithmetic mean of the elements.</summary>
    /// <param name="x">Input; must not be empty.</param>
    /// <returns><c>sum_i x[i] / n</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public static T Mean<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        return TensorPrimitives.Sum(x) / Count<T>(x.Length);
    }

    /// <summary>Pullback of <see cref="Mean{T}"/>: <c>dx[i] += seed / n</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Mean))]
    public static void MeanPullback<T>(ReadOnlySpan<T> x, T seed, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        if (IsActive(dx, x.Length, nameof(dx)))
        {
            RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
            TensorPrimitives.Add(dx, seed / Count<T>(x.Length), dx);
        }
    }

    /// <summary>Tangent of <see cref="Mean{T}"/>: the mean and the mean of <paramref name="tx"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <returns>The mean and its directional derivative.</returns>
    [DerivativeOf(nameof(Mean), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) MeanTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> tx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        T n = Count<T>(x.Length);
        T tangent = IsActive(tx, x.Length, nameof(tx)) ? TensorPrimitives.Sum(tx) / n : T.Zero;
        return (TensorPrimitives.Sum(x) / n, tangent);
    }
}
