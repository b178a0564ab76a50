using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// <c>log(sum_i exp(x[i]))</c>, computed stably by shifting by the maximum (no overflow for large
    /// inputs; <c>-inf</c> when every element is <c>-inf</c>).
    /// </summary>
    /// <param name="x">Input; must not be empty.</param>
    /// <returns>The log-sum-exp of <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public static T LogSumExp<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        return LogSumExpCore(x);
    }

    /// <summary>Pullback of <see cref="LogSumExp{T}"/>: <c>dx += seed softmax(x)</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(LogSumExp))]
    public static void LogSumExpPullback<T>(ReadOnlySpan<T> x, T seed, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        if (IsActive(dx, x.Length, nameof(dx)))
        {
            RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
            AccumulateSoftmax(x, LogSumExpCore(x), seed, dx);
        }
    }

    /// <summary>Tangent of <see cref="LogSumExp{T}"/>: the value and <c>softmax(x)·tx</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <returns>The log-sum-exp and its directional derivative.</returns>
    [DerivativeOf(nameof(LogSumExp), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) LogSumExpTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> tx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireNonEmpty(x, nameof(x));
        bool active = IsActive(tx, x.Length, nameof(tx));
        T lse = LogSumExpCore(x);
        return (lse, active ? SoftmaxDot(x, lse, tx) : T.Zero);
    }

    /// <summary>The stable log-sum-exp of a non-empty span, through a stack scratch (no allocation).</summary>
    private static T LogSumExpCore<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = TensorPrimitives.Max(x);
        if (!T.IsFinite(max))
        {
            return max; // +inf, NaN, or every element -inf
        }

        Span<T> scratch = stackalloc T[ScratchLength];
        T sum = T.Zero;
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> e = scratch[..len];
            TensorPrimitives.Subtract(x.Slice(start, len), max, e);
            TensorPrimitives.Exp(e, e);
            sum += TensorPrimitives.Sum<T>(e);
        }

        return max + T.Log(sum);
    }

    /// <summary><c>destination += scale exp(x - lse)</c>, i.e. <c>scale softmax(x)</c> given <c>lse = LogSumExp(x)</c>.</summary>
    private static void AccumulateSoftmax<T>(ReadOnlySpan<T> x, T lse, T scale, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> e = scratch[..len];
            TensorPrimitives.Subtract(x.Slice(start, len), lse, e);
            TensorPrimitives.Exp(e, e);
            Span<T> d = destination.Slice(start, len);
            TensorPrimitives.MultiplyAdd(e, scale, d, d);
        }
    }

    /// <summary><c>softmax(x)·v</c> given <c>lse = LogSumExp(x)</c>.</summary>
    private static T SoftmaxDot<T>(ReadOnlySpan<T> x, T lse, ReadOnlySpan<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> scratch = stackalloc T[ScratchLength];
        T dot = T.Zero;
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> e = scratch[..len];
            TensorPrimitives.Subtract(x.Slice(start, len), lse, e);
            TensorPrimitives.Exp(e, e);
            dot += TensorPrimitives.Dot<T>(e, v.Slice(start, len));
        }

        return dot;
    }
}
