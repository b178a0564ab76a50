using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DiffGen;

internal static unsafe partial class Gemm
{
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
                PackContiguous(a + (nint)pc * m + i0 + ir, m, valid, mr, kc, dst);
            }
            else
            {
                // A is stored m x k: each of the mr rows is contiguous along the depth.
                PackStrided(a + (nint)(i0 + ir) * k + pc, k, valid, mr, kc, dst);
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
                // B is stored n x k: each of the nr columns of op(B) is contiguous along the depth.
                PackStrided(b + (nint)(jc + jr) * k + pc, k, valid, nr, kc, dst);
            }
            else
            {
                // B is stored k x n: each depth's nr values are contiguous.
                PackContiguous(b + (nint)pc * n + jc + jr, n, valid, nr, kc, dst);
            }
        }
    }

    /// <summary>
    /// One micro-panel from a source whose depths are rows: for p in [0, kc), dst[p * width + j] =
    /// src[p * ld + j] for the <paramref name="valid"/> first j, zero for the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackContiguous<T>(T* src, int ld, int valid, int width, int kc, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < kc; p++)
        {
            T* s = src + (nint)p * ld;
            T* d = dst + (nint)p * width;
            int j = 0;
            for (; j + Vector256<T>.Count <= valid; j += Vector256<T>.Count)
            {
                Vector256.Store(Vector256.Load(s + j), d + j);
            }

            for (; j + Vector128<T>.Count <= valid; j += Vector128<T>.Count)
            {
                Vector128.Store(Vector128.Load(s + j), d + j);
            }

            for (; j < valid; j++)
            {
                d[j] = s[j];
            }

            for (; j < width; j++)
            {
                d[j] = T.Zero;
            }
        }
    }

    /// <summary>
    /// One micro-panel from a source whose depths run along rows (a transposing copy): for p in [0, kc),
    /// dst[p * width + j] = src[j * ld + p] for the <paramref name="valid"/> first j, zero for the rest.
    /// Groups of 4 rows by 4 depths go through a register transpose; the ragged rest is copied one value
    /// at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrided<T>(T* src, int ld, int valid, int width, int kc, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int j = 0;
        if (CanTranspose4x4<T>())
        {
            for (; j + 4 <= valid; j += 4)
            {
                T* s = src + (nint)j * ld;
                int p = 0;
                for (; p + 4 <= kc; p += 4)
                {
                    Transpose4x4(s + p, ld, dst + (nint)p * width + j, width);
                }

                for (; p < kc; p++)
                {
                    for (int q = 0; q < 4; q++)
                    {
                        dst[(nint)p * width + j + q] = s[(nint)q * ld + p];
                    }
                }
            }
        }

        for (; j < valid; j++)
        {
            T* s = src + (nint)j * ld;
            for (int p = 0; p < kc; p++)
            {
                dst[(nint)p * width + j] = s[p];
            }
        }

        for (; j < width; j++)
        {
            for (int p = 0; p < kc; p++)
            {
                dst[(nint)p * width + j] = T.Zero;
            }
        }
    }

    private static bool CanTranspose4x4<T>() =>
        (typeof(T) == typeof(float) && Sse.IsSupported) || (typeof(T) == typeof(double) && Avx.IsSupported);

    /// <summary>dst[q * ldd + r] = src[r * ld + q] for r, q in [0, 4): a 4 x 4 block transposed in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4<T>(T* src, int ld, T* dst, int ldd)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            float* s = (float*)src, d = (float*)dst;
            Vector128<float> r0 = Vector128.Load(s), r1 = Vector128.Load(s + ld);
            Vector128<float> r2 = Vector128.Load(s + 2 * (nint)ld), r3 = Vector128.Load(s + 3 * (nint)ld);
            Vector128<float> t0 = Sse.UnpackLow(r0, r1), t1 = Sse.UnpackLow(r2, r3);
            Vector128<float> t2 = Sse.UnpackHigh(r0, r1), t3 = Sse.UnpackHigh(r2, r3);
            Vector128.Store(Sse.MoveLowToHigh(t0, t1), d);
            Vector128.Store(Sse.MoveHighToLow(t1, t0), d + ldd);
            Vector128.Store(Sse.MoveLowToHigh(t2, t3), d + 2 * (nint)ldd);
            Vector128.Store(Sse.MoveHighToLow(t3, t2), d + 3 * (nint)ldd);
        }
        else
        {
            double* s = (double*)src, d = (double*)dst;
            Vector256<double> r0 = Vector256.Load(s), r1 = Vector256.Load(s + ld);
            Vector256<double> r2 = Vector256.Load(s + 2 * (nint)ld), r3 = Vector256.Load(s + 3 * (nint)ld);
            Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
            Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
            Vector256.Store(Avx.Permute2x128(t0, t2, 0x20), d);
            Vector256.Store(Avx.Permute2x128(t1, t3, 0x20), d + ldd);
            Vector256.Store(Avx.Permute2x128(t0, t2, 0x31), d + 2 * (nint)ldd);
            Vector256.Store(Avx.Permute2x128(t1, t3, 0x31), d + 3 * (nint)ldd);
        }
    }
}
