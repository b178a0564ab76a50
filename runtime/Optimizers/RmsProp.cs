using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="RmsProp{T}"/> (torch.optim.RMSprop names and defaults).</summary>
public sealed record RmsPropOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-2;

    /// <summary>Smoothing constant (torch <c>alpha</c>, default 0.99).</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>Added outside the square root (torch <c>eps</c>, default 1e-8).</summary>
    public double Eps { get; init; } = 1e-8;

    /// <summary>L2 added to the gradient (torch <c>weight_decay</c>).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Momentum (torch <c>momentum</c>, default 0); lr stays outside the buffer.</summary>
    public double Momentum { get; init; }

    /// <summary>Normalise by the estimated variance (torch <c>centered</c>).</summary>
    public bool Centered { get; init; }

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Epsilon(Eps);
        OptimizerValidation.Momentum(Momentum);
        OptimizerValidation.WeightDecay(WeightDecay);
        OptimizerValidation.Require(Alpha >= 0.0, nameof(Alpha), $"Invalid alpha value: {OptimizerValidation.Format(Alpha)}");
    }
}

/// <summary>The per-element RMSprop rule (torch 1.13). Slots: <c>square_avg</c>, <c>momentum_buffer</c>, <c>grad_avg</c>.</summary>
public readonly struct RmsPropRule : IElementRule
{
    /// <summary>lr.</summary>
    public readonly double Lr;

    /// <summary>alpha.</summary>
    public readonly double Alpha;

    /// <summary>1 - alpha.</summary>
    public readonly double OneMinusAlpha;

    /// <summary>eps.</summary>
    public readonly double Eps;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Momentum.</summary>
    public readonly double Momentum;

    /// <summary>Centered.</summary>
    public readonly RuleFlag Centered;

    /// <summary>Maximize.</summary>
    public readonly RuleFlag Maximize;

    /// <summary>Copies the scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    public RmsPropRule(RmsPropOptions o)
    {
        Lr = o.Lr;
        Alpha = o.Alpha;
        OneMinusAlpha = 1.0 - o.Alpha;
        Eps = o.Eps;
        WeightDecay = o.WeightDecay;
        Momentum = o.Momentum;
        Centered = o.Centered;
        Maximize = o.Maximize;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = Maximize ? -grad : grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        L alpha = L.Constant(Alpha), oma = L.Constant(OneMinusAlpha);
        state0 = state0 * alpha + oma * g * g;
        L avg;
        if (Centered)
        {
            state2 = state2 * alpha + g * oma;
            avg = L.Sqrt(state0 - state2 * state2) + L.Constant(Eps);
        }
        else
        {
            avg = L.Sqrt(state0) + L.Constant(Eps);
        }

        if (Momentum > 0.0)
        {
            state1 = state1 * L.Constant(Momentum) + g / avg;
            param = param - L.Constant(Lr) * state1;
        }
        else
        {
            param = param - L.Constant(Lr) * (g / avg);
        }
    }
}

/// <summary>RMSprop with momentum and centering (torch.optim.RMSprop).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class RmsProp<T> : ElementwiseOptimizer<T, RmsPropOptions, RmsPropRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public RmsProp(IEnumerable<Parameter<T>> parameters, RmsPropOptions? options = null) : base(parameters, options ?? new RmsPropOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "RMSprop";

    /// <inheritdoc/>
    protected override StateLayout Layout(RmsPropOptions options) =>
        new(["square_avg", options.Momentum > 0.0 ? "momentum_buffer" : null, options.Centered ? "grad_avg" : null]);

    /// <inheritdoc/>
    protected override RmsPropRule BeginStep(ParameterState<T> state, RmsPropOptions options)
    {
        state.Step++;
        return new RmsPropRule(options);
    }
}
