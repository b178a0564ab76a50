using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DiffGen;

internal static unsafe partial class Gemm
{
    /// <summary>A micro-kernel's width in vectors, fixed per instantiation so the JIT drops the unused accumulators.</summary>
    private interface IWidth
    {
        /// <summary>Vectors per row of the C tile: 1, 2 or 4.</summary>
        static abstract int Vectors { get; }
    }

    private struct Width1 : IWidth
    {
        public static int Vectors => 1;
    }

    private struct Width2 : IWidth
    {
        public static int Vectors => 2;
    }

    private struct Width4 : IWidth
    {
        public static int Vectors => 4;
    }

    /// <summary>A micro-kernel's row count, fixed per instantiation so a partial tile computes only its rows.</summary>
    private interface IRowCount
    {
        /// <summary>Rows of the C tile: 1 to 6.</summary>
        static abstract int Rows { get; }
    }

    private struct Rows1 : IRowCount
    {
        public static int Rows => 1;
    }

    private struct Rows2 : IRowCount
    {
        public static int Rows => 2;
    }

    private struct Rows3 : IRowCount
    {
        public static int Rows => 3;
    }

    private struct Rows4 : IRowCount
    {
        public static int Rows => 4;
    }

    private struct Rows5 : IRowCount
    {
        public static int Rows => 5;
    }

    private struct Rows6 : IRowCount
    {
        public static int Rows => 6;
    }

