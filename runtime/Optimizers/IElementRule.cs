namespace DiffGen.Optimizers;

/// <summary>
/// A fused per-element update: reads the gradient, updates up to three state values and moves the parameter,
/// all in one pass. Implementations are small structs holding the per-step scalars (computed once in double);
/// <see cref="Apply{L}"/> is the only definition of the optimizer's arithmetic and is instantiated by every
/// driver: <see cref="ScalarLane{T}"/> (reference), <see cref="Vector256Lane{T}"/>/<see cref="Vector512Lane{T}"/>
/// (SIMD, tail by the scalar lane) and the ILGPU kernels.
/// </summary>
public interface IElementRule
{
    /// <summary>Updates one lane of parameters and state in place.</summary>
    /// <typeparam name="L">The lane (scalar or vector).</typeparam>
    /// <param name="param">The parameter, updated.</param>
    /// <param name="grad">The gradient at the parameter before the step.</param>
    /// <param name="state0">State slot 0 (meaning defined by the optimizer; untouched when unused).</param>
    /// <param name="state1">State slot 1.</param>
    /// <param name="state2">State slot 2.</param>
    void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>;
}
