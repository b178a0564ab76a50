using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace DiffGen;

internal static unsafe partial class Gemm
{
    /// <summary>
    /// Multiply-adds (m k n) up to which an AVX-512 product runs unpacked (<see cref="KernelPath.Direct512"/>)
    /// at any depth: the micro-kernel reads A and B where they lie (B stored <c>n x k</c> is first transposed
    /// into a copy), which saves the packing that dominates small products (OpenBLAS's small-matrix kernels
    /// do the same).
    /// </summary>
    internal const long DirectThreshold = 1L << 24;

    /// <summary>
    /// Multiply-adds (m k n) up to which a product with B stored <c>k x n</c> and no deeper than
    /// <see cref="DirectMaxDepth"/> runs unpacked (1024^3). Its 6 x 4-vector tile beats the packed 12 x 2-vector one: on the 2-core AVX-512 machine,
    /// square products on 2 threads, alternating windows, the unpacked path was 1.07-1.35x the packed one
    /// from n = 256 to 768 (load 6-11) and 0.97-1.04x at n = 1024.
    /// </summary>
    internal const long DirectLargeThreshold = 1L << 30;

    /// <summary>
    /// Depth up to which products to <see cref="DirectLargeThreshold"/> run unpacked: a column tile of B
    /// (k rows of 4 vectors, 256 KiB at this depth) then stays in L2 while the rows of A stream past.
    /// </summary>
    internal const int DirectMaxDepth = 1024;

    /// <summary>
    /// Bytes of multiply-adds (m k n sizeof(T)) from which the unpacked path queues helpers: square products from
    /// n = 74 in double, 93 in float. Helpers claim items from the same list as the caller, so on a busy machine,
    /// where the helper starts late, the product costs about what one thread does, and where a core is free
    /// it runs up to twice as fast. On the 2-core machine (load 20-28, alternating windows, three runs) two
    /// threads against one had median ratios 0.97-0.99x at n = 64 in double (where OpenBLAS runs one thread
    /// too), 0.95-1.03x at 72, 1.01-1.28x at 96 in double and 0.98-1.10x at 96 in float.
    /// </summary>
    internal const long DirectParallelThreshold = 3L << 20;

    /// <summary>Rows of C per unpacked micro-tile.</summary>
    private const int DirectRows = 6;

    /// <summary>Whether <see cref="Multiply{T}"/> runs this product unpacked on a path that supports it.</summary>
    private static bool UseDirect<T>(KernelPath path, int m, int k, int n, bool transB)
        where T : unmanaged
    {
        if (!IsSupported<T>(KernelPath.Direct512) || (transB && (long)k * n * sizeof(T) > BlockBytes))
        {
            return false;
        }

        return ForcedPath == KernelPath.Direct512
            || (ForcedPath == KernelPath.Auto && path == KernelPath.Vector512
                && ((long)m * k * n <= DirectThreshold || (!transB && k <= DirectMaxDepth && (long)m * k * n <= DirectLargeThreshold)));
    }

    /// <summary>
    /// <c>C (+)= op(A) Bᵀ</c> with B stored <c>n x k</c> (at most <see cref="BlockBytes"/>), unpacked: B is
    /// transposed once into a <c>k x n</c> copy, then <see cref="MultiplyDirect{T}"/> runs on it. Taken up to
    /// <see cref="DirectThreshold"/>: on the 2-core AVX-512 machine (load 17-24, alternating windows) it was
    /// 1.02-1.38x the packed path at n = 64-256 (median ratios; one 0.96x, float with both transposed at 256),
    /// but 0.92-0.96x in double at n = 384-512, where the serial copy weighs more than the packing it saves.
    /// </summary>
    private static void MultiplyDirectTransposedB<T>(T* a, T* b, T* c, int m, int k, int n, bool transA, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] copyArray = ArrayPool<T>.Shared.Rent(k * n + AlignPad<T>());
        try
        {
            fixed (T* raw = copyArray)
            {
                T* copy = Align(raw);
                PackStrided(b, k, n, n, k, copy);
                MultiplyDirect(a, copy, c, m, k, n, transA, accumulate);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(copyArray);
        }
    }