    /// <summary><see cref="KernelDirect{T, TW, TR}"/> for a tile of <paramref name="rows"/> (1 to 6) rows.</summary>
    private static void KernelDirect<T, TW>(int rows, int k, T* a, nint rs, nint ps, T* b, nint ldb, T* c, nint ldc, int cols,
                                            T* tile, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TW : struct, IWidth
    {
        switch (rows)
        {
            case 6:
                KernelDirect<T, TW, Rows6>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
            case 5:
                KernelDirect<T, TW, Rows5>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
            case 4:
                KernelDirect<T, TW, Rows4>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
            case 3:
                KernelDirect<T, TW, Rows3>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
            case 2:
                KernelDirect<T, TW, Rows2>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
            default:
                KernelDirect<T, TW, Rows1>(k, a, rs, ps, b, ldb, c, ldc, cols, tile, overwrite);
                break;
        }
    }

    /// <summary>
    /// The unpacked micro-kernel: an R x (W x lanes) tile (R at most 6) of C (+)= op(A) B over all <paramref name="k"/>
    /// depths, reading A and B where they lie. Row r of op(A) at depth p is <c>a[r * rs + p * ps]</c>
    /// (broadcast), row p of B starts at <c>b + p * ldb</c> (W vector loads). A tile of fewer rows (the
    /// last of C) computes only those; with <paramref name="cols"/> below the
    /// tile's width the tile goes through <paramref name="tile"/> (6 x W x lanes values) and only the
    /// first <paramref name="cols"/> columns reach C. With <paramref name="overwrite"/> C is stored, not added to.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KernelDirect<T, TW, TR>(int k, T* a, nint rs, nint ps, T* b, nint ldb, T* c, nint ldc, int cols,
                                                T* tile, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TW : struct, IWidth
        where TR : struct, IRowCount
    {
        int lanes = Vector512<T>.Count;
        int rows = TR.Rows;
        T* a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs, a4 = a + 4 * rs, a5 = a + 5 * rs;
        Vector512<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<T> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<T> c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<T> c40 = default, c41 = default, c42 = default, c43 = default;
        Vector512<T> c50 = default, c51 = default, c52 = default, c53 = default;
        nint q = 0;
        for (int p = 0; p < k; p++)
        {
            Vector512<T> b0 = Vector512.Load(b), b1 = default, b2 = default, b3 = default;
            if (TW.Vectors > 1)
            {
                b1 = Vector512.Load(b + lanes);
            }

            if (TW.Vectors > 2)
            {
                b2 = Vector512.Load(b + 2 * lanes);
                b3 = Vector512.Load(b + 3 * lanes);
            }

            Vector512<T> av = Vector512.Create(a0[q]);
            c00 = MulAdd(av, b0, c00);
            if (TW.Vectors > 1)
            {
                c01 = MulAdd(av, b1, c01);
            }

            if (TW.Vectors > 2)
            {
                c02 = MulAdd(av, b2, c02);
                c03 = MulAdd(av, b3, c03);
            }

            if (rows > 1)
            {
                av = Vector512.Create(a1[q]);
                c10 = MulAdd(av, b0, c10);
                if (TW.Vectors > 1)
                {
                    c11 = MulAdd(av, b1, c11);
                }

                if (TW.Vectors > 2)
                {
                    c12 = MulAdd(av, b2, c12);
                    c13 = MulAdd(av, b3, c13);
                }
            }

            if (rows > 2)
            {
                av = Vector512.Create(a2[q]);
                c20 = MulAdd(av, b0, c20);
                if (TW.Vectors > 1)
                {
                    c21 = MulAdd(av, b1, c21);
                }

                if (TW.Vectors > 2)
                {
                    c22 = MulAdd(av, b2, c22);
                    c23 = MulAdd(av, b3, c23);
                }
            }

            if (rows > 3)
            {
                av = Vector512.Create(a3[q]);
                c30 = MulAdd(av, b0, c30);
                if (TW.Vectors > 1)
                {
                    c31 = MulAdd(av, b1, c31);
                }

                if (TW.Vectors > 2)
                {
                    c32 = MulAdd(av, b2, c32);
                    c33 = MulAdd(av, b3, c33);
                }
            }

            if (rows > 4)
            {
                av = Vector512.Create(a4[q]);
                c40 = MulAdd(av, b0, c40);
                if (TW.Vectors > 1)
                {
                    c41 = MulAdd(av, b1, c41);
                }

                if (TW.Vectors > 2)
                {
                    c42 = MulAdd(av, b2, c42);
                    c43 = MulAdd(av, b3, c43);
                }
            }

            if (rows > 5)
            {
                av = Vector512.Create(a5[q]);
                c50 = MulAdd(av, b0, c50);
                if (TW.Vectors > 1)
                {
                    c51 = MulAdd(av, b1, c51);
                }

                if (TW.Vectors > 2)
                {
                    c52 = MulAdd(av, b2, c52);
                    c53 = MulAdd(av, b3, c53);
                }
            }

            q += ps;
            b += ldb;
        }

        int width = TW.Vectors * lanes;
        bool direct = cols == width;
        T* dst = direct ? c : tile;
        nint ld = direct ? ldc : width;
        bool add = direct && !overwrite;
        StoreDirectRow<T, TW>(dst, c00, c01, c02, c03, add);
        if (rows > 1)
        {
            StoreDirectRow<T, TW>(dst + ld, c10, c11, c12, c13, add);
        }

        if (rows > 2)
        {
            StoreDirectRow<T, TW>(dst + 2 * ld, c20, c21, c22, c23, add);
        }

        if (rows > 3)
        {
            StoreDirectRow<T, TW>(dst + 3 * ld, c30, c31, c32, c33, add);
        }

        if (rows > 4)
        {
            StoreDirectRow<T, TW>(dst + 4 * ld, c40, c41, c42, c43, add);
        }

        if (rows > 5)
        {
            StoreDirectRow<T, TW>(dst + 5 * ld, c50, c51, c52, c53, add);
        }

        if (!direct)
        {
            AddTile(tile, width, c, (int)ldc, rows, cols, overwrite);
        }
    }

    /// <summary>Stores (or, with <paramref name="add"/>, adds) the W vectors of one tile row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDirectRow<T, TW>(T* row, Vector512<T> v0, Vector512<T> v1, Vector512<T> v2, Vector512<T> v3, bool add)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TW : struct, IWidth
    {
        int lanes = Vector512<T>.Count;
        if (add)
        {
            v0 += Vector512.Load(row);
            if (TW.Vectors > 1)
            {
                v1 += Vector512.Load(row + lanes);
            }

            if (TW.Vectors > 2)
            {
                v2 += Vector512.Load(row + 2 * lanes);
                v3 += Vector512.Load(row + 3 * lanes);
            }
        }

        Vector512.Store(v0, row);
        if (TW.Vectors > 1)
        {
            Vector512.Store(v1, row + lanes);
        }

        if (TW.Vectors > 2)
        {
            Vector512.Store(v2, row + 2 * lanes);
            Vector512.Store(v3, row + 3 * lanes);
        }
    }
}
