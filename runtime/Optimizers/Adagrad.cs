using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Adagrad{T}"/> (torch.optim.Adagrad names and defaults).</summary>
public sealed record AdagradOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-2;

    /// <summary>clr = lr / (1 + (t-1) * lr_decay) (torch <c>lr_decay</c>, default 0).</summary>
    public double LrDecay { get; init; }

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>, default 0).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Initial value of <c>sum</c> (torch <c>initial_accumulator_value</c>, default 0).</summary>
    public double InitialAccumulatorValue { get; init; }

    /// <summary>Added to sqrt(sum) (torch <c>eps</c>, default 1e-10).</summary>
    public double Eps { get; init; } = 1e-10;

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(LrDecay >= 0.0, nameof(LrDecay), $"Invalid lr_decay value: {OptimizerValidation.Format(LrDecay)}");
        OptimizerValidation.WeightDecay(WeightDecay);
        OptimizerValidation.Require(InitialAccumulatorValue >= 0.0, nameof(InitialAccumulatorValue),
            $"Invalid initial_accumulator_value value: {OptimizerValidation.Format(InitialAccumulatorValue)}");
        OptimizerValidation.Epsilon(Eps);
    }
}

/// <summary>The per-element Adagrad rule (torch 1.13 <c>_single_tensor_adagrad</c>). Slot 0: <c>sum</c>.</summary>
public readonly struct AdagradRule : IElementRule
{
    /// <summary>lr / (1 + (t-1) lr_decay).</summary>
    public readonly double Clr;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="step">1-based step.</param>
    public AdagradRule(AdagradOptions o, long step)
    {
        Clr = o.Lr / (1.0 + (step - 1) * o.LrDecay);
        WeightDecay = o.WeightDecay;
        Eps = o.Eps;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        state0 = state0 + g * g;
        param = param - L.Constant(Clr) * (g / (L.Sqrt(state0) + L.Constant(Eps)));
    }
}

/// <summary>Adagrad with lr decay, initial accumulator and L2 weight decay (torch.optim.Adagrad).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Adagrad<T> : ElementwiseOptimizer<T, AdagradOptions, AdagradRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Adagrad(IEnumerable<Parameter<T>> parameters, AdagradOptions? options = null) : base(parameters, options ?? new AdagradOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "Adagrad";

    /// <inheritdoc/>
    protected override StateLayout Layout(AdagradOptions options) => new(["sum", null, null]);

    /// <inheritdoc/>
    protected override void Initialize(ParameterState<T> state, AdagradOptions options) =>
        System.Array.Fill(state["sum"], T.CreateTruncating(options.InitialAccumulatorValue));

    /// <inheritdoc/>
    protected override AdagradRule BeginStep(ParameterState<T> state, AdagradOptions options) => new(options, ++state.Step);
}
