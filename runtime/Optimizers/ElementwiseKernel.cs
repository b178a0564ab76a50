using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace DiffGen.Optimizers;

/// <summary>
/// The CPU drivers of <see cref="IElementRule"/>: one pass over parameter, gradient and state, no temporaries.
/// State slots passed as empty spans are unused: the driver points them at a small scratch buffer with stride 0,
/// so the loop body is the same for every optimizer and has no per-slot branches.
/// </summary>
public static class ElementwiseKernel
{
    /// <summary>Element count from which the SIMD driver splits the work over all cores.</summary>
    public const int ParallelThreshold = 1 << 17;

    /// <summary>Elements per parallel chunk (a multiple of every vector width).</summary>
    public const int ChunkSize = 1 << 15;

    /// <summary>Runs <paramref name="rule"/> over every element, validating lengths first.</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TRule">The update rule.</typeparam>
    /// <param name="path">Scalar reference or SIMD.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    /// <param name="param">Parameters, updated in place.</param>
    /// <param name="grad">Gradient, same length.</param>
    /// <param name="state0">State slot 0, same length or empty when unused.</param>
    /// <param name="state1">State slot 1, same length or empty when unused.</param>
    /// <param name="state2">State slot 2, same length or empty when unused.</param>
    public static void Run<T, TRule>(KernelPath path, in TRule rule, Span<T> param, ReadOnlySpan<T> grad,
        Span<T> state0, Span<T> state1, Span<T> state2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementRule
    {
        int n = param.Length;
        if (grad.Length != n)
            throw new ArgumentException($"Gradient length {grad.Length} does not match parameter length {n}.", nameof(grad));
        CheckSlot(state0.Length, n, nameof(state0));
        CheckSlot(state1.Length, n, nameof(state1));
        CheckSlot(state2.Length, n, nameof(state2));
        if (n == 0) return;

        if (path == KernelPath.Scalar)
        {
            RunLane<T, TRule, ScalarLane<T>>(rule, param, grad, state0, state1, state2);
            return;
        }

        if (n < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            RunSimd(rule, param, grad, state0, state1, state2);
            return;
        }

        RunParallel(rule, param, grad, state0, state1, state2);
    }

    /// <summary>Runs the rule with an explicit lane over the whole span on the calling thread (the tail by the scalar lane).
    /// Exposed so tests can compare each lane with the scalar reference.</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TRule">The update rule.</typeparam>
    /// <typeparam name="TLane">The lane for the main loop.</typeparam>
    /// <param name="rule">The rule with this step's scalars.</param>
    /// <param name="param">Parameters, updated in place.</param>
    /// <param name="grad">Gradient, same length.</param>
    /// <param name="state0">State slot 0, same length or empty.</param>
    /// <param name="state1">State slot 1, same length or empty.</param>
    /// <param name="state2">State slot 2, same length or empty.</param>
    public static void RunLane<T, TRule, TLane>(in TRule rule, Span<T> param, ReadOnlySpan<T> grad,
        Span<T> state0, Span<T> state1, Span<T> state2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementRule
        where TLane : struct, ILoadStoreLane<TLane, T>
    {
        int n = param.Length;
        if (grad.Length != n)
            throw new ArgumentException($"Gradient length {grad.Length} does not match parameter length {n}.", nameof(grad));
        CheckSlot(state0.Length, n, nameof(state0));
        CheckSlot(state1.Length, n, nameof(state1));
        CheckSlot(state2.Length, n, nameof(state2));
        if (!TLane.IsSupported)
            throw new PlatformNotSupportedException($"{typeof(TLane).Name} is not hardware accelerated on this machine.");
        Span<T> scratch = stackalloc T[3 * 64];
        Chunk<T, TRule, TLane>(rule, ref MemoryMarshal.GetReference(param), ref MemoryMarshal.GetReference(grad),
            ref Slot(state0, scratch.Slice(0, 64)), Stride(state0), ref Slot(state1, scratch.Slice(64, 64)), Stride(state1),
            ref Slot(state2, scratch.Slice(128, 64)), Stride(state2), n);
    }

    private static void RunSimd<T, TRule>(in TRule rule, Span<T> param, ReadOnlySpan<T> grad, Span<T> s0, Span<T> s1, Span<T> s2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementRule
    {
        if (Vector512Lane<T>.IsSupported)
            RunLane<T, TRule, Vector512Lane<T>>(rule, param, grad, s0, s1, s2);
        else if (Vector256Lane<T>.IsSupported)
            RunLane<T, TRule, Vector256Lane<T>>(rule, param, grad, s0, s1, s2);
        else
            RunLane<T, TRule, ScalarLane<T>>(rule, param, grad, s0, s1, s2);
    }

    private static unsafe void RunParallel<T, TRule>(TRule rule, Span<T> param, ReadOnlySpan<T> grad, Span<T> s0, Span<T> s1, Span<T> s2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementRule
    {
        int n = param.Length;
        int chunks = (n + ChunkSize - 1) / ChunkSize;
        fixed (T* pp = param, gp = grad, p0 = s0, p1 = s1, p2 = s2)
        {
            nint ap = (nint)pp, ag = (nint)gp, a0 = (nint)p0, a1 = (nint)p1, a2 = (nint)p2;
            int l0 = s0.Length, l1 = s1.Length, l2 = s2.Length;
            Parallel.For(0, chunks, c =>
            {
                int start = c * ChunkSize;
                int len = Math.Min(ChunkSize, n - start);
                RunSimd(rule,
                    new Span<T>((T*)ap + start, len),
                    new ReadOnlySpan<T>((T*)ag + start, len),
                    l0 == 0 ? default : new Span<T>((T*)a0 + start, len),
                    l1 == 0 ? default : new Span<T>((T*)a1 + start, len),
                    l2 == 0 ? default : new Span<T>((T*)a2 + start, len));
            });
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Chunk<T, TRule, TLane>(in TRule rule, ref T p, ref T g,
        ref T s0, int stride0, ref T s1, int stride1, ref T s2, int stride2, int n)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementRule
        where TLane : struct, ILoadStoreLane<TLane, T>
    {
        TRule r = rule;
        int w = TLane.Count;
        int i = 0;
        if (w > 1)
        {
            for (; i <= n - w; i += w)
            {
                TLane vp = TLane.Load(ref Unsafe.Add(ref p, i));
                TLane vg = TLane.Load(ref Unsafe.Add(ref g, i));
                ref T r0 = ref Unsafe.Add(ref s0, i * stride0);
                ref T r1 = ref Unsafe.Add(ref s1, i * stride1);
                ref T r2 = ref Unsafe.Add(ref s2, i * stride2);
                TLane v0 = TLane.Load(ref r0), v1 = TLane.Load(ref r1), v2 = TLane.Load(ref r2);
                r.Apply(ref vp, vg, ref v0, ref v1, ref v2);
                TLane.Store(vp, ref Unsafe.Add(ref p, i));
                TLane.Store(v0, ref r0);
                TLane.Store(v1, ref r1);
                TLane.Store(v2, ref r2);
            }
        }

        // The tail runs the same rule at the scalar lane.
        for (; i < n; i++)
        {
            var sp = new ScalarLane<T>(Unsafe.Add(ref p, i));
            var sg = new ScalarLane<T>(Unsafe.Add(ref g, i));
            ref T r0 = ref Unsafe.Add(ref s0, i * stride0);
            ref T r1 = ref Unsafe.Add(ref s1, i * stride1);
            ref T r2 = ref Unsafe.Add(ref s2, i * stride2);
            var a0 = new ScalarLane<T>(r0);
            var a1 = new ScalarLane<T>(r1);
            var a2 = new ScalarLane<T>(r2);
            r.Apply(ref sp, sg, ref a0, ref a1, ref a2);
            Unsafe.Add(ref p, i) = sp.Value;
            r0 = a0.Value;
            r1 = a1.Value;
            r2 = a2.Value;
        }
    }

    /// <summary>Runs a rule that also accumulates two sums, validating lengths first; returns the sums.</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TRule">The update-and-reduce rule.</typeparam>
    /// <param name="path">Scalar reference or SIMD.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    /// <param name="param">Parameters, updated in place.</param>
    /// <param name="grad">Gradient, same length.</param>
    /// <param name="state0">State slot 0, same length or empty when unused.</param>
    /// <param name="state1">State slot 1, same length or empty when unused.</param>
    /// <param name="state2">State slot 2, same length or empty when unused.</param>
    /// <returns>The two sums.</returns>
    public static unsafe (double Sum0, double Sum1) RunReduce<T, TRule>(KernelPath path, in TRule rule, Span<T> param, ReadOnlySpan<T> grad,
        Span<T> state0, Span<T> state1, Span<T> state2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementReductionRule
    {
        int n = param.Length;
        if (grad.Length != n)
            throw new ArgumentException($"Gradient length {grad.Length} does not match parameter length {n}.", nameof(grad));
        CheckSlot(state0.Length, n, nameof(state0));
        CheckSlot(state1.Length, n, nameof(state1));
        CheckSlot(state2.Length, n, nameof(state2));
        if (n == 0) return (0.0, 0.0);
        if (path == KernelPath.Scalar) return ReduceLane<T, TRule, ScalarLane<T>>(rule, param, grad, state0, state1, state2);
        if (n < ParallelThreshold || Environment.ProcessorCount == 1) return ReduceSimd(rule, param, grad, state0, state1, state2);

        int chunks = (n + ChunkSize - 1) / ChunkSize;
        var partial = new (double, double)[chunks];
        TRule r = rule;
        fixed (T* pp = param, gp = grad, p0 = state0, p1 = state1, p2 = state2)
        {
            nint ap = (nint)pp, ag = (nint)gp, a0 = (nint)p0, a1 = (nint)p1, a2 = (nint)p2;
            int l0 = state0.Length, l1 = state1.Length, l2 = state2.Length;
            Parallel.For(0, chunks, c =>
            {
                int start = c * ChunkSize;
                int len = Math.Min(ChunkSize, n - start);
                partial[c] = ReduceSimd(r,
                    new Span<T>((T*)ap + start, len),
                    new ReadOnlySpan<T>((T*)ag + start, len),
                    l0 == 0 ? default : new Span<T>((T*)a0 + start, len),
                    l1 == 0 ? default : new Span<T>((T*)a1 + start, len),
                    l2 == 0 ? default : new Span<T>((T*)a2 + start, len));
            });
        }

        double sum0 = 0.0, sum1 = 0.0;
        foreach (var (x, y) in partial)
        {
            sum0 += x;
            sum1 += y;
        }

        return (sum0, sum1);
    }

    private static (double, double) ReduceSimd<T, TRule>(in TRule rule, Span<T> param, ReadOnlySpan<T> grad, Span<T> s0, Span<T> s1, Span<T> s2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementReductionRule
    {
        if (Vector512Lane<T>.IsSupported) return ReduceLane<T, TRule, Vector512Lane<T>>(rule, param, grad, s0, s1, s2);
        if (Vector256Lane<T>.IsSupported) return ReduceLane<T, TRule, Vector256Lane<T>>(rule, param, grad, s0, s1, s2);
        return ReduceLane<T, TRule, ScalarLane<T>>(rule, param, grad, s0, s1, s2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double, double) ReduceLane<T, TRule, TLane>(in TRule rule, Span<T> param, ReadOnlySpan<T> grad, Span<T> state0, Span<T> state1, Span<T> state2)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TRule : struct, IElementReductionRule
        where TLane : struct, ILoadStoreLane<TLane, T>
    {
        Span<T> scratch = stackalloc T[3 * 64];
        ref T p = ref MemoryMarshal.GetReference(param);
        ref T g = ref MemoryMarshal.GetReference(grad);
        ref T s0 = ref Slot(state0, scratch.Slice(0, 64));
        ref T s1 = ref Slot(state1, scratch.Slice(64, 64));
        ref T s2 = ref Slot(state2, scratch.Slice(128, 64));
        int stride0 = Stride(state0), stride1 = Stride(state1), stride2 = Stride(state2);
        TRule r = rule;
        int n = param.Length, w = TLane.Count, i = 0;
        double total0 = 0.0, total1 = 0.0;
        if (w > 1)
        {
            TLane acc0 = TLane.Constant(0.0), acc1 = TLane.Constant(0.0);
            for (; i <= n - w; i += w)
            {
                TLane vp = TLane.Load(ref Unsafe.Add(ref p, i));
                TLane vg = TLane.Load(ref Unsafe.Add(ref g, i));
                ref T r0 = ref Unsafe.Add(ref s0, i * stride0);
                ref T r1 = ref Unsafe.Add(ref s1, i * stride1);
                ref T r2 = ref Unsafe.Add(ref s2, i * stride2);
                TLane v0 = TLane.Load(ref r0), v1 = TLane.Load(ref r1), v2 = TLane.Load(ref r2);
                r.Apply(ref vp, vg, ref v0, ref v1, ref v2, ref acc0, ref acc1);
                TLane.Store(vp, ref Unsafe.Add(ref p, i));
                TLane.Store(v0, ref r0);
                TLane.Store(v1, ref r1);
                TLane.Store(v2, ref r2);
            }

            total0 = TLane.Sum(acc0);
            total1 = TLane.Sum(acc1);
        }

        var t0 = new ScalarLane<T>(T.Zero);
        var t1 = new ScalarLane<T>(T.Zero);
        for (; i < n; i++)
        {
            var sp = new ScalarLane<T>(Unsafe.Add(ref p, i));
            var sg = new ScalarLane<T>(Unsafe.Add(ref g, i));
            ref T r0 = ref Unsafe.Add(ref s0, i * stride0);
            ref T r1 = ref Unsafe.Add(ref s1, i * stride1);
            ref T r2 = ref Unsafe.Add(ref s2, i * stride2);
            var a0 = new ScalarLane<T>(r0);
            var a1 = new ScalarLane<T>(r1);
            var a2 = new ScalarLane<T>(r2);
            r.Apply(ref sp, sg, ref a0, ref a1, ref a2, ref t0, ref t1);
            Unsafe.Add(ref p, i) = sp.Value;
            r0 = a0.Value;
            r1 = a1.Value;
            r2 = a2.Value;
        }

        return (total0 + ScalarLane<T>.Sum(t0), total1 + ScalarLane<T>.Sum(t1));
    }

    private static ref T Slot<T>(Span<T> state, Span<T> scratch) =>
        ref state.IsEmpty ? ref MemoryMarshal.GetReference(scratch) : ref MemoryMarshal.GetReference(state);

    private static int Stride<T>(Span<T> state) => state.IsEmpty ? 0 : 1;

    private static void CheckSlot(int length, int n, string name)
    {
        if (length != 0 && length != n)
            throw new ArgumentException($"State length {length} does not match parameter length {n}.", name);
    }
}
