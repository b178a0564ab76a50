using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Softmax{T}"/>: the primal over dual numbers, by <see cref="SoftmaxTangent{T}"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Softmax(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(SoftmaxTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Softmax{T}"/>: the primal over dual numbers, by <see cref="SoftmaxTangent{T}"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Softmax(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(SoftmaxTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>
    /// Second-order rule of <see cref="Softmax{T}"/>: its pullback over dual numbers. The pullback adds <c>s ⊙ (g - g·s)</c>; its tangent is the pullback of ġ plus <c>ṡ ⊙ (g - g·s) - s (g·ṡ)</c>, ṡ being the result's tangent.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output (its tangents are the forward pass's).</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Softmax))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SoftmaxPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => SoftmaxPullbackDual(DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>
    /// Second-order rule of <see cref="Softmax{T}"/>: its pullback over dual numbers. The pullback adds <c>s ⊙ (g - g·s)</c>; its tangent is the pullback of ġ plus <c>ṡ ⊙ (g - g·s) - s (g·ṡ)</c>, ṡ being the result's tangent.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output (its tangents are the forward pass's).</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Softmax))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SoftmaxPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => SoftmaxPullbackDual(DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    private static void SoftmaxPullbackDual<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        SoftmaxPullback(px.Values, pr.Values, pg.Values, pdx.Values);
        if (pdx.Values.IsEmpty)
        {
            return;
        }

        if (!pg.Tangents.IsEmpty)
        {
            SoftmaxPullback(px.Values, pr.Values, pg.Tangents, pdx.Tangents);
        }

        if (!pr.Tangents.IsEmpty)
        {
            // ṡ ⊙ (g - g·s) - s (g·ṡ), with ṡ the result's tangent from the forward pass.
            ReadOnlySpan<T> s = pr.Values, sdot = pr.Tangents, g = pg.Values;
            T gs = TensorPrimitives.Dot(g, s), gsdot = TensorPrimitives.Dot(g, sdot);
            Span<T> tangent = pdx.Tangents;
            for (int i = 0; i < s.Length; i++)
            {
                tangent[i] += sdot[i] * (g[i] - gs) - s[i] * gsdot;
            }
        }

        pdx.AddTo(dx);
    }
}
