using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace DiffGen.Optimizers;

/// <summary>
/// The fused vector passes of <see cref="Lbfgs{T}"/>: each writes one vector and, in the same pass, accumulates the
/// inner product that the two-loop recursion needs next, so a recursion over m pairs reads the history once per loop
/// (2m + 1 passes instead of 4m + 2). Element-wise results are those of the unfused loops (same operations, no FMA);
/// only the association of the sums differs (vector lanes, then the tail), so sums agree to rounding. From
/// <see cref="ElementwiseKernel.ParallelThreshold"/> elements the passes split into
/// <see cref="ElementwiseKernel.ChunkSize"/>-element chunks over all cores; chunk sums are added in double in chunk order
/// (deterministic).
/// </summary>
internal static class LbfgsKernels
{
    /// <summary>y = g - prev and s = d * t; returns (y's, y'y).</summary>
    public static (double YS, double YY) DiffAndDots<T>(T[] g, T[] prev, T[] d, T t, T[] y, T[] s)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Chunked(g.Length, (start, length) => DiffAndDots<T>(g.AsSpan(start, length), prev.AsSpan(start, length), d.AsSpan(start, length), t,
            y.AsSpan(start, length), s.AsSpan(start, length)));

    /// <summary>y = x * a + y in place (y = x * a when <paramref name="accumulate"/> is false), then returns z'y (0 when
    /// <paramref name="z"/> is null).</summary>
    public static double ScaleAddDot<T>(T[] x, T a, T[] y, bool accumulate, T[]? z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Chunked(x.Length, (start, length) => (ScaleAddDot<T>(x.AsSpan(start, length), a, y.AsSpan(start, length), accumulate,
            z is null ? default : z.AsSpan(start, length)), 0.0)).Item1;

    /// <summary>q = x * a + q in place, r = q * h, then returns z'r.</summary>
    public static double AxpyScaleDot<T>(T[] x, T a, T[] q, T h, T[] r, T[] z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Chunked(x.Length, (start, length) => (AxpyScaleDot<T>(x.AsSpan(start, length), a, q.AsSpan(start, length), h,
            r.AsSpan(start, length), z.AsSpan(start, length)), 0.0)).Item1;

    private static (double, double) Chunked(int n, Func<int, int, (double, double)> body)
    {
        if (n < ElementwiseKernel.ParallelThreshold || Environment.ProcessorCount == 1) return body(0, n);
        int size = ElementwiseKernel.ChunkSize;
        int chunks = (n + size - 1) / size;
        var partial = new (double, double)[chunks];
        Parallel.For(0, chunks, c =>
        {
            int start = c * size;
            partial[c] = body(start, Math.Min(size, n - start));
        });
        double a = 0.0, b = 0.0;
        foreach (var (x, y) in partial)
        {
            a += x;
            b += y;
        }

        return (a, b);
    }

    private static (double YS, double YY) DiffAndDots<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> prev, ReadOnlySpan<T> d, T t, Span<T> y, Span<T> s)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = g.Length;
        ref T rg = ref MemoryMarshal.GetReference(g), rp = ref MemoryMarshal.GetReference(prev), rd = ref MemoryMarshal.GetReference(d);
        ref T ry = ref MemoryMarshal.GetReference(y), rs = ref MemoryMarshal.GetReference(s);
        int i = 0, w = Vector<T>.Count;
        double ys = 0.0, yy = 0.0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            Vector<T> accYs = Vector<T>.Zero, accYy = Vector<T>.Zero, vt = new(t);
            for (; i <= n - w; i += w)
            {
                var vy = Load(ref rg, i) - Load(ref rp, i);
                var vs = Load(ref rd, i) * vt;
                Store(vy, ref ry, i);
                Store(vs, ref rs, i);
                accYs += vy * vs;
                accYy += vy * vy;
            }

            ys = double.CreateTruncating(Vector.Sum(accYs));
            yy = double.CreateTruncating(Vector.Sum(accYy));
        }

        T tailYs = T.Zero, tailYy = T.Zero;
        for (; i < n; i++)
        {
            T vy = Unsafe.Add(ref rg, i) - Unsafe.Add(ref rp, i);
            T vs = Unsafe.Add(ref rd, i) * t;
            Unsafe.Add(ref ry, i) = vy;
            Unsafe.Add(ref rs, i) = vs;
            tailYs += vy * vs;
            tailYy += vy * vy;
        }

        return (ys + double.CreateTruncating(tailYs), yy + double.CreateTruncating(tailYy));
    }

    private static double ScaleAddDot<T>(ReadOnlySpan<T> x, T a, Span<T> y, bool accumulate, ReadOnlySpan<T> z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = x.Length;
        bool dot = !z.IsEmpty;
        ref T rx = ref MemoryMarshal.GetReference(x), ry = ref MemoryMarshal.GetReference(y);
        ref T rz = ref dot ? ref MemoryMarshal.GetReference(z) : ref rx;
        int i = 0, w = Vector<T>.Count;
        double sum = 0.0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            Vector<T> acc = Vector<T>.Zero, va = new(a);
            for (; i <= n - w; i += w)
            {
                var v = Load(ref rx, i) * va;
                if (accumulate) v = Load(ref ry, i) + v;
                Store(v, ref ry, i);
                if (dot) acc += Load(ref rz, i) * v;
            }

            sum = double.CreateTruncating(Vector.Sum(acc));
        }

        T tail = T.Zero;
        for (; i < n; i++)
        {
            T v = Unsafe.Add(ref rx, i) * a;
            if (accumulate) v = Unsafe.Add(ref ry, i) + v;
            Unsafe.Add(ref ry, i) = v;
            if (dot) tail += Unsafe.Add(ref rz, i) * v;
        }

        return dot ? sum + double.CreateTruncating(tail) : 0.0;
    }

    private static double AxpyScaleDot<T>(ReadOnlySpan<T> x, T a, Span<T> q, T h, Span<T> r, ReadOnlySpan<T> z)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = x.Length;
        ref T rx = ref MemoryMarshal.GetReference(x), rq = ref MemoryMarshal.GetReference(q);
        ref T rr = ref MemoryMarshal.GetReference(r), rz = ref MemoryMarshal.GetReference(z);
        int i = 0, w = Vector<T>.Count;
        double sum = 0.0;
        if (Vector.IsHardwareAccelerated && n >= w)
        {
            Vector<T> acc = Vector<T>.Zero, va = new(a), vh = new(h);
            for (; i <= n - w; i += w)
            {
                var vq = Load(ref rq, i) + Load(ref rx, i) * va;
                var vr = vq * vh;
                Store(vq, ref rq, i);
                Store(vr, ref rr, i);
                acc += Load(ref rz, i) * vr;
            }

            sum = double.CreateTruncating(Vector.Sum(acc));
        }

        T tail = T.Zero;
        for (; i < n; i++)
        {
            T vq = Unsafe.Add(ref rq, i) + Unsafe.Add(ref rx, i) * a;
            T vr = vq * h;
            Unsafe.Add(ref rq, i) = vq;
            Unsafe.Add(ref rr, i) = vr;
            tail += Unsafe.Add(ref rz, i) * vr;
        }

        return sum + double.CreateTruncating(tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load<T>(ref T source, int i) where T : unmanaged =>
        Vector.LoadUnsafe(ref source, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Vector<T> value, ref T destination, int i) where T : unmanaged =>
        value.StoreUnsafe(ref destination, (nuint)i);
}
