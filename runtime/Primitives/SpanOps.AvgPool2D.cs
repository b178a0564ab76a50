using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// 2-D average pooling over NCHW data: each output pixel is the sum of its <c>kernel x kernel</c> window
    /// divided by <c>kernel²</c>, padding counted as zeros (PyTorch's default, <c>count_include_pad=True</c>).
    /// </summary>
    /// <param name="x">Input, <c>batch x channels x height x width</c>.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernel">Window side.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="padding">Padding on every side, at most <c>kernel / 2</c>.</param>
    /// <param name="result">Output, <c>batch x channels x outHeight x outWidth</c>; must not overlap <paramref name="x"/>.</param>
    public static void AvgPool2D<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                    Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2D(PoolKind.Average, x, batch, channels, height, width, kernel, stride, padding, result);

    /// <summary>Pullback of <see cref="AvgPool2D{T}"/>: every input pixel of a window gets <c>dresult / kernel²</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernel">Window side.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(AvgPool2D))]
    public static void AvgPool2DPullback<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                            Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2DPullback(PoolKind.Average, x, batch, channels, height, width, kernel, stride, padding, result, dresult, dx);

    /// <summary>Tangent of <see cref="AvgPool2D{T}"/>: computes <paramref name="result"/> and <c>tresult = AvgPool2D(tx)</c> (it is linear).</summary>
    /// <param name="x">Input.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernel">Window side.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="padding">Padding.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(AvgPool2D), Kind = DerivativeKind.Tangent)]
    public static void AvgPool2DTangent<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                           Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2DTangent(PoolKind.Average, x, batch, channels, height, width, kernel, stride, padding, result, tx, tresult);
}
