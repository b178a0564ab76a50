using System;
using System.Numerics;
using DiffGen.Optimizers;

namespace DiffGen.Training;

/// <summary>
/// One training step for any optimizer: element-wise optimizers take the gradient computed once; Step-Tuned SGD
/// evaluates the same mini-batch twice (its two half steps); L-BFGS re-evaluates it as its closure.
/// </summary>
internal static class OptimizerStepper
{
    /// <summary>Runs one step. <paramref name="evaluate"/> writes the mini-batch gradient at the current parameters
    /// into each <see cref="Parameter{T}.Grad"/> and returns the loss; <paramref name="loss"/> is the loss before the step.
    /// Returns false without updating when that loss is not finite.</summary>
    public static bool Step<T>(Optimizer<T> optimizer, Func<double> evaluate, double? clipGradNorm, out double loss)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (clipGradNorm is not { } maxNorm)
        {
            loss = optimizer.Step(evaluate);
            return double.IsFinite(loss);
        }

        // Clipping sits between the gradient and the update, fused into the element-wise kernels.
        loss = evaluate();
        if (!double.IsFinite(loss)) return false;
        if (!optimizer.TryAccept(new ElementwiseStep<T>(maxNorm), out _))
            throw new NotSupportedException($"Gradient clipping needs an element-wise optimizer, not {optimizer.GetType().Name}.");
        return true;
    }

    private sealed class ElementwiseStep<T>(double maxNorm) : IElementwiseOptimizerVisitor<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public bool Visit<TOptions, TRule>(ElementwiseOptimizer<T, TOptions, TRule> optimizer)
            where TOptions : OptimizerOptions
            where TRule : struct, IElementRule
            => optimizer.StepClipped(maxNorm);
    }
}
