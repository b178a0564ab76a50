using System;
using System.Numerics;

namespace DiffGen;

/// <summary>
/// Pooling kernels over NCHW planes, for max and average: each walks <see cref="PoolGeometry.Windows"/>, every
/// output pixel's window clipped to the input. Lengths and aliasing are the caller's to check.
/// </summary>
internal static class PoolKernels
{
    /// <summary>The primal: <c>y = pool of x</c> over each window.</summary>
    public static void Forward<T>(PoolKind kind, in PoolGeometry g, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind == PoolKind.Max)
        {
            MaxGather(g, x, x, y);
        }
        else
        {
            Average(g, x, y);
        }
    }

    /// <summary>The pullback: <c>dx += (d pool / dx)ᵀ dy</c>.</summary>
    public static void Scatter<T>(PoolKind kind, in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind == PoolKind.Max)
        {
            MaxScatter(g, x, dy, dx);
        }
        else
        {
            AverageScatter(g, dy, dx);
        }
    }

    /// <summary>The tangent: <c>ty = (d pool / dx) tx</c> at <paramref name="x"/>.</summary>
    public static void Tangent<T>(PoolKind kind, in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> tx, Span<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (kind == PoolKind.Max)
        {
            MaxGather(g, x, tx, ty);
        }
        else
        {
            Average(g, tx, ty);
        }
    }

    /// <summary><c>ty = tx[argmax of x]</c> for each window (with <c>tx = x</c>, max pooling itself).</summary>
    private static void MaxGather<T>(in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> tx, Span<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (PoolWindow w in g.Windows())
        {
            ty[w.Output] = tx[ArgMax(g, x, w)];
        }
    }

    /// <summary><c>dx[argmax of x] += dy</c> for each window.</summary>
    private static void MaxScatter<T>(in PoolGeometry g, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (PoolWindow w in g.Windows())
        {
            dx[ArgMax(g, x, w)] += dy[w.Output];
        }
    }

    /// <summary><c>y = sum over each window / kernel²</c> (padding counts as zeros).</summary>
    private static void Average<T>(in PoolGeometry g, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = AverageScale<T>(g);
        foreach (PoolWindow w in g.Windows())
        {
            T sum = T.Zero;
            for (int r = w.RowLo; r < w.RowHi; r++)
            {
                int row = w.InputOffset + r * g.Width;
                for (int c = w.ColumnLo; c < w.ColumnHi; c++)
                {
                    sum += x[row + c];
                }
            }

            y[w.Output] = sum * scale;
        }
    }

    /// <summary><c>dx[window] += dy / kernel²</c> for each window.</summary>
    private static void AverageScatter<T>(in PoolGeometry g, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T scale = AverageScale<T>(g);
        foreach (PoolWindow w in g.Windows())
        {
            T share = dy[w.Output] * scale;
            for (int r = w.RowLo; r < w.RowHi; r++)
            {
                int row = w.InputOffset + r * g.Width;
                for (int c = w.ColumnLo; c < w.ColumnHi; c++)
                {
                    dx[row + c] += share;
                }
            }
        }
    }

    private static T AverageScale<T>(in PoolGeometry g)
        where T : unmanaged, IFloatingPointIeee754<T> => T.One / T.CreateChecked(g.Kernel * g.Kernel);

    /// <summary>Index in <paramref name="x"/> of the first largest pixel (row-major) of the window.</summary>
    private static int ArgMax<T>(in PoolGeometry g, ReadOnlySpan<T> x, in PoolWindow w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = w.InputOffset + w.RowLo * g.Width + w.ColumnLo;
        T max = x[best];
        for (int r = w.RowLo; r < w.RowHi; r++)
        {
            int row = w.InputOffset + r * g.Width;
            for (int c = w.ColumnLo; c < w.ColumnHi; c++)
            {
                T v = x[row + c];
                if (v > max)
                {
                    max = v;
                    best = row + c;
                }
            }
        }

        return best;
    }
}
