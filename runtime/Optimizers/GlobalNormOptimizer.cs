using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>
/// An optimizer whose per-element update depends on sums over the whole parameter set (the squared 2-norm of the
/// gradient of every parameter together, as AdaGrad-Norm and AcceleGrad need). Each step is two fused passes:
/// a measuring pass (<typeparamref name="TMeasure"/>, which reads gradient and state and accumulates two sums without
/// changing anything), then the update pass (<typeparamref name="TUpdate"/>, built from those sums, which may
/// accumulate two sums of its own for the next step). Scalars shared by all parameters (accumulators, the step count)
/// live in the optimizer and are checkpointed with it; a single parameter group is required for that reason.
/// Both passes are <see cref="IElementReductionRule"/>s, so the scalar, SIMD and ILGPU drivers run the same rules.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TOptions">The options record.</typeparam>
/// <typeparam name="TMeasure">The measuring rule (must leave parameter and state unchanged).</typeparam>
/// <typeparam name="TUpdate">The update rule.</typeparam>
public abstract class GlobalNormOptimizer<T, TOptions, TMeasure, TUpdate> : GroupedOptimizer<T, TOptions>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
    where TMeasure : struct, IElementReductionRule
    where TUpdate : struct, IElementReductionRule
{
    /// <summary>Creates the optimizer with one group.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters.</param>
    protected GlobalNormOptimizer(IEnumerable<Parameter<T>> parameters, TOptions options) : base(parameters, options)
    {
    }

    /// <summary>The options of the single group.</summary>
    protected TOptions Options
    {
        get
        {
            RequireSingleGroup();
            return ParamGroups[0].Options;
        }
    }

    /// <summary>Steps completed (the k of the formulas, from 0).</summary>
    public long K { get; protected set; }

    /// <summary>The per-parameter state layout.</summary>
    /// <param name="options">The options.</param>
    /// <returns>Slot names.</returns>
    protected abstract StateLayout Layout(TOptions options);

    /// <summary>Fills a new state, which may depend on the parameter's current values (default: zeros).</summary>
    /// <param name="state">The new state.</param>
    /// <param name="parameter">Its parameter.</param>
    protected virtual void Initialize(ParameterState<T> state, Parameter<T> parameter)
    {
    }

    /// <summary>The measuring rule of the next step.</summary>
    /// <returns>The rule.</returns>
    public abstract TMeasure MeasureRule();

    /// <summary>Advances the shared scalars with the measured sums and returns this step's update rule.</summary>
    /// <param name="sum0">First sum of <see cref="MeasureRule"/> over every parameter.</param>
    /// <param name="sum1">Second sum.</param>
    /// <returns>The update rule.</returns>
    public abstract TUpdate BeginStep(double sum0, double sum1);

    /// <summary>Ends the step with the update pass' sums (counts a step on every parameter).</summary>
    /// <param name="sum0">First sum of the update rule over every parameter.</param>
    /// <param name="sum1">Second sum.</param>
    public void CompleteStep(double sum0, double sum1)
    {
        foreach (var p in ParamGroups[0].Parameters) GetOrCreateState(p, 0).Step++;
        EndStep(sum0, sum1);
        K++;
    }

    /// <summary>Stores what the update pass measured for the next step (default: nothing).</summary>
    /// <param name="sum0">First sum.</param>
    /// <param name="sum1">Second sum.</param>
    protected virtual void EndStep(double sum0, double sum1)
    {
    }

    /// <summary>The state of <paramref name="parameter"/>, created and initialized on first use. Other backends (ILGPU)
    /// call it before their first pass and mirror its slots.</summary>
    /// <param name="parameter">A parameter of this optimizer.</param>
    /// <returns>The live state.</returns>
    public ParameterState<T> PrepareState(Parameter<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        RequireSingleGroup();
        if (GroupOf(parameter) != 0) throw new ArgumentException($"Parameter '{parameter.Name}' does not belong to this optimizer.", nameof(parameter));
        bool fresh = GetState(parameter) is null;
        var state = GetOrCreateState(parameter, 0);
        if (fresh) Initialize(state, parameter);
        return state;
    }

    /// <inheritdoc/>
    protected sealed override StateLayout GetLayout(int group) => Layout(ParamGroups[group].Options);

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

    /// <summary>Performs one step with the gradients in <see cref="Parameter{T}.Grad"/>.</summary>
    /// <returns>False when the step was skipped because of a non-finite gradient (<see cref="NonFiniteGradientPolicy.Skip"/>).</returns>
    public bool Step()
    {
        RequireSingleGroup();
        ValidateLengths();
        if (!CheckGradients()) return false;
        var ps = ParamGroups[0].Parameters;
        var measure = MeasureRule();
        double m0 = 0.0, m1 = 0.0;
        foreach (var p in ps)
        {
            var s = PrepareState(p);
            var (a, b) = ElementwiseKernel.RunReduce(KernelPath, measure, p.Data, p.Grad, s.SlotSpan(0), s.SlotSpan(1), s.SlotSpan(2));
            m0 += a;
            m1 += b;
        }

        var update = BeginStep(m0, m1);
        double u0 = 0.0, u1 = 0.0;
        foreach (var p in ps)
        {
            var s = GetState(p)!;
            var (a, b) = ElementwiseKernel.RunReduce(KernelPath, update, p.Data, p.Grad, s.SlotSpan(0), s.SlotSpan(1), s.SlotSpan(2));
            u0 += a;
            u1 += b;
        }

        CompleteStep(u0, u1);
        return true;
    }

    /// <summary>Throws unless the optimizer has exactly one parameter group (its scalars are shared by all parameters).</summary>
    protected void RequireSingleGroup()
    {
        if (ParamGroupCount != 1) throw new InvalidOperationException($"{Name} keeps one set of scalars for all parameters: use a single parameter group");
    }
}
