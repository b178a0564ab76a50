using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Adam{T}"/> and <see cref="AdamW{T}"/> (torch.optim names and defaults).</summary>
public sealed record AdamOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-3;

    /// <summary>Decay rates of the first and second moments (torch <c>betas</c>, default (0.9, 0.999)).</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.999);

    /// <summary>Added to the bias-corrected root of the second moment (torch <c>eps</c>, default 1e-8).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>Adam: L2 added to the gradient; AdamW: decoupled decay theta *= 1 - lr*wd (torch <c>weight_decay</c>;
    /// default 0 for Adam; <see cref="AdamW{T}"/> uses 1e-2 when no options are given).</summary>
    public double WeightDecay { get; init; }

    /// <summary>AMSGrad: the running maximum of the (uncorrected) second moment replaces it (torch <c>amsgrad</c>).</summary>
    public bool Amsgrad { get; init; }

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

/// <summary>The per-element Adam/AdamW rule (torch 1.13 <c>_single_tensor_adam</c>). Slots: <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>.</summary>
public readonly struct AdamRule : IElementRule
{
    /// <summary>beta1.</summary>
    public readonly double Beta1;

    /// <summary>1 - beta1.</summary>
    public readonly double OneMinusBeta1;

    /// <summary>beta2.</summary>
    public readonly double Beta2;

    /// <summary>1 - beta2.</summary>
    public readonly double OneMinusBeta2;

    /// <summary>lr / (1 - beta1^t).</summary>
    public readonly double StepSize;

    /// <summary>sqrt(1 - beta2^t).</summary>
    public readonly double BiasCorrection2Sqrt;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient added to the gradient (Adam).</summary>
    public readonly double L2;

    /// <summary>Factor 1 - lr*wd applied to the parameter first (AdamW), 1 otherwise.</summary>
    public readonly double DecoupledDecay;

    /// <summary>AMSGrad.</summary>
    public readonly RuleFlag Amsgrad;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars in double.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="step">1-based step.</param>
    /// <param name="decoupled">AdamW's decoupled weight decay instead of L2.</param>
    public AdamRule(AdamOptions o, long step, bool decoupled)
    {
        Beta1 = o.Betas.Beta1;
        OneMinusBeta1 = 1.0 - Beta1;
        Beta2 = o.Betas.Beta2;
        OneMinusBeta2 = 1.0 - Beta2;
        StepSize = o.Lr / (1.0 - Math.Pow(Beta1, step));
        BiasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(Beta2, step));
        Eps = o.Eps;
        L2 = decoupled ? 0.0 : o.WeightDecay;
        DecoupledDecay = decoupled ? 1.0 - o.Lr * o.WeightDecay : 1.0;
        Amsgrad = o.Amsgrad;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (DecoupledDecay != 1.0) param = param * L.Constant(DecoupledDecay);
        if (L2 != 0.0) g = g + param * L.Constant(L2);
        state0 = state0 * L.Constant(Beta1) + g * L.Constant(OneMinusBeta1);
        state1 = state1 * L.Constant(Beta2) + L.Constant(OneMinusBeta2) * g * g;
        L v = state1;
        if (Amsgrad)
        {
            state2 = L.Max(state2, state1);
            v = state2;
        }

        L denom = L.Sqrt(v) / L.Constant(BiasCorrection2Sqrt) + L.Constant(Eps);
        param = param - L.Constant(StepSize) * (state0 / denom);
    }
}

/// <summary>Adam (torch.optim.Adam): L2 weight decay, AMSGrad, maximize.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Adam<T> : ElementwiseOptimizer<T, AdamOptions, AdamRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Adam(IEnumerable<Parameter<T>> parameters, AdamOptions? options = null) : base(parameters, options ?? new AdamOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "Adam";

    /// <inheritdoc/>
    protected override StateLayout Layout(AdamOptions options) =>
        new(["exp_avg", "exp_avg_sq", options.Amsgrad ? "max_exp_avg_sq" : null]);

    /// <inheritdoc/>
    protected override AdamRule BeginStep(ParameterState<T> state, AdamOptions options) =>
        new(options, ++state.Step, decoupled: false);
}
