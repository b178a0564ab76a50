namespace DiffGen.Optimizers;

/// <summary>
/// A per-element update that also accumulates two sums in the same pass (the inner products Step-Tuned SGD needs after
/// its second half step), so parameters, gradient and state are read once. Driven by
/// <see cref="ElementwiseKernel.RunReduce{T, TRule}"/>: sums accumulate per lane in the element type within a chunk,
/// chunk partials are added in double in chunk order (deterministic for a given driver, but the scalar and SIMD drivers
/// associate differently, so their sums agree to rounding, not bitwise).
/// </summary>
public interface IElementReductionRule
{
    /// <summary>Updates one lane and adds its contributions to the two sums.</summary>
    /// <typeparam name="L">The lane.</typeparam>
    /// <param name="param">The parameter, updated.</param>
    /// <param name="grad">The gradient.</param>
    /// <param name="state0">State slot 0.</param>
    /// <param name="state1">State slot 1.</param>
    /// <param name="state2">State slot 2.</param>
    /// <param name="sum0">First running sum.</param>
    /// <param name="sum1">Second running sum.</param>
    void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L>;
}
