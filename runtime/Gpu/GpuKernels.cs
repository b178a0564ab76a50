using ILGPU;

namespace DiffGen.Optimizers.Gpu;

/// <summary>The ILGPU kernels. Update kernels: one thread per element, each running the optimizer's
/// <see cref="IElementRule"/> at the scalar lane; unused state slots are flagged off (uniform branches, no divergence) and
/// bound to a 1-element dummy. Update-and-reduce kernels run an <see cref="IElementReductionRule"/> with a grid-stride
/// loop and write one partial pair per thread, which <see cref="SumPartials"/> folds in a fixed order (deterministic, no
/// floating-point atomics). <see cref="NonFiniteSingle"/>/<see cref="NonFiniteDouble"/> flag the first non-finite gradient
/// element of a parameter.</summary>
public static class GpuKernels
{
    /// <summary>float32 update kernel.</summary>
    /// <typeparam name="TRule">The rule.</typeparam>
    /// <param name="i">Element index.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="s0">Slot 0 (or dummy).</param>
    /// <param name="s1">Slot 1 (or dummy).</param>
    /// <param name="s2">Slot 2 (or dummy).</param>
    /// <param name="slots">Bit k set when slot k is used.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    public static void Single<TRule>(Index1D i, ArrayView<float> p, ArrayView<float> g, ArrayView<float> s0, ArrayView<float> s1,
        ArrayView<float> s2, int slots, TRule rule) where TRule : struct, IElementRule
    {
        var vp = new SingleLane(p[i]);
        var v0 = new SingleLane((slots & 1) != 0 ? s0[i] : 0f);
        var v1 = new SingleLane((slots & 2) != 0 ? s1[i] : 0f);
        var v2 = new SingleLane((slots & 4) != 0 ? s2[i] : 0f);
        rule.Apply(ref vp, new SingleLane(g[i]), ref v0, ref v1, ref v2);
        p[i] = vp.Value;
        if ((slots & 1) != 0) s0[i] = v0.Value;
        if ((slots & 2) != 0) s1[i] = v1.Value;
        if ((slots & 4) != 0) s2[i] = v2.Value;
    }

    /// <summary>float64 update kernel.</summary>
    /// <typeparam name="TRule">The rule.</typeparam>
    /// <param name="i">Element index.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="s0">Slot 0 (or dummy).</param>
    /// <param name="s1">Slot 1 (or dummy).</param>
    /// <param name="s2">Slot 2 (or dummy).</param>
    /// <param name="slots">Bit k set when slot k is used.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    public static void Double<TRule>(Index1D i, ArrayView<double> p, ArrayView<double> g, ArrayView<double> s0, ArrayView<double> s1,
        ArrayView<double> s2, int slots, TRule rule) where TRule : struct, IElementRule
    {
        var vp = new DoubleLane(p[i]);
        var v0 = new DoubleLane((slots & 1) != 0 ? s0[i] : 0.0);
        var v1 = new DoubleLane((slots & 2) != 0 ? s1[i] : 0.0);
        var v2 = new DoubleLane((slots & 4) != 0 ? s2[i] : 0.0);
        rule.Apply(ref vp, new DoubleLane(g[i]), ref v0, ref v1, ref v2);
        p[i] = vp.Value;
        if ((slots & 1) != 0) s0[i] = v0.Value;
        if ((slots & 2) != 0) s1[i] = v1.Value;
        if ((slots & 4) != 0) s2[i] = v2.Value;
    }
    /// <summary>float32 update kernel that also accumulates the rule's two sums: thread <paramref name="t"/> of
    /// <paramref name="threads"/> handles elements t, t + threads, ... (coalesced) and writes its sums, accumulated in
    /// float32 like the CPU lanes, to <c>partial[t]</c> and <c>partial[threads + t]</c>.</summary>
    /// <typeparam name="TRule">The update-and-reduce rule.</typeparam>
    /// <param name="t">Thread index.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="s0">Slot 0 (or dummy).</param>
    /// <param name="s1">Slot 1 (or dummy).</param>
    /// <param name="s2">Slot 2 (or dummy).</param>
    /// <param name="slots">Bit k set when slot k is used.</param>
    /// <param name="threads">Number of threads launched.</param>
    /// <param name="partial">2 * threads partial sums.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    public static void ReduceSingle<TRule>(Index1D t, ArrayView<float> p, ArrayView<float> g, ArrayView<float> s0, ArrayView<float> s1,
        ArrayView<float> s2, int slots, int threads, ArrayView<double> partial, TRule rule) where TRule : struct, IElementReductionRule
    {
        var sum0 = new SingleLane(0f);
        var sum1 = new SingleLane(0f);
        int n = (int)p.Length;
        for (int i = t; i < n; i += threads)
        {
            var vp = new SingleLane(p[i]);
            var v0 = new SingleLane((slots & 1) != 0 ? s0[i] : 0f);
            var v1 = new SingleLane((slots & 2) != 0 ? s1[i] : 0f);
            var v2 = new SingleLane((slots & 4) != 0 ? s2[i] : 0f);
            rule.Apply(ref vp, new SingleLane(g[i]), ref v0, ref v1, ref v2, ref sum0, ref sum1);
            p[i] = vp.Value;
            if ((slots & 1) != 0) s0[i] = v0.Value;
            if ((slots & 2) != 0) s1[i] = v1.Value;
            if ((slots & 4) != 0) s2[i] = v2.Value;
        }

        partial[t] = sum0.Value;
        partial[threads + t] = sum1.Value;
    }

    /// <summary>float64 update-and-reduce kernel (see <see cref="ReduceSingle{TRule}"/>).</summary>
    /// <typeparam name="TRule">The update-and-reduce rule.</typeparam>
    /// <param name="t">Thread index.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="s0">Slot 0 (or dummy).</param>
    /// <param name="s1">Slot 1 (or dummy).</param>
    /// <param name="s2">Slot 2 (or dummy).</param>
    /// <param name="slots">Bit k set when slot k is used.</param>
    /// <param name="threads">Number of threads launched.</param>
    /// <param name="partial">2 * threads partial sums.</param>
    /// <param name="rule">The rule with this step's scalars.</param>
    public static void ReduceDouble<TRule>(Index1D t, ArrayView<double> p, ArrayView<double> g, ArrayView<double> s0, ArrayView<double> s1,
        ArrayView<double> s2, int slots, int threads, ArrayView<double> partial, TRule rule) where TRule : struct, IElementReductionRule
    {
        var sum0 = new DoubleLane(0.0);
        var sum1 = new DoubleLane(0.0);
        int n = (int)p.Length;
        for (int i = t; i < n; i += threads)
        {
            var vp = new DoubleLane(p[i]);
            var v0 = new DoubleLane((slots & 1) != 0 ? s0[i] : 0.0);
            var v1 = new DoubleLane((slots & 2) != 0 ? s1[i] : 0.0);
            var v2 = new DoubleLane((slots & 4) != 0 ? s2[i] : 0.0);
            rule.Apply(ref vp, new DoubleLane(g[i]), ref v0, ref v1, ref v2, ref sum0, ref sum1);
            p[i] = vp.Value;
            if ((slots & 1) != 0) s0[i] = v0.Value;
            if ((slots & 2) != 0) s1[i] = v1.Value;
            if ((slots & 4) != 0) s2[i] = v2.Value;
        }

        partial[t] = sum0.Value;
        partial[threads + t] = sum1.Value;
    }

    /// <summary>Second stage of the reduction: thread j of 2 * <paramref name="width"/> adds, in index order, the partials
    /// r, r + width, ... (r = j mod width) of row j / width (each row holds <paramref name="count"/> partials) and writes
    /// the result to <c>destination[offset + j]</c>; the host adds the 2 * width results in order.</summary>
    /// <param name="j">Thread index.</param>
    /// <param name="source">Two rows of <paramref name="count"/> partial sums.</param>
    /// <param name="count">Partials per row.</param>
    /// <param name="width">Results per row.</param>
    /// <param name="destination">Results.</param>
    /// <param name="offset">Where this reduction's 2 * width results start.</param>
    public static void SumPartials(Index1D j, ArrayView<double> source, int count, int width, ArrayView<double> destination, int offset)
    {
        int row = j / width, r = j - row * width;
        double s = 0.0;
        for (int t = r; t < count; t += width) s += source[row * count + t];
        destination[offset + j] = s;
    }

    /// <summary>Flags a non-finite float32 gradient element: <c>flags[slot]</c> becomes max(flags[slot], n - i) over the
    /// elements i whose exponent bits are all ones (NaN or infinity), so that n - flags[slot] is the first such index
    /// (the index the CPU check reports) and 0 means all finite. The bit test is exact under any device math mode.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="flags">One flag per parameter, zeroed before the check.</param>
    /// <param name="slot">This parameter's flag.</param>
    public static void NonFiniteSingle(Index1D i, ArrayView<float> g, ArrayView<int> flags, int slot)
    {
        if ((Interop.FloatAsInt(g[i]) & 0x7F80_0000u) == 0x7F80_0000u) Atomic.Max(ref flags[slot], (int)g.Length - i);
    }

    /// <summary>float64 version of <see cref="NonFiniteSingle"/>.</summary>
    /// <param name="i">Element index.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="flags">One flag per parameter, zeroed before the check.</param>
    /// <param name="slot">This parameter's flag.</param>
    public static void NonFiniteDouble(Index1D i, ArrayView<double> g, ArrayView<int> flags, int slot)
    {
        if ((Interop.FloatAsInt(g[i]) & 0x7FF0_0000_0000_0000ul) == 0x7FF0_0000_0000_0000ul) Atomic.Max(ref flags[slot], (int)g.Length - i);
    }
    /// <summary>Partial sums of squares of a float32 gradient for clipping by global norm: thread t of
    /// <paramref name="threads"/> adds g[t]^2, g[t + threads]^2, ... in float32 (as <c>TensorPrimitives.SumOfSquares</c>
    /// does on the CPU) and writes the sum to <c>partial[t]</c> and 0 to <c>partial[threads + t]</c>, the layout
    /// <see cref="SumPartials"/> folds.</summary>
    /// <param name="t">Thread index.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="threads">Number of threads launched.</param>
    /// <param name="partial">2 * threads partial sums.</param>
    public static void SumSquaresSingle(Index1D t, ArrayView<float> g, int threads, ArrayView<double> partial)
    {
        float s = 0f;
        int n = (int)g.Length;
        for (int i = t; i < n; i += threads) s += g[i] * g[i];
        partial[t] = s;
        partial[threads + t] = 0.0;
    }

    /// <summary>float64 version of <see cref="SumSquaresSingle"/>.</summary>
    /// <param name="t">Thread index.</param>
    /// <param name="g">Gradient.</param>
    /// <param name="threads">Number of threads launched.</param>
    /// <param name="partial">2 * threads partial sums.</param>
    public static void SumSquaresDouble(Index1D t, ArrayView<double> g, int threads, ArrayView<double> partial)
    {
        double s = 0.0;
        int n = (int)g.Length;
        for (int i = t; i < n; i += threads) s += g[i] * g[i];
        partial[t] = s;
        partial[threads + t] = 0.0;
    }
}
