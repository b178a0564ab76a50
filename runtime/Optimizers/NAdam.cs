using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="NAdam{T}"/> (torch.optim.NAdam names and defaults).</summary>
public sealed record NAdamOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 2e-3;

    /// <summary>torch <c>betas</c>, default (0.9, 0.999).</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.999);

    /// <summary>torch <c>eps</c>, default 1e-8.</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay)) (torch <c>momentum_decay</c>, default 4e-3).</summary>
    public double MomentumDecay { get; init; } = 4e-3;

    /// <summary>Maximize the objective (torch &gt;= 2.0 <c>maximize</c>; 1.13 has none).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Epsilon(Eps);
        OptimizerValidation.Betas(Betas);
        OptimizerValidation.WeightDecay(WeightDecay);
        OptimizerValidation.Require(MomentumDecay >= 0.0, nameof(MomentumDecay), $"Invalid momentum_decay value: {OptimizerValidation.Format(MomentumDecay)}");
    }
}

/// <summary>The per-element NAdam rule. Slots: <c>exp_avg</c>, <c>exp_avg_sq</c>. Follows the corrected product
/// Pi_next = Pi_t * mu_{t+1} of torch 1.13's foreach path and torch &gt;= 2.0 (nadam_foreach.json), not the 1.13
/// single-tensor code, which multiplies mu_t in twice (nadam.json).</summary>
public readonly struct NAdamRule : IElementRule
{
    /// <summary>beta1.</summary>
    public readonly double Beta1;

    /// <summary>1 - beta1.</summary>
    public readonly double OneMinusBeta1;

    /// <summary>beta2.</summary>
    public readonly double Beta2;

    /// <summary>1 - beta2.</summary>
    public readonly double OneMinusBeta2;

    /// <summary>sqrt(1 - beta2^t).</summary>
    public readonly double BiasCorrection2Sqrt;

    /// <summary>lr (1 - mu_t) / (1 - Pi_t), the step along the gradient.</summary>
    public readonly double GradStep;

    /// <summary>lr mu_{t+1} / (1 - Pi_t mu_{t+1}), the step along the momentum.</summary>
    public readonly double MomentumStep;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="step">1-based step.</param>
    /// <param name="muProduct">Pi_t, including mu_t.</param>
    /// <param name="mu">mu_t.</param>
    /// <param name="muNext">mu_{t+1}.</param>
    public NAdamRule(NAdamOptions o, long step, double muProduct, double mu, double muNext)
    {
        Beta1 = o.Betas.Beta1;
        OneMinusBeta1 = 1.0 - Beta1;
        Beta2 = o.Betas.Beta2;
        OneMinusBeta2 = 1.0 - Beta2;
        BiasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(Beta2, step));
        GradStep = o.Lr * (1.0 - mu) / (1.0 - muProduct);
        MomentumStep = o.Lr * muNext / (1.0 - muProduct * muNext);
        Eps = o.Eps;
        WeightDecay = o.WeightDecay;
        Maximize = o.Maximize;
    }

    /// <summary>mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay)).</summary>
    /// <param name="beta1">beta1.</param>
    /// <param name="momentumDecay">momentum_decay.</param>
    /// <param name="t">1-based step.</param>
    /// <returns>mu_t.</returns>
    public static double Mu(double beta1, double momentumDecay, long t) => beta1 * (1.0 - 0.5 * Math.Pow(0.96, t * momentumDecay));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        state0 = state0 * L.Constant(Beta1) + g * L.Constant(OneMinusBeta1);
        state1 = state1 * L.Constant(Beta2) + L.Constant(OneMinusBeta2) * g * g;
        L denom = L.Sqrt(state1) / L.Constant(BiasCorrection2Sqrt) + L.Constant(Eps);
        param = param - L.Constant(GradStep) * (g / denom);
        param = param - L.Constant(MomentumStep) * (state0 / denom);
    }
}

/// <summary>NAdam, Adam with Nesterov momentum (torch.optim.NAdam, corrected momentum product; see <see cref="NAdamRule"/>).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class NAdam<T> : ElementwiseOptimizer<T, NAdamOptions, NAdamRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public NAdam(IEnumerable<Parameter<T>> parameters, NAdamOptions? options = null) : base(parameters, options ?? new NAdamOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "NAdam";

    /// <inheritdoc/>
    protected override StateLayout Layout(NAdamOptions options) => new(["exp_avg", "exp_avg_sq", null], ["mu_product"]);

    /// <inheritdoc/>
    protected override void Initialize(ParameterState<T> state, NAdamOptions options) => state.SetScalar("mu_product", 1.0);

    /// <inheritdoc/>
    protected override NAdamRule BeginStep(ParameterState<T> state, NAdamOptions options)
    {
        long t = ++state.Step;
        double mu = NAdamRule.Mu(options.Betas.Beta1, options.MomentumDecay, t);
        double muNext = NAdamRule.Mu(options.Betas.Beta1, options.MomentumDecay, t + 1);
        double product = state.GetScalar("mu_product") * mu;
        state.SetScalar("mu_product", product);
        return new NAdamRule(options, t, product, mu, muNext);
    }
}
