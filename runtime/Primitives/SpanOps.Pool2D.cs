using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    // The checks and the order of the steps of MaxPool2D and AvgPool2D and their rules, written once: the two
    // differ only in the kernels PoolKernels picks by kind.
    private static void Pool2D<T>(PoolKind kind, ReadOnlySpan<T> x, int batch, int channels, int height, int width,
                                  int kernel, int stride, int padding, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PoolGeometry g = RequirePool(x, batch, channels, height, width, kernel, stride, padding, result);
        PoolKernels.Forward(kind, g, x, result);
    }

    private static void Pool2DPullback<T>(PoolKind kind, ReadOnlySpan<T> x, int batch, int channels, int height, int width,
                                          int kernel, int stride, int padding, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PoolGeometry g = RequirePool(x, batch, channels, height, width, kernel, stride, padding, result);
        RequireLength(dresult, g.OutputLength, nameof(dresult));
        bool active = IsActive(dx, x.Length, nameof(dx));
        RequireShadowDisjoint<T>(dx, nameof(dx), x, result, dresult, default);
        if (active)
        {
            PoolKernels.Scatter(kind, g, x, dresult, dx);
        }
    }

    private static void Pool2DTangent<T>(PoolKind kind, ReadOnlySpan<T> x, int batch, int channels, int height, int width,
                                         int kernel, int stride, int padding, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PoolGeometry g = RequirePool(x, batch, channels, height, width, kernel, stride, padding, result);
        bool active = IsActive(tx, x.Length, nameof(tx));
        RequireLength<T>(tresult, g.OutputLength, nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), x, result, tx, default);
        PoolKernels.Forward(kind, g, x, result);
        if (active)
        {
            PoolKernels.Tangent(kind, g, x, tx, tresult);
        }
        else
        {
            tresult.Clear();
        }
    }

    private static PoolGeometry RequirePool<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                               ReadOnlySpan<T> result)
    {
        PoolGeometry g = PoolGeometry.Create(x, batch, channels, height, width, kernel, stride, padding);
        RequireLength(result, g.OutputLength, nameof(result));
        RequireDisjoint(result, x, nameof(result), nameof(x));
        return g;
    }
}
