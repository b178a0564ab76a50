using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Recovers the options and rule types of an <see cref="ElementwiseOptimizer{T, TOptions, TRule}"/> seen as an
/// <see cref="Optimizer{T}"/>, so other backends (ILGPU) can instantiate their kernels with the optimizer's own rule.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IElementwiseOptimizerVisitor<T, out TResult> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Called with the concrete optimizer.</summary>
    /// <typeparam name="TOptions">Its options record.</typeparam>
    /// <typeparam name="TRule">Its update rule.</typeparam>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>The result.</returns>
    TResult Visit<TOptions, TRule>(ElementwiseOptimizer<T, TOptions, TRule> optimizer)
        where TOptions : OptimizerOptions
        where TRule : struct, IElementRule;
}
