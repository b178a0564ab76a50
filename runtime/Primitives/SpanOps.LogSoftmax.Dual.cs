using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="LogSoftmax{T}"/>: the primal over dual numbers, by <see cref="LogSoftmaxTangent{T}"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogSoftmax(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(LogSoftmaxTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="LogSoftmax{T}"/>: the primal over dual numbers, by <see cref="LogSoftmaxTangent{T}"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogSoftmax(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(LogSoftmaxTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>
    /// Second-order rule of <see cref="LogSoftmax{T}"/>: its pullback over dual numbers. The pullback adds <c>g - s Σg</c> (s = exp(result)); its tangent is the pullback of ġ plus <c>-ṡ Σg</c>, where <c>ṡ = s ⊙ ẏ</c> from the result's tangent ẏ.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output (its tangents are the forward pass's).</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(LogSoftmax))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogSoftmaxPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => LogSoftmaxPullbackDual(DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>
    /// Second-order rule of <see cref="LogSoftmax{T}"/>: its pullback over dual numbers. The pullback adds <c>g - s Σg</c> (s = exp(result)); its tangent is the pullback of ġ plus <c>-ṡ Σg</c>, where <c>ṡ = s ⊙ ẏ</c> from the result's tangent ẏ.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output (its tangents are the forward pass's).</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(LogSoftmax))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void LogSoftmaxPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => LogSoftmaxPullbackDual(DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    private static void LogSoftmaxPullbackDual<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        LogSoftmaxPullback(px.Values, pr.Values, pg.Values, pdx.Values);
        if (pdx.Values.IsEmpty)
        {
            return;
        }

        if (!pg.Tangents.IsEmpty)
        {
            LogSoftmaxPullback(px.Values, pr.Values, pg.Tangents, pdx.Tangents);
        }

        if (!pr.Tangents.IsEmpty)
        {
            // -ṡ Σg with ṡ = s ⊙ ẏ, s = exp(y), ẏ the result's tangent from the forward pass.
            ReadOnlySpan<T> y = pr.Values, ydot = pr.Tangents;
            T total = TensorPrimitives.Sum(pg.Values);
            Span<T> tangent = pdx.Tangents;
            for (int i = 0; i < y.Length; i++)
            {
                tangent[i] -= T.Exp(y[i]) * ydot[i] * total;
            }
        }

        pdx.AddTo(dx);
    }
}
