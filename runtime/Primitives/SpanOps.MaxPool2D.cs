using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// 2-D max pooling over NCHW data: each output pixel is the largest input pixel of its
    /// <c>kernel x kernel</c> window (windows every <paramref name="stride"/> pixels; the padding never wins).
    /// </summary>
    /// <remarks>
    /// The rules send the whole gradient (and take the tangent) of a window to its first largest pixel in
    /// row-major order, PyTorch's choice at ties. They find it again from the input, so nothing is stored
    /// between the primal and the pullback.
    /// </remarks>
    /// <param name="x">Input, <c>batch x channels x height x width</c>.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernel">Window side.</param>
    /// <param name="stride">Step between windows.</param>
    /// <param name="padding">Padding on every side, at most <c>kernel / 2</c>.</param>
    /// <param name="result">Output, <c>batch x channels x outHeight x outWidth</c>; must not overlap <paramref name="x"/>.</param>
    public static void MaxPool2D<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                    Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2D(PoolKind.Max, x, batch, channels, height, width, kernel, stride, padding, result);

    /// <summary>Pullback of <see cref="MaxPool2D{T}"/>: <c>dx[argmax of window] += dresult[window]</c>.</summary>
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
    [DerivativeOf(nameof(MaxPool2D))]
    public static void MaxPool2DPullback<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                            Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2DPullback(PoolKind.Max, x, batch, channels, height, width, kernel, stride, padding, result, dresult, dx);

    /// <summary>Tangent of <see cref="MaxPool2D{T}"/>: computes <paramref name="result"/> and <c>tresult[window] = tx[argmax of window]</c>.</summary>
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
    [DerivativeOf(nameof(MaxPool2D), Kind = DerivativeKind.Tangent)]
    public static void MaxPool2DTangent<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                           Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Pool2DTangent(PoolKind.Max, x, batch, channels, height, width, kernel, stride, padding, result, tx, tresult);
}
