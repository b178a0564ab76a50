using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading;
using System.Threading.Tasks;

namespace DiffGen;

/// <summary>
/// Our GEMM: <c>C (+)= op(A) op(B)</c>, row-major, with the loop structure of BLIS (Van Zee and van de
/// Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", 2015): for each column block
/// of C and each depth block, B is packed into micro-panels of NR columns (shared by all threads), row
/// blocks of A are packed into micro-panels of MR rows (per thread, in parallel over row blocks), and an
/// MR x NR register-blocked FMA micro-kernel does the work. Transposes are absorbed by the packing, so
/// every variant runs the same kernel at the same speed. Tiny products take a scalar loop; on AVX-512,
/// products up to 256^3 and those with B stored <c>k x n</c> up to about 1024^3 skip the packing
/// (<see cref="KernelPath.Direct512"/>).
/// </summary>
internal static unsafe partial class Gemm
{
    /// <summary>Which implementation runs; <see cref="Auto"/> picks the widest the hardware supports.</summary>
    internal enum KernelPath
    {
        /// <summary>Widest available SIMD path, scalar below <see cref="ScalarThreshold"/>.</summary>
        Auto,

        /// <summary>The naive loop.</summary>
        Scalar,

        /// <summary>AVX2 + FMA, 6 x 2 vectors micro-kernel.</summary>
        Vector256,

        /// <summary>AVX-512F, 12 x 2 vectors micro-kernel.</summary>
        Vector512,

        /// <summary>
        /// AVX-512F without packing, 6 x 4 vectors micro-kernel reading A and B in place (B stored
        /// <c>n x k</c> is transposed into a copy first, up to <see cref="BlockBytes"/>; larger ones take
        /// <see cref="Vector512"/>). <see cref="Auto"/> takes it up to <see cref="DirectThreshold"/>, and with
        /// B stored <c>k x n</c> to <see cref="DirectLargeThreshold"/> at depths up to <see cref="DirectMaxDepth"/>.
        /// </summary>
        Direct512,
    }

    /// <summary>Multiply-adds (m k n) below which the scalar loop beats packing.</summary>
    internal const long ScalarThreshold = 4096;

    /// <summary>
    /// Multiply-adds (m k n) from which the product runs in parallel (3 * 2^20, about 146^3). Below it,
    /// waking a second worker costs more than it saves. On the 2-core AVX-512 machine, square products,
    /// alternating best-of-15: quiet, two threads against one were 0.86-0.98x at n = 128 and
    /// 1.09-1.17x at n = 160; busy (load 5-10), one thread won up to n = 160.
    /// </summary>
    internal const long ParallelThreshold = 3L << 20;

    /// <summary>
    /// Depth of a packed block (KC). Every depth block reads and writes all of C once, and on two
    /// threads that traffic, not the B micro-panel leaving L1, is what costs: against 128, 256 gained
    /// 13-15% in double and 11-15% in float at n = 512 and 1024, and 512 gained another 5-14% (double)
    /// and 9-10% (float); 768 in float gained nothing more (2 threads, alternating best-of-12, bench
    /// harness). One thread is within 2-4% either way.
    /// </summary>
    internal const int DepthBlock = 512;

    /// <summary>Columns of C per packed B block, at most.</summary>
    private const int ColumnBlock = 4096;

    /// <summary>Bytes of a packed B block, at most (the column block shrinks to fit): three rotate in parallel.</summary>
    private const int BlockBytes = 4 << 20;

    /// <summary>
    /// Forces a path for calls made on this thread (tests exercise every path on one machine);
    /// <see cref="KernelPath.Auto"/> in production. Thread-static so concurrent tests cannot see it.
    /// </summary>
    [ThreadStatic]
    internal static KernelPath ForcedPath;

    /// <summary>Overrides the thread count for calls made on this thread (tests); 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    [ThreadStatic]
    internal static int ForcedThreads;

    /// <summary>Whether a path can run here for element type <typeparamref name="T"/>.</summary>
    internal static bool IsSupported<T>(KernelPath path) => path switch
    {
        KernelPath.Vector512 or KernelPath.Direct512 => IsSimdType<T>() && Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        KernelPath.Vector256 => IsSimdType<T>() && Vector256.IsHardwareAccelerated && Fma.IsSupported,
        _ => true,
    };

    private static bool IsSimdType<T>() => typeof(T) == typeof(double) || typeof(T) == typeof(float);

