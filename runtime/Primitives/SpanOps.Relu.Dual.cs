using System;
using System.ComponentModel;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Second-order rule of <see cref="Relu{T}(ReadOnlySpan{T}, Span{T})"/>: the rectifier over dual numbers, the
    /// tangent passed where the value is positive. Relu is piecewise linear, so its pullback's tangent is the same
    /// mask applied to the seed's tangent; at an input exactly 0 both use relu'(0) = 0, the gradient's rule.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Relu(ReadOnlySpan<Dual> x, Span<Dual> result) => ReluDual(DualSpans.Flat(x), 0.0, DualSpans.Flat(result));

    /// <inheritdoc cref="Relu(ReadOnlySpan{Dual}, Span{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Relu(ReadOnlySpan<DualF> x, Span<DualF> result) => ReluDual(DualSpans.Flat(x), 0f, DualSpans.Flat(result));

    /// <inheritdoc cref="Relu(ReadOnlySpan{Dual}, Span{Dual})"/>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Relu))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ReluPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => ReluPullbackDual(DualSpans.Flat(x), 0.0, DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <inheritdoc cref="ReluPullback(ReadOnlySpan{Dual}, Span{Dual}, ReadOnlySpan{Dual}, Span{Dual})"/>
    [DerivativeOf(nameof(Relu))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ReluPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => ReluPullbackDual(DualSpans.Flat(x), 0f, DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>
    /// Second-order rule of <see cref="Relu{T}(ReadOnlySpan{T}, T, Span{T})"/>: as <see cref="Relu(ReadOnlySpan{Dual}, Span{Dual})"/>,
    /// with relu'(0) = <paramref name="derivativeAtZero"/> (its value; it has no derivative) at an input exactly 0.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="derivativeAtZero">relu'(0).</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Relu(ReadOnlySpan<Dual> x, Dual derivativeAtZero, Span<Dual> result)
        => ReluDual(DualSpans.Flat(x), derivativeAtZero.Value, DualSpans.Flat(result));

    /// <inheritdoc cref="Relu(ReadOnlySpan{Dual}, Dual, Span{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Relu(ReadOnlySpan<DualF> x, DualF derivativeAtZero, Span<DualF> result)
        => ReluDual(DualSpans.Flat(x), derivativeAtZero.Value, DualSpans.Flat(result));

    /// <inheritdoc cref="Relu(ReadOnlySpan{Dual}, Dual, Span{Dual})"/>
    /// <param name="x">Input.</param>
    /// <param name="derivativeAtZero">relu'(0).</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Relu))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ReluPullback(ReadOnlySpan<Dual> x, Dual derivativeAtZero, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => ReluPullbackDual(DualSpans.Flat(x), derivativeAtZero.Value, DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <inheritdoc cref="ReluPullback(ReadOnlySpan{Dual}, Dual, Span{Dual}, ReadOnlySpan{Dual}, Span{Dual})"/>
    [DerivativeOf(nameof(Relu))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ReluPullback(ReadOnlySpan<DualF> x, DualF derivativeAtZero, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => ReluPullbackDual(DualSpans.Flat(x), derivativeAtZero.Value, DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>The rectifier of the values, and the tangents masked by relu'(value) (no kink counting: the pullback counts).</summary>
    private static void ReluDual<T>(ReadOnlySpan<T> x, T derivativeAtZero, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Zeros(result.Length / 2);
        Relu(px.Values, pr.Values);
        if (!px.Tangents.IsEmpty)
        {
            MaskedAccumulate(px.Values, px.Tangents, pr.Tangents);
            AccumulateAtZero(px.Values, px.Tangents, derivativeAtZero, pr.Tangents);
        }

        pr.WriteTo(result);
    }

    /// <summary>The pullback of the values (which counts kinks), and the seed's tangents masked the same way.</summary>
    private static void ReluPullbackDual<T>(ReadOnlySpan<T> x, T derivativeAtZero, ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        ReluPullback(px.Values, derivativeAtZero, pr.Values, pg.Values, pdx.Values);
        if (!pg.Tangents.IsEmpty && !pdx.Values.IsEmpty)
        {
            MaskedAccumulate(px.Values, pg.Tangents, pdx.Tangents);
            AccumulateAtZero(px.Values, pg.Tangents, derivativeAtZero, pdx.Tangents);
        }

        pdx.AddTo(dx);
    }
}
