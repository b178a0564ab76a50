using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>
/// A visitor over every kind of optimizer (<see cref="Optimizer{T}.Accept{TResult}"/>): element-wise optimizers
/// through the generic <see cref="IElementwiseOptimizerVisitor{T, TResult}.Visit{TOptions, TRule}"/>, and the two
/// that re-evaluate their objective, and those whose update needs sums over all parameters first. Backends (the ILGPU stepper) build themselves with it instead of testing
/// types, and a new kind of optimizer is a compile error in every backend rather than a runtime surprise.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TResult">What a visit returns.</typeparam>
public interface IOptimizerVisitor<T, out TResult> : IElementwiseOptimizerVisitor<T, TResult>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Visits Step-Tuned SGD.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>The visit's result.</returns>
    TResult Visit(StepTunedSgd<T> optimizer);

    /// <summary>Visits L-BFGS.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>The visit's result.</returns>
    TResult Visit(Lbfgs<T> optimizer);

    /// <summary>Visits an optimizer whose update depends on sums over all parameters (AdaGrad-Norm, AcceleGrad).</summary>
    /// <typeparam name="TOptions">Its options record.</typeparam>
    /// <typeparam name="TMeasure">Its measuring rule.</typeparam>
    /// <typeparam name="TUpdate">Its update rule.</typeparam>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>The visit's result.</returns>
    TResult Visit<TOptions, TMeasure, TUpdate>(GlobalNormOptimizer<T, TOptions, TMeasure, TUpdate> optimizer)
        where TOptions : OptimizerOptions
        where TMeasure : struct, IElementReductionRule
        where TUpdate : struct, IElementReductionRule;
}