    /// <summary>The path <see cref="Multiply{T}"/> takes for an <c>m x k</c> by <c>k x n</c> product.</summary>
    internal static KernelPath Choose<T>(int m, int k, int n)
    {
        if (ForcedPath != KernelPath.Auto)
        {
            return IsSupported<T>(ForcedPath) ? ForcedPath : KernelPath.Scalar;
        }

        if ((long)m * k * n < ScalarThreshold)
        {
            return KernelPath.Scalar;
        }

        return IsSupported<T>(KernelPath.Vector512) ? KernelPath.Vector512
             : IsSupported<T>(KernelPath.Vector256) ? KernelPath.Vector256
             : KernelPath.Scalar;
    }

    /// <summary>
    /// <c>C = op(A) op(B)</c>, or <c>C += op(A) op(B)</c> when <paramref name="accumulate"/>. op(A) is
    /// <c>m x k</c>: A is stored <c>m x k</c>, or <c>k x m</c> when <paramref name="transA"/>; op(B) is
    /// <c>k x n</c>: B is stored <c>k x n</c>, or <c>n x k</c> when <paramref name="transB"/>. C is
    /// <c>m x n</c>. Lengths and aliasing are the caller's to check.
    /// </summary>
    internal static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n,
                                     bool transA, bool transB, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        KernelPath path = k == 0 ? KernelPath.Scalar : Choose<T>(m, k, n);
        if (path == KernelPath.Scalar)
        {
            if (!accumulate)
            {
                c.Clear();
            }

            MultiplyScalar(a, b, c, m, k, n, transA, transB);
            return;
        }