    /// <summary>
    /// <c>C (+)= op(A) B</c> with B stored <c>k x n</c>, unpacked: rows of C in tiles of 6, columns in
    /// tiles of 4, 2 and 1 vectors; the last ragged vector of columns (when n is not a multiple of the
    /// lanes) reads a zero-padded copy of those columns of B. The work is a list of items (a column tile
    /// by a group of row tiles) that the caller claims one by one; for larger products helpers queued to
    /// the thread pool claim from the same list, so a helper that starts late (or never, on a busy
    /// machine) only leaves more items to the caller instead of making it wait for a fixed share.
    /// </summary>
    private static void MultiplyDirect<T>(T* a, T* b, T* c, int m, int k, int n, bool transA, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        int full = n / lanes * lanes;
        T[]? edgeArray = full < n ? ArrayPool<T>.Shared.Rent(k * lanes + AlignPad<T>()) : null;
        try
        {
            fixed (T* raw = edgeArray)
            {
                T* edge = null;
                if (edgeArray != null)
                {
                    // The ragged columns of B, k x lanes with zeros past column n.
                    edge = Align(raw);
                    PackContiguous(b + full, n, n - full, lanes, k, edge);
                }

                int threads = ForcedThreads > 0 ? ForcedThreads : Environment.ProcessorCount;
                var plan = new DirectPlan<T>(a, b, c, m, k, n, transA, accumulate, edge,
                                             threads > 1 && (long)m * k * n * sizeof(T) >= DirectParallelThreshold ? threads : 1);
                if (plan.Workers > 1)
                {
                    new DirectWork<T>(plan).Run();
                }
                else
                {
                    DirectSerial(plan);
                }
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

    /// <summary>Every item of <paramref name="plan"/> on this thread, without the claiming.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // the tile scratch is written before it is read
    private static void DirectSerial<T>(in DirectPlan<T> plan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T* tile = stackalloc T[DirectRows * 4 * Vector512<T>.Count];
        for (int item = 0; item < plan.Items; item++)
        {
            plan.Compute(item, tile);
        }
    }

    /// <summary>
    /// Claims the items of a <see cref="DirectPlan{T}"/> with an atomic counter, on the caller and on
    /// helpers queued to the thread pool. A helper dereferences the operands only after claiming an
    /// item, and the caller returns only once every item is done, so a helper that runs after the
    /// product is finished touches nothing.
    /// </summary>
    private sealed class DirectWork<T>(DirectPlan<T> plan) : IThreadPoolWorkItem
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private int next, done;

        /// <summary>Queues the helpers, claims items until none is left, then waits for the helpers' last items.</summary>
        public void Run()
        {
            for (int h = 1; h < plan.Workers; h++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }

            Execute();
            var spin = default(SpinWait);
            while (Volatile.Read(ref done) < plan.Items)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        /// <summary>Claims and computes items until none is left.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        [SkipLocalsInit] // the tile scratch is written before it is read
        public void Execute()
        {
            T* tile = stackalloc T[DirectRows * 4 * Vector512<T>.Count];
            for (int item = Interlocked.Increment(ref next) - 1; item < plan.Items; item = Interlocked.Increment(ref next) - 1)
            {
                plan.Compute(item, tile);
                Interlocked.Increment(ref done);
            }
        }
    }

    /// <summary>
    /// One unpacked product as a list of items: item i is column tile i / rowGroups (in the order
    /// 4-vector tiles, a 2-vector tile, a 1-vector tile, the ragged edge) on row group i % rowGroups, so
    /// workers that run at once share a column tile of B in their caches. One row group when serial.
    /// </summary>
    private readonly struct DirectPlan<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        /// <summary>Items per worker to aim for: enough that a late helper still finds some, few enough that claiming costs little.</summary>
        private const int ItemsPerWorker = 6;

        private readonly nint a, b, c, edge;
        private readonly int k, n, m, full, wide4, rowGroups, groupRows;
        private readonly nint rs, ps;
        private readonly bool overwrite;

        public DirectPlan(T* a, T* b, T* c, int m, int k, int n, bool transA, bool accumulate, T* edge, int workers)
        {
            this.a = (nint)a;
            this.b = (nint)b;
            this.c = (nint)c;
            this.edge = (nint)edge;
            this.m = m;
            this.k = k;
            this.n = n;
            rs = transA ? 1 : k;
            ps = transA ? m : 1;
            overwrite = !accumulate;
            int lanes = Vector512<T>.Count;
            full = n / lanes * lanes;
            wide4 = full / (4 * lanes);
            int rest = full - wide4 * 4 * lanes;
            int columnTiles = wide4 + (rest >= 2 * lanes ? 1 : 0) + (rest % (2 * lanes) != 0 ? 1 : 0) + (full < n ? 1 : 0);
            int rowTiles = CeilDiv(m, DirectRows);
            int groups = workers > 1 ? Math.Min(rowTiles, CeilDiv(ItemsPerWorker * workers, columnTiles)) : 1;
            groupRows = CeilDiv(rowTiles, groups) * DirectRows;
            rowGroups = CeilDiv(m, groupRows);
            Items = columnTiles * rowGroups;
            Workers = Math.Min(workers, Items);
        }

        /// <summary>Items in the list.</summary>
        public int Items { get; }

        /// <summary>Threads worth running (the caller and helpers), at most one per item.</summary>
        public int Workers { get; }

        /// <summary>Computes item <paramref name="item"/>, with <paramref name="tile"/> as scratch for partial tiles.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Compute(int item, T* tile)
        {
            int lanes = Vector512<T>.Count;
            int column = item / rowGroups;
            int i0 = item % rowGroups * groupRows;
            int i1 = Math.Min(m, i0 + groupRows);
            T* pa = (T*)a, pb = (T*)b, pc = (T*)c;
            if (column < wide4)
            {
                int j = column * 4 * lanes;
                DirectColumnTile<T, Width4>(pa, pb + j, n, pc + j, n, k, rs, ps, overwrite, i0, i1, 4 * lanes, tile);
                return;
            }

            int j1 = wide4 * 4 * lanes;
            column -= wide4;
            if (j1 + 2 * lanes <= full)
            {
                if (column == 0)
                {
                    DirectColumnTile<T, Width2>(pa, pb + j1, n, pc + j1, n, k, rs, ps, overwrite, i0, i1, 2 * lanes, tile);
                    return;
                }

                column--;
                j1 += 2 * lanes;
            }

            if (j1 < full)
            {
                if (column == 0)
                {
                    DirectColumnTile<T, Width1>(pa, pb + j1, n, pc + j1, n, k, rs, ps, overwrite, i0, i1, lanes, tile);
                    return;
                }

                j1 += lanes;
            }

            DirectColumnTile<T, Width1>(pa, (T*)edge, lanes, pc + j1, n, k, rs, ps, overwrite, i0, i1, n - j1, tile);
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
