using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>
/// An optimizer whose step is one fused <see cref="IElementRule"/> pass per parameter. Derived classes supply the
/// state layout, the initial state and <see cref="BeginStep"/> (per-step scalars in double, the rule for this step).
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TOptions">The options record.</typeparam>
/// <typeparam name="TRule">The update rule.</typeparam>
public abstract class ElementwiseOptimizer<T, TOptions, TRule> : GroupedOptimizer<T, TOptions>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
    where TRule : struct, IElementRule
{
    /// <summary>Creates the optimizer with one group.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters.</param>
    protected ElementwiseOptimizer(IEnumerable<Parameter<T>> parameters, TOptions options)
        : base(parameters, options)
    {
    }

    /// <summary>The state layout for a group's options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>Slot and scalar names.</returns>
    protected abstract StateLayout Layout(TOptions options);

    /// <summary>Sets initial values of a new state (default zeros).</summary>
    /// <param name="state">The state.</param>
    /// <param name="options">The group's options.</param>
    protected virtual void Initialize(ParameterState<T> state, TOptions options)
    {
    }

    /// <summary>Advances the state's step counter and scalars and returns the rule for this step.</summary>
    /// <param name="state">The parameter's state.</param>
    /// <param name="options">The group's options.</param>
    /// <returns>The rule.</returns>
    protected abstract TRule BeginStep(ParameterState<T> state, TOptions options);

    /// <summary>Hook run after the checks and before the first parameter is updated (for example to draw noise).</summary>
    protected virtual void BeforeUpdate()
    {
    }

    /// <inheritdoc/>
    protected sealed override StateLayout GetLayout(int group) => Layout(ParamGroups[group].Options);

    /// <inheritdoc/>
    protected sealed override void InitializeState(ParameterState<T> state, int group) => Initialize(state, ParamGroups[group].Options);

    /// <inheritdoc/>
    public sealed override TResult Accept<TResult>(IOptimizerVisitor<T, TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }

    /// <inheritdoc/>
    public override double Step(Func<double> closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        double loss = closure();
        if (double.IsFinite(loss)) Step();
        return loss;
    }

    /// <summary>Performs one optimization step with the gradients in <see cref="Parameter{T}.Grad"/>.</summary>
    /// <returns>False when the step was skipped because of a non-finite gradient (<see cref="NonFiniteGradientPolicy.Skip"/>).</returns>
    public bool Step()
    {
        ValidateLengths();
        if (!CheckGradients()) return false;
        Update(1.0);
        return true;
    }

    /// <summary>The total 2-norm of the gradients measured by the last <see cref="StepClipped"/> (before clipping).</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>One step with the gradients clipped to a global 2-norm of at most <paramref name="maxNorm"/>, torch's
    /// <c>clip_grad_norm_(params, max_norm)</c> then <c>step()</c>, fused: the norm is one read of the gradients and the
    /// clip coefficient max_norm / (norm + 1e-6) (when below 1) is applied inside the update pass, so the gradient buffers
    /// are left unchanged. The norm also decides the non-finite check (a non-finite gradient makes the norm
    /// non-finite).</summary>
    /// <param name="maxNorm">Largest allowed total norm, &gt;= 0.</param>
    /// <returns>False when the step was skipped because of a non-finite gradient.</returns>
    public bool StepClipped(double maxNorm)
    {
        OptimizerValidation.Require(maxNorm >= 0.0, nameof(maxNorm), $"Invalid max_norm value: {OptimizerValidation.Format(maxNorm)}");
        ValidateLengths();
        double sum = 0.0;
        foreach (var p in Parameters) sum += double.CreateTruncating(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<T>(p.Grad));
        double scale = ClipScale(maxNorm, sum);
        if (!double.IsFinite(LastGradientNorm) && !CheckGradients()) return false;
        Update(scale);
        return true;
    }

    /// <summary>The gradient scale of torch's <c>clip_grad_norm_</c> for a total squared 2-norm
    /// <paramref name="sumOfSquares"/>: max_norm / (norm + 1e-6) when below 1, else 1; records the norm in
    /// <see cref="LastGradientNorm"/>. <see cref="StepClipped"/> uses it, and so do other backends (ILGPU) with a norm
    /// reduced on their own gradients.</summary>
    /// <param name="maxNorm">Largest allowed total norm, &gt;= 0.</param>
    /// <param name="sumOfSquares">Sum of the squared gradient elements over every parameter.</param>
    /// <returns>The factor to apply to every gradient inside the update (<see cref="ScaledGradientRule{TRule}"/>).</returns>
    public double ClipScale(double maxNorm, double sumOfSquares)
    {
        OptimizerValidation.Require(maxNorm >= 0.0, nameof(maxNorm), $"Invalid max_norm value: {OptimizerValidation.Format(maxNorm)}");
        double norm = System.Math.Sqrt(sumOfSquares);
        LastGradientNorm = norm;
        double coef = maxNorm / (norm + 1e-6);
        return coef < 1.0 ? coef : 1.0;
    }

    private void Update(double gradScale)
    {
        BeforeUpdate();
        for (int gi = 0; gi < ParamGroups.Count; gi++)
        {
            var group = ParamGroups[gi];
            foreach (var p in group.Parameters)
            {
                var state = GetOrCreateState(p, gi);
                TRule rule = BeginStep(state, group.Options);
                if (gradScale == 1.0)
                    ElementwiseKernel.Run(KernelPath, rule, p.Data, p.Grad, state.SlotSpan(0), state.SlotSpan(1), state.SlotSpan(2));
                else
                    ElementwiseKernel.Run(KernelPath, new ScaledGradientRule<TRule>(rule, gradScale), p.Data, p.Grad, state.SlotSpan(0), state.SlotSpan(1), state.SlotSpan(2));
            }
        }
    }

    /// <summary>Whether <see cref="PrepareBackendUpdate"/> writes per-step data into transient state slots (the noise of
    /// the noisy SGD variants, drawn on the host), which another backend must copy to its own slot buffers before every
    /// step (see <see cref="ParameterState{T}.IsTransient"/>).</summary>
    public virtual bool NeedsHostPreparation => false;

    /// <summary>Runs the once-per-step hook that <see cref="Step()"/> runs after its checks and before the first parameter is
    /// updated (for the noisy SGD variants: draws the noise of every parameter into its transient slot, in parameter
    /// order, from the optimizer's own generator). Other backends call it, then <see cref="PrepareStep"/> per parameter,
    /// so they consume exactly the same random numbers as the CPU backend.</summary>
    public void PrepareBackendUpdate() => BeforeUpdate();

    /// <inheritdoc/>
    public sealed override bool TryAccept<TResult>(IElementwiseOptimizerVisitor<T, TResult> visitor, out TResult? result) where TResult : default
    {
        ArgumentNullException.ThrowIfNull(visitor);
        result = visitor.Visit(this);
        return true;
    }

    /// <summary>The rule the next step would apply to <paramref name="parameter"/>, advancing its state counters
    /// exactly as <see cref="Step()"/> does. Used by other backends (ILGPU) that run the same rule on device-resident data.</summary>
    /// <param name="parameter">A parameter of this optimizer.</param>
    /// <returns>The rule and the state (whose slots the caller updates).</returns>
    public (TRule Rule, ParameterState<T> State) PrepareStep(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        int gi = GroupOf(parameter);
        if (gi < 0) throw new System.ArgumentException($"Parameter '{parameter.Name}' does not belong to this optimizer.", nameof(parameter));
        var state = GetOrCreateState(parameter, gi);
        return (BeginStep(state, ParamGroups[gi].Options), state);
    }
}
