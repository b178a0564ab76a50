using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Asgd{T}"/> (torch.optim.ASGD names and defaults).</summary>
public sealed record AsgdOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-2;

    /// <summary>Decay term (torch <c>lambd</c>, default 1e-4).</summary>
    public double Lambd { get; init; } = 1e-4;

    /// <summary>Power of the eta update (torch <c>alpha</c>, default 0.75).</summary>
    public double Alpha { get; init; } = 0.75;

    /// <summary>Step from which averaging starts (torch <c>t0</c>, default 1e6).</summary>
    public double T0 { get; init; } = 1e6;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.WeightDecay(WeightDecay);
        OptimizerValidation.Require(Lambd >= 0.0, nameof(Lambd), $"Invalid lambd value: {OptimizerValidation.Format(Lambd)}");
        OptimizerValidation.Require(Alpha >= 0.0, nameof(Alpha), $"Invalid alpha value: {OptimizerValidation.Format(Alpha)}");
    }
}

/// <summary>The per-element ASGD rule (torch 1.13). Slot 0: <c>ax</c>, the averaged parameters.</summary>
public readonly struct AsgdRule : IElementRule
{
    /// <summary>1 - lambd * eta.</summary>
    public readonly double Decay;

    /// <summary>eta.</summary>
    public readonly double Eta;

    /// <summary>mu.</summary>
    public readonly double Mu;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Creates the rule from the current eta and mu.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="eta">eta before this step.</param>
    /// <param name="mu">mu before this step.</param>
    public AsgdRule(AsgdOptions o, double eta, double mu)
    {
        Decay = 1.0 - o.Lambd * eta;
        Eta = eta;
        Mu = mu;
        WeightDecay = o.WeightDecay;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        param = param * L.Constant(Decay);
        param = param - L.Constant(Eta) * g;
        state0 = Mu != 1.0 ? state0 + (param - state0) * L.Constant(Mu) : param;
    }
}

/// <summary>Averaged SGD (torch.optim.ASGD); the averaged parameters are the state tensor <c>ax</c>.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Asgd<T> : ElementwiseOptimizer<T, AsgdOptions, AsgdRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Asgd(IEnumerable<Parameter<T>> parameters, AsgdOptions? options = null) : base(parameters, options ?? new AsgdOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "ASGD";

    /// <inheritdoc/>
    protected override StateLayout Layout(AsgdOptions options) => new(["ax", null, null], ["eta", "mu"]);

    /// <inheritdoc/>
    protected override void Initialize(ParameterState<T> state, AsgdOptions options)
    {
        state.SetScalar("eta", options.Lr);
        state.SetScalar("mu", 1.0);
    }

    /// <inheritdoc/>
    protected override AsgdRule BeginStep(ParameterState<T> state, AsgdOptions options)
    {
        long t = ++state.Step;
        var rule = new AsgdRule(options, state.GetScalar("eta"), state.GetScalar("mu"));
        // eta and mu are updated after use, so step t averages with mu = 1/max(1, t-1-t0).
        state.SetScalar("eta", options.Lr / Math.Pow(1.0 + options.Lambd * options.Lr * t, options.Alpha));
        state.SetScalar("mu", 1.0 / Math.Max(1.0, t - options.T0));
        return rule;
    }
}
