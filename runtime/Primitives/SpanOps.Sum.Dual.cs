using System;
using System.ComponentModel;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Sum{T}"/>: the sum over dual numbers, by <see cref="SumTangent{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>.</summary>
    /// <param name="x">Input.</param>
    /// <returns>The sum and its tangent.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Dual Sum(ReadOnlySpan<Dual> x)
    {
        var (value, tangent) = SumDual(DualSpans.Flat(x));
        return new(value, tangent);
    }

    /// <inheritdoc cref="Sum(ReadOnlySpan{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DualF Sum(ReadOnlySpan<DualF> x)
    {
        var (value, tangent) = SumDual(DualSpans.Flat(x));
        return new(value, tangent);
    }

    /// <summary>Second-order rule of <see cref="Sum{T}"/>: its pullback over dual numbers (linear: the pullback of the seed's value and tangent).</summary>
    /// <param name="x">Input.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sum))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SumPullback(ReadOnlySpan<Dual> x, Dual seed, Span<Dual> dx)
        => SumPullbackDual(DualSpans.Flat(x), seed.Value, seed.Tangent, DualSpans.Flat(dx));

    /// <inheritdoc cref="SumPullback(ReadOnlySpan{Dual}, Dual, Span{Dual})"/>
    [DerivativeOf(nameof(Sum))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SumPullback(ReadOnlySpan<DualF> x, DualF seed, Span<DualF> dx)
        => SumPullbackDual(DualSpans.Flat(x), seed.Value, seed.Tangent, DualSpans.Flat(dx));

    private static (T Value, T Tangent) SumDual<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        return SumTangent(px.Values, px.Tangents);
    }

    private static void SumPullbackDual<T>(ReadOnlySpan<T> x, T seed, T seedTangent, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        SumPullback(px.Values, seed, pdx.Values);
        SumPullback(px.Values, seedTangent, pdx.Tangents);
        pdx.AddTo(dx);
    }
}
