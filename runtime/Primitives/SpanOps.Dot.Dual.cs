using System;
using System.ComponentModel;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Dot{T}"/>: the dot product over dual numbers, by <see cref="DotTangent{T}"/>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector.</param>
    /// <returns>The dot product and its tangent.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Dual Dot(ReadOnlySpan<Dual> x, ReadOnlySpan<Dual> y)
    {
        var (value, tangent) = DotDual(DualSpans.Flat(x), DualSpans.Flat(y));
        return new(value, tangent);
    }

    /// <inheritdoc cref="Dot(ReadOnlySpan{Dual}, ReadOnlySpan{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DualF Dot(ReadOnlySpan<DualF> x, ReadOnlySpan<DualF> y)
    {
        var (value, tangent) = DotDual(DualSpans.Flat(x), DualSpans.Flat(y));
        return new(value, tangent);
    }

    /// <summary>
    /// Second-order rule of <see cref="Dot{T}"/>: its pullback over dual numbers. Bilinear: <see cref="DotPullback{T}"/>
    /// on the seed's value and tangent, and with x or y replaced by its tangent (<c>dx˙ = ṡ y + s ẏ</c>).
    /// </summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector.</param>
    /// <param name="seed">Upstream adjoint of the result.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted. May be <paramref name="dy"/>.</param>
    /// <param name="dy">Shadow of <paramref name="y"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Dot))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void DotPullback(ReadOnlySpan<Dual> x, ReadOnlySpan<Dual> y, Dual seed, Span<Dual> dx, Span<Dual> dy)
        => DotPullbackDual(DualSpans.Flat(x), DualSpans.Flat(y), seed.Value, seed.Tangent, DualSpans.Flat(dx), DualSpans.Flat(dy));

    /// <inheritdoc cref="DotPullback(ReadOnlySpan{Dual}, ReadOnlySpan{Dual}, Dual, Span{Dual}, Span{Dual})"/>
    [DerivativeOf(nameof(Dot))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void DotPullback(ReadOnlySpan<DualF> x, ReadOnlySpan<DualF> y, DualF seed, Span<DualF> dx, Span<DualF> dy)
        => DotPullbackDual(DualSpans.Flat(x), DualSpans.Flat(y), seed.Value, seed.Tangent, DualSpans.Flat(dx), DualSpans.Flat(dy));

    private static (T Value, T Tangent) DotDual<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var py = DualParts<T>.Of(y);
        return DotTangent(px.Values, py.Values, px.Tangents, py.Tangents);
    }

    private static void DotPullbackDual<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T seed, T seedTangent, Span<T> dx, Span<T> dy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var py = DualParts<T>.Of(y);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        using var pdy = DualParts<T>.Zeros(dy.Length / 2);
        DotPullback(px.Values, py.Values, seed, pdx.Values, pdy.Values);
        if (seedTangent != T.Zero)
        {
            DotPullback(px.Values, py.Values, seedTangent, pdx.Tangents, pdy.Tangents);
        }

        if (!py.Tangents.IsEmpty && !pdx.Values.IsEmpty)
        {
            DotPullback(px.Values, py.Tangents, seed, pdx.Tangents, default);
        }

        if (!px.Tangents.IsEmpty && !pdy.Values.IsEmpty)
        {
            DotPullback(px.Tangents, py.Values, seed, default, pdy.Tangents);
        }

        pdx.AddTo(dx);
        pdy.AddTo(dy);
    }
}
