using ILGPU;

namespace DiffGen.Optimizers.Gpu;

/// <summary>The ILGPU kernels: one thread per element, each running the optimizer's <see cref="IElementRule"/> at the
/// scalar lane. Unused state slots are flagged off (uniform branches, no divergence) and bound to a 1-element dummy.</summary>
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
}
