using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DiffGen;

internal static unsafe partial class Gemm
{
    /// <summary>
    /// The 12 x (2 x lanes) micro-kernel: C[0..rows, 0..cols] += Apanel Bpanel over <paramref name="kc"/>
    /// rank-1 updates held in 24 accumulator registers. <paramref name="a"/> is a packed micro-panel
    /// (12 values per step), <paramref name="b"/> a packed micro-panel (2 vectors per step).
    /// Partial tiles go through <paramref name="tile"/> so the loads and stores never leave C. With
    /// <paramref name="overwrite"/> the tile is stored instead of added (the first depth block of <c>C = AB</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512<T>(int kc, T* a, T* b, T* c, int ldc, int rows, int cols, T* tile, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        Vector512<T> c80 = default, c81 = default;
        Vector512<T> c90 = default, c91 = default;
        Vector512<T> c100 = default, c101 = default;
        Vector512<T> c110 = default, c111 = default;
        PrefetchTile(c, ldc, rows, 2 * lanes);
        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b0 = Vector512.Load(b);
            Vector512<T> b1 = Vector512.Load(b + lanes);
            Vector512<T> av;
            av = Vector512.Create(a[0]);
            c00 = MulAdd(av, b0, c00);
            c01 = MulAdd(av, b1, c01);
            av = Vector512.Create(a[1]);
            c10 = MulAdd(av, b0, c10);
            c11 = MulAdd(av, b1, c11);
            av = Vector512.Create(a[2]);
            c20 = MulAdd(av, b0, c20);
            c21 = MulAdd(av, b1, c21);
            av = Vector512.Create(a[3]);
            c30 = MulAdd(av, b0, c30);
            c31 = MulAdd(av, b1, c31);
            av = Vector512.Create(a[4]);
            c40 = MulAdd(av, b0, c40);
            c41 = MulAdd(av, b1, c41);
            av = Vector512.Create(a[5]);
            c50 = MulAdd(av, b0, c50);
            c51 = MulAdd(av, b1, c51);
            av = Vector512.Create(a[6]);
            c60 = MulAdd(av, b0, c60);
            c61 = MulAdd(av, b1, c61);
            av = Vector512.Create(a[7]);
            c70 = MulAdd(av, b0, c70);
            c71 = MulAdd(av, b1, c71);
            av = Vector512.Create(a[8]);
            c80 = MulAdd(av, b0, c80);
            c81 = MulAdd(av, b1, c81);
            av = Vector512.Create(a[9]);
            c90 = MulAdd(av, b0, c90);
            c91 = MulAdd(av, b1, c91);
            av = Vector512.Create(a[10]);
            c100 = MulAdd(av, b0, c100);
            c101 = MulAdd(av, b1, c101);
            av = Vector512.Create(a[11]);
            c110 = MulAdd(av, b0, c110);
            c111 = MulAdd(av, b1, c111);
            a += 12;
            b += 2 * lanes;
        }

        if (rows == 12 && cols == 2 * lanes)
        {
            AddRow(c + 0 * (nint)ldc, c00, c01, overwrite);
            AddRow(c + 1 * (nint)ldc, c10, c11, overwrite);
            AddRow(c + 2 * (nint)ldc, c20, c21, overwrite);
            AddRow(c + 3 * (nint)ldc, c30, c31, overwrite);
            AddRow(c + 4 * (nint)ldc, c40, c41, overwrite);
            AddRow(c + 5 * (nint)ldc, c50, c51, overwrite);
            AddRow(c + 6 * (nint)ldc, c60, c61, overwrite);
            AddRow(c + 7 * (nint)ldc, c70, c71, overwrite);
            AddRow(c + 8 * (nint)ldc, c80, c81, overwrite);
            AddRow(c + 9 * (nint)ldc, c90, c91, overwrite);
            AddRow(c + 10 * (nint)ldc, c100, c101, overwrite);
            AddRow(c + 11 * (nint)ldc, c110, c111, overwrite);
        }
        else
        {
            StoreRow(tile + 0 * 2 * lanes, c00, c01);
            StoreRow(tile + 1 * 2 * lanes, c10, c11);
            StoreRow(tile + 2 * 2 * lanes, c20, c21);
            StoreRow(tile + 3 * 2 * lanes, c30, c31);
            StoreRow(tile + 4 * 2 * lanes, c40, c41);
            StoreRow(tile + 5 * 2 * lanes, c50, c51);
            StoreRow(tile + 6 * 2 * lanes, c60, c61);
            StoreRow(tile + 7 * 2 * lanes, c70, c71);
            StoreRow(tile + 8 * 2 * lanes, c80, c81);
            StoreRow(tile + 9 * 2 * lanes, c90, c91);
            StoreRow(tile + 10 * 2 * lanes, c100, c101);
            StoreRow(tile + 11 * 2 * lanes, c110, c111);
            AddTile(tile, 2 * lanes, c, ldc, rows, cols, overwrite);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MulAdd<T>(Vector512<T> x, Vector512<T> y, Vector512<T> addend)
    {
        if (typeof(T) == typeof(double))
        {
            return VectorFma.MultiplyAdd(x.AsDouble(), y.AsDouble(), addend.AsDouble()).As<double, T>();
        }

        return VectorFma.MultiplyAdd(x.AsSingle(), y.AsSingle(), addend.AsSingle()).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow<T>(T* c, Vector512<T> v0, Vector512<T> v1, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!overwrite)
        {
            v0 += Vector512.Load(c);
            v1 += Vector512.Load(c + Vector512<T>.Count);
        }

        StoreRow(c, v0, v1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<T>(T* row, Vector512<T> v0, Vector512<T> v1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector512.Store(v0, row);
        Vector512.Store(v1, row + Vector512<T>.Count);
    }
}
