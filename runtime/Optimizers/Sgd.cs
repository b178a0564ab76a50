using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Sgd{T}"/> (torch.optim.SGD names and defaults; torch requires lr, DiffGen defaults it to 1e-3).</summary>
public sealed record SgdOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-3;

    /// <summary>Momentum factor mu (torch <c>momentum</c>, default 0).</summary>
    public double Momentum { get; init; }

    /// <summary>Dampening of the gradient in the momentum buffer, not applied on the first step (torch <c>dampening</c>, default 0).</summary>
    public double Dampening { get; init; }

    /// <summary>L2 penalty added to the gradient (torch <c>weight_decay</c>, default 0).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Nesterov momentum (torch <c>nesterov</c>, default false).</summary>
    public bool Nesterov { get; init; }

    /// <summary>Maximize the objective (torch <c>maximize</c>, default false).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Momentum(Momentum);
        // torch never validates dampening; DiffGen rejects values that would amplify the gradient or flip its sign.
        OptimizerValidation.Require(Dampening >= 0.0 && Dampening <= 1.0, nameof(Dampening), $"Invalid dampening value: {OptimizerValidation.Format(Dampening)}");
        OptimizerValidation.WeightDecay(WeightDecay);
        OptimizerValidation.Require(!Nesterov || (Momentum > 0.0 && Dampening == 0.0), nameof(Nesterov), "Nesterov momentum requires a momentum and zero dampening");
    }
}

/// <summary>The per-element SGD rule (torch 1.13 <c>_single_tensor_sgd</c>). Slot 0: <c>momentum_buffer</c>.</summary>
public readonly struct SgdRule : IElementRule
{
    /// <summary>Learning rate.</summary>
    public readonly double Lr;

    /// <summary>Momentum.</summary>
    public readonly double Momentum;

    /// <summary>1 - dampening.</summary>
    public readonly double OneMinusDampening;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Whether the buffer exists and is used.</summary>
    public readonly RuleFlag HasMomentum;

    /// <summary>First step: the buffer is set to the gradient, without dampening.</summary>
    public readonly RuleFlag FirstStep;

    /// <summary>Nesterov.</summary>
    public readonly RuleFlag Nesterov;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Creates the rule for one step.</summary>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="firstStep">Whether the momentum buffer is initialised by this step.</param>
    public SgdRule(SgdOptions options, bool firstStep)
    {
        Lr = options.Lr;
        Momentum = options.Momentum;
        OneMinusDampening = 1.0 - options.Dampening;
        WeightDecay = options.WeightDecay;
        HasMomentum = options.Momentum != 0.0;
        FirstStep = firstStep;
        Nesterov = options.Nesterov;
        Maximize = options.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L d = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) d = d + param * L.Constant(WeightDecay);
        if (HasMomentum)
        {
            L mu = L.Constant(Momentum);
            state0 = FirstStep ? d : state0 * mu + d * L.Constant(OneMinusDampening);
            d = Nesterov ? d + state0 * mu : state0;
        }

        param = param - L.Constant(Lr) * d;
    }
}

/// <summary>Stochastic gradient descent with momentum, dampening, Nesterov, weight decay and maximize (torch.optim.SGD).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Sgd<T> : ElementwiseOptimizer<T, SgdOptions, SgdRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Sgd(IEnumerable<Parameter<T>> parameters, SgdOptions? options = null) : base(parameters, options ?? new SgdOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "SGD";

    /// <inheritdoc/>
    protected override StateLayout Layout(SgdOptions options) =>
        new([options.Momentum != 0.0 ? "momentum_buffer" : null, null, null]);

    /// <inheritdoc/>
    protected override SgdRule BeginStep(ParameterState<T> state, SgdOptions options)
    {
        bool first = state.Step == 0;
        state.Step++;
        return new SgdRule(options, first);
    }
}
