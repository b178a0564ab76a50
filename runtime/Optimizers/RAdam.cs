using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="RAdam{T}"/> (torch.optim.RAdam names and defaults).</summary>
public sealed record RAdamOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-3;

    /// <summary>torch <c>betas</c>, default (0.9, 0.999).</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.999);

    /// <summary>Added to the uncorrected sqrt(v) (torch <c>eps</c>, default 1e-8).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Maximize the objective (torch &gt;= 2.0 <c>maximize</c>; 1.13 has none).</summary>
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

/// <summary>The per-element RAdam rule (torch 1.13 single tensor; rectified when rho_t &gt; 5). Slots: <c>exp_avg</c>, <c>exp_avg_sq</c>.</summary>
public readonly struct RAdamRule : IElementRule
{
    /// <summary>beta1.</summary>
    public readonly double Beta1;

    /// <summary>1 - beta1.</summary>
    public readonly double OneMinusBeta1;

    /// <summary>beta2.</summary>
    public readonly double Beta2;

    /// <summary>1 - beta2.</summary>
    public readonly double OneMinusBeta2;

    /// <summary>1 - beta1^t.</summary>
    public readonly double BiasCorrection1;

    /// <summary>sqrt(1 - beta2^t).</summary>
    public readonly double BiasCorrection2Sqrt;

    /// <summary>lr.</summary>
    public readonly double Lr;

    /// <summary>Rectification factor r (when <see cref="Rectified"/>).</summary>
    public readonly double Rect;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Whether rho_t &gt; 5 (the adaptive step is used).</summary>
    public readonly RuleFlag Rectified;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="step">1-based step.</param>
    public RAdamRule(RAdamOptions o, long step)
    {
        Beta1 = o.Betas.Beta1;
        OneMinusBeta1 = 1.0 - Beta1;
        Beta2 = o.Betas.Beta2;
        OneMinusBeta2 = 1.0 - Beta2;
        BiasCorrection1 = 1.0 - Math.Pow(Beta1, step);
        double bc2 = 1.0 - Math.Pow(Beta2, step);
        BiasCorrection2Sqrt = Math.Sqrt(bc2);
        Lr = o.Lr;
        Eps = o.Eps;
        WeightDecay = o.WeightDecay;
        Maximize = o.Maximize;
        double rhoInf = 2.0 / (1.0 - Beta2) - 1.0;
        double rhoT = rhoInf - 2.0 * step * Math.Pow(Beta2, step) / bc2;
        Rectified = rhoT > 5.0;
        Rect = Rectified ? Math.Sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT)) : 1.0;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        state0 = state0 * L.Constant(Beta1) + g * L.Constant(OneMinusBeta1);
        state1 = state1 * L.Constant(Beta2) + L.Constant(OneMinusBeta2) * g * g;
        L scaled = state0 / L.Constant(BiasCorrection1) * L.Constant(Lr);
        if (Rectified)
        {
            L adaptive = L.Constant(BiasCorrection2Sqrt) / (L.Sqrt(state1) + L.Constant(Eps));
            scaled = scaled * adaptive * L.Constant(Rect);
        }

        param = param - scaled;
    }
}

/// <summary>Rectified Adam (torch.optim.RAdam).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class RAdam<T> : ElementwiseOptimizer<T, RAdamOptions, RAdamRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public RAdam(IEnumerable<Parameter<T>> parameters, RAdamOptions? options = null) : base(parameters, options ?? new RAdamOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "RAdam";

    /// <inheritdoc/>
    protected override StateLayout Layout(RAdamOptions options) => new(["exp_avg", "exp_avg_sq", null]);

    /// <inheritdoc/>
    protected override RAdamRule BeginStep(ParameterState<T> state, RAdamOptions options) => new(options, ++state.Step);
}