        // The blocked and unpacked paths overwrite C (in the first depth block) rather than clearing it first.
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (UseDirect<T>(path, m, k, n, transB))
            {
                if (transB)
                {
                    MultiplyDirectTransposedB(pa, pb, pc, m, k, n, transA, accumulate);
                }
                else
                {
                    MultiplyDirect(pa, pb, pc, m, k, n, transA, accumulate);
                }
            }
            else
            {
                MultiplyBlocked(path == KernelPath.Direct512 ? KernelPath.Vector512 : path, pa, pb, pc, m, k, n, transA, transB, accumulate);
            }
        }
    }

    /// <summary>The reference loop, i-p-j order so the inner loop runs along rows of B and C.</summary>
    private static void MultiplyScalar<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n,
                                          bool transA, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            Span<T> cRow = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T aip = transA ? a[p * m + i] : a[i * k + p];
                if (transB)
                {
                    for (int j = 0; j < n; j++)
                    {
                        cRow[j] += aip * b[j * k + p];
                    }
                }
                else
                {
                    ReadOnlySpan<T> bRow = b.Slice(p * n, n);
                    for (int j = 0; j < n; j++)
                    {
                        cRow[j] += aip * bRow[j];
                    }
                }
            }
        }
    }

    private static void MultiplyBlocked<T>(KernelPath path, T* a, T* b, T* c, int m, int k, int n, bool transA, bool transB,
                                          bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool wide = path == KernelPath.Vector512;
        int mr = wide ? 12 : 6;
        int nr = 2 * (wide ? Vector512<T>.Count : Vector256<T>.Count);
        int threads = ForcedThreads > 0 ? ForcedThreads : Environment.ProcessorCount;
        bool parallel = threads > 1 && (long)m * k * n >= ParallelThreshold && m >= 2 * mr;

        // Row blocks: at most mcMax rows (an A block mc x KC stays in L2). In parallel, a multiple of
        // the thread count, of equal size to a micro-panel, so that every thread gets the same work.
        int panels = CeilDiv(m, mr);
        int blocks = CeilDiv(panels, wide ? 10 : 16);
        if (parallel)
        {
            blocks = Math.Min(panels, RoundUp(Math.Max(blocks, threads), threads));
        }

        var job = new GemmJob<T>(path, a, b, c, m, k, n, transA, transB, accumulate, mr, nr, blocks, parallel ? threads : 1);
        try
        {
            if (parallel)
            {
                job.RunParallel();
            }
            else
            {
                job.RunSerial();
            }
        }
        finally
        {
            job.Dispose();
        }
    }

    /// <summary>
    /// One product's blocked loop. The column and depth blocks of C form a sequence of steps; step s
    /// multiplies a packed block of B by every row block of A (pack that block of A, then sweep the
    /// micro-kernel over it). In parallel, <c>threads</c> workers each walk the whole product in order:
    /// the slices of B(0)'s packing, then for each step s the slices of B(s + 1)'s packing and step s's
    /// row blocks (its own first, then any that another worker has not claimed), claiming every item with
    /// an atomic operation so that each runs once. B blocks rotate through three buffers, so packing runs
    /// one step ahead of the multiplication without a barrier between steps. An item waits only for
    /// items of earlier steps (its B block packed, the previous step on its row block done, the step
    /// that last used its buffer done), and a worker leaves a step only when all of its items are
    /// claimed, so those were claimed already by running workers: a worker that starts late finds less
    /// to do, and nothing waits on it.
    /// </summary>
    private sealed class GemmJob<T> : IDisposable
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private const int ParallelBuffers = 3;

        private readonly KernelPath path;
        private readonly nint a, b, c;
        private readonly int m, k, n, mr, nr, panels, blocks, ncMax, kcMax, kSteps, steps, bLength, buffers, slices, threads;
        private readonly bool transA, transB, accumulate;
        private readonly T[] bArray;
        private readonly GCHandle bHandle;
        private readonly nint bBase;
        private readonly int[] packed, computed, blockSteps, sliceClaims, claimed;

        public GemmJob(KernelPath path, T* a, T* b, T* c, int m, int k, int n, bool transA, bool transB, bool accumulate,
                       int mr, int nr, int blocks, int threads)
        {
            this.path = path;
            this.a = (nint)a;
            this.b = (nint)b;
            this.c = (nint)c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.transA = transA;
            this.transB = transB;
            this.accumulate = accumulate;
            this.mr = mr;
            this.nr = nr;
            this.blocks = blocks;
            this.threads = threads;
            panels = CeilDiv(m, mr);
            kcMax = Math.Min(DepthBlock, k);
            ncMax = Math.Max(nr, Math.Min(ColumnBlock, BlockBytes / (kcMax * sizeof(T))) / nr * nr);
            kSteps = CeilDiv(k, kcMax);
            steps = kSteps * CeilDiv(n, ncMax);
            buffers = threads > 1 ? Math.Min(ParallelBuffers, steps) : 1;
            slices = threads > 1 ? 2 * threads : 1;
            packed = new int[steps];
            computed = new int[steps];
            blockSteps = new int[blocks];
            sliceClaims = new int[steps];
            claimed = new int[threads > 1 ? steps * blocks : 0];
            bLength = RoundUp(kcMax * RoundUp(Math.Min(n, ncMax), nr), AlignPad<T>());
            bArray = ArrayPool<T>.Shared.Rent(buffers * bLength + AlignPad<T>());
            bHandle = GCHandle.Alloc(bArray, GCHandleType.Pinned);
            bBase = (nint)Align((T*)bHandle.AddrOfPinnedObject());
        }

        public void Dispose()
        {
            bHandle.Free();
            ArrayPool<T>.Shared.Return(bArray);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RunSerial()
        {
            for (int s = 0; s < steps; s++)
            {
                PackSlice(s, 0);
                for (int block = 0; block < blocks; block++)
                {
                    ComputeBlock(s, block);
                }
            }
        }

        public void RunParallel() =>
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, Work);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Work(int worker)
        {
            ClaimPacking(0);
            for (int s = 0; s < steps; s++)
            {
                if (s + 1 < steps)
                {
                    ClaimPacking(s + 1);
                }

                // This worker's own row blocks first (the same rows every step, so its part of C stays in
                // its caches), then any that another worker has not claimed yet.
                for (int i = 0; i < threads; i++)
                {
                    for (int block = (worker + i) % threads; block < blocks; block += threads)
                    {
                        if (Interlocked.Exchange(ref claimed[s * blocks + block], 1) == 0)
                        {
                            WaitFor(ref packed[s], slices);
                            WaitFor(ref blockSteps[block], s);
                            ComputeBlock(s, block);
                            Volatile.Write(ref blockSteps[block], s + 1);
                            Interlocked.Increment(ref computed[s]);
                        }
                    }
                }
            }
        }

        /// <summary>Claims and packs slices of B(s) until none is left.</summary>
        private void ClaimPacking(int s)
        {
            for (int slice = Interlocked.Increment(ref sliceClaims[s]) - 1; slice < slices; slice = Interlocked.Increment(ref sliceClaims[s]) - 1)
            {
                PackStep(s, slice);
            }
        }

        /// <summary>Packs one slice of B(s) once the step that last read its buffer is done.</summary>
        private void PackStep(int s, int slice)
        {
            if (s >= buffers)
            {
                WaitFor(ref computed[s - buffers], blocks);
            }

            PackSlice(s, slice);
            Interlocked.Increment(ref packed[s]);
        }

        /// <summary>Spins (yielding, never sleeping) until another worker has brought the counter to <paramref name="value"/>.</summary>
        private static void WaitFor(ref int counter, int value)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref counter) < value)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        private int StepColumns(int s) => Math.Min(ncMax, n - s / kSteps * ncMax);

        private int StepDepth(int s) => Math.Min(kcMax, k - s % kSteps * kcMax);

        private T* Buffer(int s) => (T*)bBase + (nint)(s % buffers) * bLength;

        /// <summary>Packs slice <paramref name="slice"/> of <see cref="slices"/> (whole micro-panels) of step s's B block.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void PackSlice(int s, int slice)
        {
            int nc = StepColumns(s);
            int count = CeilDiv(nc, nr);
            int j0 = (int)((long)slice * count / slices) * nr;
            int j1 = Math.Min(nc, (int)((long)(slice + 1) * count / slices) * nr);
            int kc = StepDepth(s);
            PackB((T*)b, Buffer(s) + (nint)j0 * kc, transB, k, n, s / kSteps * ncMax + j0, j1 - j0, s % kSteps * kcMax, kc, nr);
        }

        /// <summary>Step s on row block <paramref name="block"/>: pack that block of A, then sweep the micro-kernel over it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ComputeBlock(int s, int block)
        {
            int i0 = (int)((long)block * panels / blocks) * mr;
            int rows = Math.Min(m, (int)((long)(block + 1) * panels / blocks) * mr) - i0;
            int jc = s / kSteps * ncMax, nc = StepColumns(s);
            int pc = s % kSteps * kcMax, kc = StepDepth(s);
            T* bp = Buffer(s);
            bool overwrite = !accumulate && pc == 0;
            T[] aArray = ArrayPool<T>.Shared.Rent(RoundUp(rows, mr) * kc + AlignPad<T>());
            T* tile = stackalloc T[12 * 2 * 64 / sizeof(T)];
            try
            {
                fixed (T* aRaw = aArray)
                {
                    T* ap = Align(aRaw);
                    PackA((T*)a, ap, transA, m, k, i0, rows, pc, kc, mr);
                    T* cBlock = (T*)c + (nint)i0 * n + jc;
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int cols = Math.Min(nr, nc - jr);
                        T* bPanel = bp + (nint)jr * kc;
                        for (int ir = 0; ir < rows; ir += mr)
                        {
                            int tileRows = Math.Min(mr, rows - ir);
                            T* cTile = cBlock + (nint)ir * n + jr;
                            if (path == KernelPath.Vector512)
                            {
                                Kernel512(kc, ap + (nint)ir * kc, bPanel, cTile, n, tileRows, cols, tile, overwrite);
                            }
                            else
                            {
                                Kernel256(kc, ap + (nint)ir * kc, bPanel, cTile, n, tileRows, cols, tile, overwrite);
                            }
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(aArray);
            }
        }
    }

    /// <summary>Adds (or, with <paramref name="overwrite"/>, copies) the valid <c>rows x cols</c> corner of a tile (row stride <paramref name="stride"/>) to C.</summary>
    private static void AddTile<T>(T* tile, int stride, T* c, int ldc, int rows, int cols, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            T* src = tile + (nint)r * stride;
            T* dst = c + (nint)r * ldc;
            for (int j = 0; j < cols; j++)
            {
                dst[j] = overwrite ? src[j] : dst[j] + src[j];
            }
        }
    }

    /// <summary>
    /// Asks for the C tile a micro-kernel will update (<paramref name="rows"/> rows of <paramref name="cols"/>
    /// values, stride <paramref name="ldc"/>) to be brought into cache while the kernel computes: at large n
    /// C lives in L3 or memory, and the tile's loads at the end of the kernel would otherwise stall it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile<T>(T* c, int ldc, int rows, int cols)
        where T : unmanaged
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            T* row = c + (nint)r * ldc;
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + cols - 1);
        }
    }

    private static int CeilDiv(int x, int y) => (x + y - 1) / y;

    private static int RoundUp(int x, int multiple) => CeilDiv(x, multiple) * multiple;

    /// <summary>Extra elements rented so a buffer can start on a 64-byte boundary.</summary>
    private static int AlignPad<T>()
        where T : unmanaged => 64 / sizeof(T);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T* Align<T>(T* p)
        where T : unmanaged => (T*)(((nint)p + 63) & ~(nint)63);
}
