using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;

namespace DiffGen;

/// <summary>
/// Our GEMM: <c>C (+)= op(A) op(B)</c>, row-major, with the loop structure of BLIS (Van Zee and van de
/// Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", 2015): for each column block
/// of C and each depth block, B is packed into micro-panels of NR columns (shared by all threads), row
/// blocks of A are packed into micro-panels of MR rows (per thread, in parallel over row blocks), and an
/// MR x NR register-blocked FMA micro-kernel does the work. Transposes are absorbed by the packing, so
/// every variant runs the same kernel at the same speed. Tiny products take a scalar loop.
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
    }

    /// <summary>Multiply-adds (m k n) below which the scalar loop beats packing.</summary>
    internal const long ScalarThreshold = 4096;

    /// <summary>Multiply-adds (m k n) from which row blocks run in parallel.</summary>
    internal const long ParallelThreshold = 1L << 17;

    /// <summary>
    /// Depth of a packed block: a B micro-panel (KC x NR, 16 KB) stays in L1 across the row loop.
    /// 128 measured best of 96/128/256/384 on the 2-core AVX-512 machine (bench --gflops).
    /// </summary>
    internal const int DepthBlock = 128;

    /// <summary>Columns of C per packed B block.</summary>
    private const int ColumnBlock = 4096;

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
        KernelPath.Vector512 => IsSimdType<T>() && Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
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
        if (!accumulate)
        {
            c.Clear();
        }

        if (m == 0 || n == 0 || k == 0)
        {
            return;
        }

        KernelPath path = Choose<T>(m, k, n);
        if (path == KernelPath.Scalar)
        {
            MultiplyScalar(a, b, c, m, k, n, transA, transB);
            return;
        }

        fixed (T* pa = a, pb = b, pc = c)
        {
            MultiplyBlocked(path, pa, pb, pc, m, k, n, transA, transB);
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

    private static void MultiplyBlocked<T>(KernelPath path, T* a, T* b, T* c, int m, int k, int n, bool transA, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool wide = path == KernelPath.Vector512;
        int mr = wide ? 12 : 6;
        int nr = 2 * (wide ? Vector512<T>.Count : Vector256<T>.Count);
        int threads = ForcedThreads > 0 ? ForcedThreads : Environment.ProcessorCount;
        bool parallel = threads > 1 && (long)m * k * n >= ParallelThreshold && m >= 2 * mr;

        // Row blocks: at most mcMax rows (an A block mc x KC stays in L2); when parallel, enough blocks
        // that a busy core does not hold the others up (dynamic scheduling over 4 blocks per thread).
        int mcMax = mr * (wide ? 10 : 16);
        int blocks = CeilDiv(m, mcMax);
        if (parallel)
        {
            blocks = Math.Max(blocks, Math.Min(CeilDiv(m, mr), 4 * threads));
        }

        int mc = RoundUp(CeilDiv(m, blocks), mr);
        blocks = CeilDiv(m, mc);

        int ncMax = ColumnBlock / nr * nr;
        int kcMax = Math.Min(DepthBlock, k);
        int bLength = kcMax * RoundUp(Math.Min(n, ncMax), nr);
        T[] bArray = ArrayPool<T>.Shared.Rent(bLength + AlignPad<T>());
        try
        {
            fixed (T* bRaw = bArray)
            {
                T* bp = Align(bRaw);
                for (int jc = 0; jc < n; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, n - jc);
                    for (int pc = 0; pc < k; pc += kcMax)
                    {
                        int kc = Math.Min(kcMax, k - pc);
                        PackB(b, bp, transB, k, n, jc, nc, pc, kc, nr);
                        var job = new BlockJob<T>(path, a, bp, c, m, k, n, transA, mc, mr, nr, jc, nc, pc, kc);
                        if (parallel)
                        {
                            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, job.Run);
                        }
                        else
                        {
                            for (int block = 0; block < blocks; block++)
                            {
                                job.Run(block);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(bArray);
        }
    }

    /// <summary>One depth block's work on one row block: pack that block of A, then sweep the micro-kernel over it.</summary>
    private sealed class BlockJob<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly KernelPath path;
        private readonly nint a, bp, c;
        private readonly int m, k, n, mc, mr, nr, jc, nc, pc, kc;
        private readonly bool transA;

        public BlockJob(KernelPath path, T* a, T* bp, T* c, int m, int k, int n, bool transA,
                        int mc, int mr, int nr, int jc, int nc, int pc, int kc)
        {
            this.path = path;
            this.a = (nint)a;
            this.bp = (nint)bp;
            this.c = (nint)c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.transA = transA;
            this.mc = mc;
            this.mr = mr;
            this.nr = nr;
            this.jc = jc;
            this.nc = nc;
            this.pc = pc;
            this.kc = kc;
        }

        // Kernels, packing and this driver skip tiering: a Tier0 micro-kernel spills its accumulators
        // and runs ~20x slower, and a short-lived process (or a benchmark) may never see the tier-up.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int block)
        {
            int i0 = block * mc;
            int rows = Math.Min(mc, m - i0);
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
                        T* bPanel = (T*)bp + (nint)jr * kc;
                        for (int ir = 0; ir < rows; ir += mr)
                        {
                            int tileRows = Math.Min(mr, rows - ir);
                            T* cTile = cBlock + (nint)ir * n + jr;
                            if (path == KernelPath.Vector512)
                            {
                                Kernel512(kc, ap + (nint)ir * kc, bPanel, cTile, n, tileRows, cols, tile);
                            }
                            else
                            {
                                Kernel256(kc, ap + (nint)ir * kc, bPanel, cTile, n, tileRows, cols, tile);
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

    /// <summary>
    /// Packs rows <c>[i0, i0 + rows)</c> and depths <c>[pc, pc + kc)</c> of op(A) into micro-panels of
    /// <paramref name="mr"/> rows: panel r0 holds, for each depth p, the mr values op(A)[r0 + r, p] side by
    /// side (zero past the last row), which is the order the micro-kernel broadcasts them in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA<T>(T* a, T* ap, bool transA, int m, int k, int i0, int rows, int pc, int kc, int mr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int ir = 0; ir < rows; ir += mr)
        {
            int valid = Math.Min(mr, rows - ir);
            T* dst = ap + (nint)ir * kc;
            if (transA)
            {
                // A is stored k x m: each depth's mr values are contiguous.
                for (int p = 0; p < kc; p++)
                {
                    T* src = a + (nint)(pc + p) * m + i0 + ir;
                    T* d = dst + (nint)p * mr;
                    for (int r = 0; r < valid; r++)
                    {
                        d[r] = src[r];
                    }

                    for (int r = valid; r < mr; r++)
                    {
                        d[r] = T.Zero;
                    }
                }
            }
            else
            {
                // A is stored m x k: read each row contiguously, write with stride mr.
                for (int r = 0; r < valid; r++)
                {
                    T* src = a + (nint)(i0 + ir + r) * k + pc;
                    T* d = dst + r;
                    for (int p = 0; p < kc; p++)
                    {
                        d[(nint)p * mr] = src[p];
                    }
                }

                for (int r = valid; r < mr; r++)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        dst[(nint)p * mr + r] = T.Zero;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Packs depths <c>[pc, pc + kc)</c> and columns <c>[jc, jc + nc)</c> of op(B) into micro-panels of
    /// <paramref name="nr"/> columns: panel j0 holds, for each depth p, op(B)[p, j0 .. j0 + nr) (zero past
    /// the last column), the two vectors the micro-kernel loads per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB<T>(T* b, T* bp, bool transB, int k, int n, int jc, int nc, int pc, int kc, int nr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int valid = Math.Min(nr, nc - jr);
            T* dst = bp + (nint)jr * kc;
            if (transB)
            {
                // B is stored n x k: read each column of op(B) contiguously, write with stride nr.
                for (int j = 0; j < valid; j++)
                {
                    T* src = b + (nint)(jc + jr + j) * k + pc;
                    T* d = dst + j;
                    for (int p = 0; p < kc; p++)
                    {
                        d[(nint)p * nr] = src[p];
                    }
                }

                for (int j = valid; j < nr; j++)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        dst[(nint)p * nr + j] = T.Zero;
                    }
                }
            }
            else
            {
                // B is stored k x n: each depth's nr values are contiguous.
                for (int p = 0; p < kc; p++)
                {
                    T* src = b + (nint)(pc + p) * n + jc + jr;
                    Span<T> d = new(dst + (nint)p * nr, nr);
                    new ReadOnlySpan<T>(src, valid).CopyTo(d);
                    d[valid..].Clear();
                }
            }
        }
    }

    /// <summary>Adds the valid <c>rows x cols</c> corner of a tile (row stride <paramref name="stride"/>) to C.</summary>
    private static void AddTile<T>(T* tile, int stride, T* c, int ldc, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            T* src = tile + (nint)r * stride;
            T* dst = c + (nint)r * ldc;
            for (int j = 0; j < cols; j++)
            {
                dst[j] += src[j];
            }
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
