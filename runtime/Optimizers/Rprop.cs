using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Rprop{T}"/> (torch.optim.Rprop names and defaults).</summary>
public sealed record RpropOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-2;

    /// <summary>(etaminus, etaplus) multipliers (torch <c>etas</c>, default (0.5, 1.2)).</summary>
    public (double EtaMinus, double EtaPlus) Etas { get; init; } = (0.5, 1.2);

    /// <summary>Bounds of the step size (torch <c>step_sizes</c>, default (1e-6, 50)).</summary>
    public (double Min, double Max) StepSizes { get; init; } = (1e-6, 50.0);

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(0.0 < Etas.EtaMinus && Etas.EtaMinus < 1.0 && 1.0 < Etas.EtaPlus, nameof(Etas),
            $"Invalid eta values: {OptimizerValidation.Format(Etas.EtaMinus)}, {OptimizerValidation.Format(Etas.EtaPlus)}");
        OptimizerValidation.Require(0.0 <= StepSizes.Min && StepSizes.Min <= StepSizes.Max, nameof(StepSizes),
            $"Invalid step sizes: {OptimizerValidation.Format(StepSizes.Min)}, {OptimizerValidation.Format(StepSizes.Max)}");
    }
}

/// <summary>The per-element Rprop rule (torch 1.13, no weight backtracking). Slots: <c>prev</c>, <c>step_size</c>.</summary>
public readonly struct RpropRule : IElementRule
{
    /// <summary>etaminus.</summary>
    public readonly double EtaMinus;

    /// <summary>etaplus.</summary>
    public readonly double EtaPlus;

    /// <summary>Lower step-size bound.</summary>
    public readonly double StepSizeMin;

    /// <summary>Upper step-size bound.</summary>
    public readonly double StepSizeMax;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Copies the scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    public RpropRule(RpropOptions o)
    {
        EtaMinus = o.Etas.EtaMinus;
        EtaPlus = o.Etas.EtaPlus;
        StepSizeMin = o.StepSizes.Min;
        StepSizeMax = o.StepSizes.Max;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        L zero = L.Constant(0.0), one = L.Constant(1.0);
        L s = g * state0;
        L grew = L.GreaterThan(s, zero);
        L flipped = L.LessThan(s, zero);
        L factor = L.Select(grew, L.Constant(EtaPlus), L.Select(flipped, L.Constant(EtaMinus), one));
        state1 = L.Min(L.Max(state1 * factor, L.Constant(StepSizeMin)), L.Constant(StepSizeMax));
        // Where the sign flipped the coordinate does not move and prev becomes 0, so the next step sees sign 0.
        g = L.Select(flipped, zero, g);
        L sign = L.Select(L.GreaterThan(g, zero), one, L.Select(L.LessThan(g, zero), -one, zero));
        param = param - sign * state1;
        state0 = g;
    }
}

/// <summary>Resilient backpropagation (torch.optim.Rprop).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Rprop<T> : ElementwiseOptimizer<T, RpropOptions, RpropRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Rprop(IEnumerable<Parameter<T>> parameters, RpropOptions? options = null) : base(parameters, options ?? new RpropOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "Rprop";

    /// <inheritdoc/>
    protected override StateLayout Layout(RpropOptions options) => new(["prev", "step_size", null]);

    /// <inheritdoc/>
    protected override void Initialize(ParameterState<T> state, RpropOptions options) =>
        System.Array.Fill(state["step_size"], T.CreateTruncating(options.Lr));

    /// <inheritdoc/>
    protected override RpropRule BeginStep(ParameterState<T> state, RpropOptions options)
    {
        state.Step++;
        return new RpropRule(options);
    }
}
