using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="Adadelta{T}"/> (torch.optim.Adadelta names and defaults).</summary>
public sealed record AdadeltaOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1.0;

    /// <summary>Decay of the running averages (torch <c>rho</c>, default 0.9).</summary>
    public double Rho { get; init; } = 0.9;

    /// <summary>Inside both square roots (torch <c>eps</c>, default 1e-6).</summary>
    public double Eps { get; init; } = 1e-6;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(Rho >= 0.0 && Rho <= 1.0, nameof(Rho), $"Invalid rho value: {OptimizerValidation.Format(Rho)}");
        OptimizerValidation.Epsilon(Eps);
        OptimizerValidation.WeightDecay(WeightDecay);
    }
}

/// <summary>The per-element Adadelta rule (torch 1.13). Slots: <c>square_avg</c>, <c>acc_delta</c>.</summary>
public readonly struct AdadeltaRule : IElementRule
{
    /// <summary>lr.</summary>
    public readonly double Lr;

    /// <summary>rho.</summary>
    public readonly double Rho;

    /// <summary>1 - rho.</summary>
    public readonly double OneMinusRho;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    public AdadeltaRule(AdadeltaOptions o)
    {
        Lr = o.Lr;
        Rho = o.Rho;
        OneMinusRho = 1.0 - o.Rho;
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
        L rho = L.Constant(Rho), omr = L.Constant(OneMinusRho), eps = L.Constant(Eps);
        state0 = state0 * rho + omr * g * g;
        L delta = L.Sqrt(state1 + eps) / L.Sqrt(state0 + eps) * g;
        state1 = state1 * rho + omr * delta * delta;
        param = param - L.Constant(Lr) * delta;
    }
}

/// <summary>Adadelta (torch.optim.Adadelta); lr multiplies the delta (lr = 1 is the paper's rule).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Adadelta<T> : ElementwiseOptimizer<T, AdadeltaOptions, AdadeltaRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Adadelta(IEnumerable<Parameter<T>> parameters, AdadeltaOptions? options = null) : base(parameters, options ?? new AdadeltaOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "Adadelta";

    /// <inheritdoc/>
    protected override StateLayout Layout(AdadeltaOptions options) => new(["square_avg", "acc_delta", null]);

    /// <inheritdoc/>
    protected override AdadeltaRule BeginStep(ParameterState<T> state, AdadeltaOptions options)
    {
        state.Step++;
        return new AdadeltaRule(options);
    }
}
