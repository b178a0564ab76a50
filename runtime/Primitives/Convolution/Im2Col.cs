using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

/// <summary>
/// Unfolding of one sample's channel group into the columns of a matrix product (im2col) and its
/// adjoint, the folding that adds the columns back onto the input (col2im). Row
/// <c>(c kh + i) kw + j</c> of the unfolded matrix holds, for every output pixel, the input pixel kernel
/// tap (i, j) of channel c reads; taps in the padding read zero.
/// </summary>
internal static class Im2Col
{
    /// <summary>
    /// Writes the unfolded matrix, <c>Depth x OutPlane</c>, of the <c>GroupInChannels</c> channels starting
    /// at <paramref name="x"/> into <paramref name="columns"/>.
    /// </summary>
    public static void Unfold<T>(in ConvGeometry g, ReadOnlySpan<T> x, Span<T> columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outW = g.OutWidth, outH = g.OutHeight, plane = g.OutPlane, row = 0;
        for (int c = 0; c < g.GroupInChannels; c++)
        {
            ReadOnlySpan<T> channel = x.Slice(c * g.InPlane, g.InPlane);
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, row++)
                {
                    Span<T> dst = columns.Slice(row * plane, plane);
                    int offset = j * g.Dilation - g.Padding;
                    (int lo, int hi) = ValidColumns(offset, g.Stride, g.Width, outW);
                    for (int oh = 0; oh < outH; oh++)
                    {
                        Span<T> line = dst.Slice(oh * outW, outW);
                        int ih = oh * g.Stride - g.Padding + i * g.Dilation;
                        if ((uint)ih >= (uint)g.Height)
                        {
                            line.Clear();
                            continue;
                        }

                        ReadOnlySpan<T> src = channel.Slice(ih * g.Width, g.Width);
                        line[..lo].Clear();
                        if (g.Stride == 1)
                        {
                            src.Slice(lo + offset, hi - lo).CopyTo(line[lo..hi]);
                        }
                        else
                        {
                            for (int ow = lo; ow < hi; ow++)
                            {
                                line[ow] = src[ow * g.Stride + offset];
                            }
                        }

                        line[hi..].Clear();
                    }
                }
            }
        }
    }

    /// <summary>
    /// The adjoint of <see cref="Unfold{T}"/>: adds each entry of <paramref name="columns"/> onto the input
    /// pixel it was read from (entries read from the padding are dropped).
    /// </summary>
    public static void FoldAdd<T>(in ConvGeometry g, ReadOnlySpan<T> columns, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outW = g.OutWidth, outH = g.OutHeight, plane = g.OutPlane, row = 0;
        for (int c = 0; c < g.GroupInChannels; c++)
        {
            Span<T> channel = dx.Slice(c * g.InPlane, g.InPlane);
            for (int i = 0; i < g.KernelHeight; i++)
            {
                for (int j = 0; j < g.KernelWidth; j++, row++)
                {
                    ReadOnlySpan<T> src = columns.Slice(row * plane, plane);
                    int offset = j * g.Dilation - g.Padding;
                    (int lo, int hi) = ValidColumns(offset, g.Stride, g.Width, outW);
                    for (int oh = 0; oh < outH; oh++)
                    {
                        int ih = oh * g.Stride - g.Padding + i * g.Dilation;
                        if ((uint)ih >= (uint)g.Height || hi <= lo)
                        {
                            continue;
                        }

                        Span<T> dst = channel.Slice(ih * g.Width, g.Width);
                        ReadOnlySpan<T> line = src.Slice(oh * outW, outW);
                        if (g.Stride == 1)
                        {
                            Span<T> target = dst.Slice(lo + offset, hi - lo);
                            TensorPrimitives.Add(target, line[lo..hi], target);
                        }
                        else
                        {
                            for (int ow = lo; ow < hi; ow++)
                            {
                                dst[ow * g.Stride + offset] += line[ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The output columns <c>[lo, hi)</c> whose input column <c>ow stride + offset</c> lies inside
    /// <c>[0, width)</c>; the others read the padding.
    /// </summary>
    private static (int Lo, int Hi) ValidColumns(int offset, int stride, int width, int outWidth)
    {
        int lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int hi = width - 1 - offset < 0 ? 0 : Math.Min(outWidth, (width - 1 - offset) / stride + 1);
        lo = Math.Min(lo, outWidth);
        return (lo, Math.Max(lo, hi));
    }
}
