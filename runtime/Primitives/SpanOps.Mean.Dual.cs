using System;
using System.ComponentModel;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Mean{T}"/>: the mean over dual numbers, by <see cref="MeanTangent{T}"/>.</summary>
    /// <param name="x">Input.</param>
    /// <returns>The mean and its tangent.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Dual Mean(ReadOnlySpan<Dual> x)
    {
        var (value, tangent) = MeanDual(DualSpans.Flat(x));
        return new(value, tangent);
    }

    /// <inheritdoc cref="Mean(ReadOnlySpan{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DualF Mean(ReadOnlySpan<DualF> x)
    {
        var (value, tangent) = MeanDual(DualSpans.Flat(x));
        return new(value, tangent);
    }

    /// <summary>Second-order rule of <see cref="Mean{T}"/>: its pullback over dual numbers (linear: the pullback of the seed's value and tangent).</summary>
    /// <param name="x">Input.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Mean))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MeanPullback(ReadOnlySpan<Dual> x, Dual seed, Span<Dual> dx)
        => MeanPullbackDual(DualSpans.Flat(x), seed.Value, seed.Tangent, DualSpans.Flat(dx));

    /// <inheritdoc cref="MeanPullback(ReadOnlySpan{Dual}, Dual, Span{Dual})"/>
    [DerivativeOf(nameof(Mean))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MeanPullback(ReadOnlySpan<DualF> x, DualF seed, Span<DualF> dx)
        => MeanPullbackDual(DualSpans.Flat(x), seed.Value, seed.Tangent, DualSpans.Flat(dx));

    private static (T Value, T Tangent) MeanDual<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        return MeanTangent(px.Values, px.Tangents);
    }

    private static void MeanPullbackDual<T>(ReadOnlySpan<T> x, T seed, T seedTangent, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        MeanPullback(px.Values, seed, pdx.Values);
        MeanPullback(px.Values, seedTangent, pdx.Tangents);
        pdx.AddTo(dx);
    }
}
