using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DiffGen;

internal static unsafe partial class Gemm
{
    /// <summary>
    /// The 6 x (2 x lanes) micro-kernel: C[0..rows, 0..cols] += Apanel Bpanel over <paramref name="kc"/>
    /// rank-1 updates held in 12 accumulator registers. <paramref name="a"/> is a packed micro-panel
    /// (6 values per step), <paramref name="b"/> a packed micro-panel (2 vectors per step).
    /// Partial tiles go through <paramref name="tile"/> so the loads and stores never leave C. With
    /// <paramref name="overwrite"/> the tile is stored instead of added (the first depth block of <c>C = AB</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256<T>(int kc, T* a, T* b, T* c, int ldc, int rows, int cols, T* tile, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        PrefetchTile(c, ldc, rows, 2 * lanes);
        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.Load(b);
            Vector256<T> b1 = Vector256.Load(b + lanes);
            Vector256<T> av;
            av = Vector256.Create(a[0]);
            c00 = MulAdd(av, b0, c00);
            c01 = MulAdd(av, b1, c01);
            av = Vector256.Create(a[1]);
            c10 = MulAdd(av, b0, c10);
            c11 = MulAdd(av, b1, c11);
            av = Vector256.Create(a[2]);
            c20 = MulAdd(av, b0, c20);
            c21 = MulAdd(av, b1, c21);
            av = Vector256.Create(a[3]);
            c30 = MulAdd(av, b0, c30);
            c31 = MulAdd(av, b1, c31);
            av = Vector256.Create(a[4]);
            c40 = MulAdd(av, b0, c40);
            c41 = MulAdd(av, b1, c41);
            av = Vector256.Create(a[5]);
            c50 = MulAdd(av, b0, c50);
            c51 = MulAdd(av, b1, c51);
            a += 6;
            b += 2 * lanes;
        }

        if (rows == 6 && cols == 2 * lanes)
        {
            AddRow(c + 0 * (nint)ldc, c00, c01, overwrite);
            AddRow(c + 1 * (nint)ldc, c10, c11, overwrite);
            AddRow(c + 2 * (nint)ldc, c20, c21, overwrite);
            AddRow(c + 3 * (nint)ldc, c30, c31, overwrite);
            AddRow(c + 4 * (nint)ldc, c40, c41, overwrite);
            AddRow(c + 5 * (nint)ldc, c50, c51, overwrite);
        }
        else
        {
            StoreRow(tile + 0 * 2 * lanes, c00, c01);
            StoreRow(tile + 1 * 2 * lanes, c10, c11);
            StoreRow(tile + 2 * 2 * lanes, c20, c21);
            StoreRow(tile + 3 * 2 * lanes, c30, c31);
            StoreRow(tile + 4 * 2 * lanes, c40, c41);
            StoreRow(tile + 5 * 2 * lanes, c50, c51);
            AddTile(tile, 2 * lanes, c, ldc, rows, cols, overwrite);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MulAdd<T>(Vector256<T> x, Vector256<T> y, Vector256<T> addend)
    {
        if (typeof(T) == typeof(double))
        {
            return VectorFma.MultiplyAdd(x.AsDouble(), y.AsDouble(), addend.AsDouble()).As<double, T>();
        }

        return VectorFma.MultiplyAdd(x.AsSingle(), y.AsSingle(), addend.AsSingle()).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow<T>(T* c, Vector256<T> v0, Vector256<T> v1, bool overwrite)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!overwrite)
        {
            v0 += Vector256.Load(c);
            v1 += Vector256.Load(c + Vector256<T>.Count);
        }

        StoreRow(c, v0, v1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<T>(T* row, Vector256<T> v0, Vector256<T> v1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector256.Store(v0, row);
        Vector256.Store(v1, row + Vector256<T>.Count);
    }
}
