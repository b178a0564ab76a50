using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Adamax{T}"/> (torch.optim.Adamax names and defaults).</summary>
public sealed record AdamaxOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 2e-3;

    /// <summary>torch <c>betas</c>, default (0.9, 0.999).</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.999);

    /// <summary>Added to |g| inside the max (torch <c>eps</c>, default 1e-8).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Epsilon(Eps);
        OptimizerValidation.Betas(Betas);
        OptimizerValidation.WeightDecay(WeightDecay);
    }
}

/// <summary>The per-element Adamax rule (torch 1.13). Slots: <c>exp_avg</c>, <c>exp_inf</c>.</summary>
public readonly struct AdamaxRule : IElementRule
{
    /// <summary>beta1.</summary>
    public readonly double Beta1;

    /// <summary>1 - beta1.</summary>
    public readonly double OneMinusBeta1;

    /// <summary>beta2.</summary>
    public readonly double Beta2;

    /// <summary>lr / (1 - beta1^t).</summary>
    public readonly double Clr;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="step">1-based step.</param>
    public AdamaxRule(AdamaxOptions o, long step)
    {
        Beta1 = o.Betas.Beta1;
        OneMinusBeta1 = 1.0 - Beta1;
        Beta2 = o.Betas.Beta2;
        Clr = o.Lr / (1.0 - Math.Pow(Beta1, step));
        Eps = o.Eps;
        WeightDecay = o.WeightDecay;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        state0 = state0 * L.Constant(Beta1) + g * L.Constant(OneMinusBeta1);
        state1 = L.Max(state1 * L.Constant(Beta2), L.Abs(g) + L.Constant(Eps));
        param = param - L.Constant(Clr) * (state0 / state1);
    }
}

/// <summary>Adamax, Adam with the infinity norm (torch.optim.Adamax).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Adamax<T> : ElementwiseOptimizer<T, AdamaxOptions, AdamaxRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Adamax(IEnumerable<Parameter<T>> parameters, AdamaxOptions? options = null) : base(parameters, options ?? new AdamaxOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "Adamax";

    /// <inheritdoc/>
    protected override StateLayout Layout(AdamaxOptions options) => new(["exp_avg", "exp_inf", null]);

    /// <inheritdoc/>
    protected override AdamaxRule BeginStep(ParameterState<T> state, AdamaxOptions options) => new(options, ++state.Step);
}
