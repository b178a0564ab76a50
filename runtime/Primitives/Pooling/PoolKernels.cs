using System;
using System.Numerics;

namespace DiffGen;

/// <summary>
/// Pooling loops over NCHW planes, written once for max and average: each visits every output pixel's
/// window clipped to the input (<see cref="PoolGeometry.Rows"/>, <see cref="PoolGeometry.Columns"/>).
/// Lengths and aliasing are the caller's to check.
/// </summary>
internal static class PoolKernels
{
    /// <summary><c>y = max over each window</c>.</summary>
    public static void Max<T>(in PoolGeometry g, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int plane = 0; plane < g.Planes; plane++)
        {
            ReadOnlySpan<T> xp = x.Slice(plane * g.InPlane, g.InPlane);
            Span<T> yp = y.Slice(plane * g.OutPlane, g.OutPlane);
            for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    yp[o] = xp[ArgMax(g, xp, oh, ow)];
                }
            }
        }
    }

    /// <summary><c>dx[argmax] += dy</c> for each window.</summary>
    public static void MaxScatter<T>(in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int plane = 0; plane < g.Planes; plane++)
        {
            ReadOnlySpan<T> xp = x.Slice(plane * g.InPlane, g.InPlane);
            ReadOnlySpan<T> dyp = dy.Slice(plane * g.OutPlane, g.OutPlane);
            Span<T> dxp = dx.Slice(plane * g.InPlane, g.InPlane);
            for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    dxp[ArgMax(g, xp, oh, ow)] += dyp[o];
                }
            }
        }
    }

    /// <summary><c>ty = tx[argmax]</c> for each window.</summary>
    public static void MaxGather<T>(in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> tx, Span<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int plane = 0; plane < g.Planes; plane++)
        {
            ReadOnlySpan<T> xp = x.Slice(plane * g.InPlane, g.InPlane);
            ReadOnlySpan<T> txp = tx.Slice(plane * g.InPlane, g.InPlane);
            Span<T> typ = ty.Slice(plane * g.OutPlane, g.OutPlane);
            for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
            {
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    typ[o] = txp[ArgMax(g, xp, oh, ow)];
                }
            }
        }
    }

    /// <summary><c>y = sum over each window / kernel²</c> (padding counts as zeros).</summary>
    public static void Average<T>(in PoolGeometry g, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = T.One / T.CreateChecked(g.Kernel * g.Kernel);
        for (int plane = 0; plane < g.Planes; plane++)
        {
            ReadOnlySpan<T> xp = x.Slice(plane * g.InPlane, g.InPlane);
            Span<T> yp = y.Slice(plane * g.OutPlane, g.OutPlane);
            for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
            {
                (int r0, int r1) = g.Rows(oh);
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    (int c0, int c1) = g.Columns(ow);
                    T sum = T.Zero;
                    for (int r = r0; r < r1; r++)
                    {
                        for (int c = c0; c < c1; c++)
                        {
                            sum += xp[r * g.Width + c];
                        }
                    }

                    yp[o] = sum * scale;
                }
            }
        }
    }

    /// <summary><c>dx[window] += dy / kernel²</c> for each window.</summary>
    public static void AverageScatter<T>(in PoolGeometry g, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = T.One / T.CreateChecked(g.Kernel * g.Kernel);
        for (int plane = 0; plane < g.Planes; plane++)
        {
            ReadOnlySpan<T> dyp = dy.Slice(plane * g.OutPlane, g.OutPlane);
            Span<T> dxp = dx.Slice(plane * g.InPlane, g.InPlane);
            for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
            {
                (int r0, int r1) = g.Rows(oh);
                for (int ow = 0; ow < g.OutWidth; ow++, o++)
                {
                    (int c0, int c1) = g.Columns(ow);
                    T share = dyp[o] * scale;
                    for (int r = r0; r < r1; r++)
                    {
                        for (int c = c0; c < c1; c++)
                        {
                            dxp[r * g.Width + c] += share;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Index in the plane of the first largest pixel (row-major) of output pixel (oh, ow)'s window.</summary>
    private static int ArgMax<T>(in PoolGeometry g, ReadOnlySpan<T> plane, int oh, int ow)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (int r0, int r1) = g.Rows(oh);
        (int c0, int c1) = g.Columns(ow);
        int best = r0 * g.Width + c0;
        T max = plane[best];
        for (int r = r0; r < r1; r++)
        {
            for (int c = c0; c < c1; c++)
            {
                T v = plane[r * g.Width + c];
                if (v > max)
                {
                    max = v;
                    best = r * g.Width + c;
                }
            }
        }

        return best;
    }
}
