using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;

namespace DiffGen;

internal static unsafe partial class Gemm
{
    /// <summary>
    /// Multiply-adds (m k n) up to which an AVX-512 product with B stored <c>k x n</c> runs unpacked
    /// (<see cref="KernelPath.Direct512"/>): the micro-kernel reads A and B where they lie, which saves
    /// the packing that dominates small products (OpenBLAS's small-matrix kernels do the same).
    /// </summary>
    internal const long DirectThreshold = 1L << 24;

    /// <summary>
    /// Multiply-adds (m k n) from which the unpacked path splits its rows over the threads (about 101^3). On the
    /// shared 2-core AVX-512 machine (load 5-15), against OpenBLAS in alternating windows, two threads from 2^18
    /// instead were 0.38-0.85x of it at n = 64-96 where one thread is 0.93-1.03x; at n = 112 both won.
    /// </summary>
    internal const long DirectParallelThreshold = 1L << 20;

    /// <summary>Rows of C per unpacked micro-tile.</summary>
    private const int DirectRows = 6;

    /// <summary>Whether <see cref="Multiply{T}"/> runs this product unpacked on a path that supports it.</summary>
    private static bool UseDirect<T>(KernelPath path, int m, int k, int n, bool transB)
    {
        if (transB || !IsSupported<T>(KernelPath.Direct512))
        {
            return false;
        }

        return ForcedPath == KernelPath.Direct512
            || (ForcedPath == KernelPath.Auto && path == KernelPath.Vector512 && (long)m * k * n <= DirectThreshold);
    }

    /// <summary>
    /// <c>C (+)= op(A) B</c> with B stored <c>k x n</c>, unpacked: rows of C in tiles of 6, columns in
    /// tiles of 4, 2 and 1 vectors; the last ragged vector of columns (when n is not a multiple of the
    /// lanes) reads a zero-padded copy of those columns of B. Rows split over the threads for larger products.
    /// </summary>
    private static void MultiplyDirect<T>(T* a, T* b, T* c, int m, int k, int n, bool transA, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int threads = ForcedThreads > 0 ? ForcedThreads : Environment.ProcessorCount;
        int tiles = CeilDiv(m, DirectRows);
        if (threads <= 1 || (long)m * k * n < DirectParallelThreshold || tiles < 2)
        {
            DirectRowRange(a, b, c, m, k, n, transA, accumulate, 0, m);
            return;
        }

        int workers = Math.Min(threads, tiles);
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int i0 = (int)((long)w * tiles / workers) * DirectRows;
            int i1 = Math.Min(m, (int)((long)(w + 1) * tiles / workers) * DirectRows);
            DirectRowRange((T*)pa, (T*)pb, (T*)pc, m, k, n, transA, accumulate, i0, i1);
        });
    }

    /// <summary>Rows <c>[i0, i1)</c> of C by the unpacked micro-kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // the tile scratch is written before it is read
    private static void DirectRowRange<T>(T* a, T* b, T* c, int m, int k, int n, bool transA, bool accumulate, int i0, int i1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        int full = n / lanes * lanes;
        nint rs = transA ? 1 : k, ps = transA ? m : 1;
        bool overwrite = !accumulate;
        T* tile = stackalloc T[DirectRows * lanes];
        T[]? edgeArray = null;
        try
        {
            T* edge = null;
            if (full < n)
            {
                // The ragged columns of B, k x lanes with zeros past column n.
                edgeArray = ArrayPool<T>.Shared.Rent(k * lanes + AlignPad<T>());
                fixed (T* raw = edgeArray)
                {
                    edge = Align(raw);
                    PackContiguous(b + full, n, n - full, lanes, k, edge);
                    DirectTiles(a, b, c, k, n, rs, ps, overwrite, i0, i1, full, edge, tile);
                }
            }
            else
            {
                DirectTiles(a, b, c, k, n, rs, ps, overwrite, i0, i1, full, edge, tile);
            }
        }
        finally
        {
            if (edgeArray != null)
            {
                ArrayPool<T>.Shared.Return(edgeArray);
            }
        }
    }

    /// <summary>
    /// Column tiles outside, row tiles inside: the tile's columns of B (k rows of up to 4 vectors) stay in
    /// L1 while the rows of A, read one value per row and depth, stream past.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DirectTiles<T>(T* a, T* b, T* c, int k, int n, nint rs, nint ps, bool overwrite, int i0, int i1, int full,
                                       T* edge, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        int j = 0;
        for (; j + 4 * lanes <= full; j += 4 * lanes)
        {
            DirectColumnTile<T, Width4>(a, b + j, n, c + j, n, k, rs, ps, overwrite, i0, i1, 4 * lanes, tile);
        }

        if (j + 2 * lanes <= full)
        {
            DirectColumnTile<T, Width2>(a, b + j, n, c + j, n, k, rs, ps, overwrite, i0, i1, 2 * lanes, tile);
            j += 2 * lanes;
        }

        if (j < full)
        {
            DirectColumnTile<T, Width1>(a, b + j, n, c + j, n, k, rs, ps, overwrite, i0, i1, lanes, tile);
            j += lanes;
        }

        if (j < n)
        {
            DirectColumnTile<T, Width1>(a, edge, lanes, c + j, n, k, rs, ps, overwrite, i0, i1, n - j, tile);
        }
    }

    /// <summary>
    /// Rows <c>[i0, i1)</c> of one column tile of C (its first column at <paramref name="c"/>, <paramref name="cols"/>
    /// wide) from the matching columns of B (at <paramref name="b"/>, rows <paramref name="ldb"/> apart): whole
    /// tiles of 6 rows call their kernel directly, only the last partial tile goes through the row-count switch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DirectColumnTile<T, TW>(T* a, T* b, nint ldb, T* c, int ldc, int k, nint rs, nint ps, bool overwrite,
                                                int i0, int i1, int cols, T* tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TW : struct, IWidth
    {
        int i = i0;
        for (; i + DirectRows <= i1; i += DirectRows)
        {
            KernelDirect<T, TW, Rows6>(k, a + i * rs, rs, ps, b, ldb, c + (nint)i * ldc, ldc, cols, tile, overwrite);
        }

        if (i < i1)
        {
            KernelDirect<T, TW>(i1 - i, k, a + i * rs, rs, ps, b, ldb, c + (nint)i * ldc, ldc, cols, tile, overwrite);
        }
    }
}
