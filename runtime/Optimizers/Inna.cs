using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>How INNA's auxiliary variable psi is initialised at the first step.</summary>
public enum InnaPsiInitialization
{
    /// <summary>psi_0 = (1 - alpha beta) theta_0 - (beta^2 - beta) g_0 (Castera's thesis; the first step moves along -g_0). Default.</summary>
    WithGradient,

    /// <summary>psi_0 = (1 - alpha beta) theta_0, as the authors' reference PyTorch code (first step -lr*beta*g_0).</summary>
    ParametersOnly,
}

/// <summary>Hyper-parameters of <see cref="Inna{T}"/> (Castera, Bolte, Fevotte, Pauwels).</summary>
public sealed record InnaOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 0.1;

    /// <summary>Viscous damping alpha &gt;= 0 (default 0.5).</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>Hessian damping beta &gt; 0 (default 0.1).</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>lr_k = lr / (k+1)^decaypower, k the 0-based step (default 0.5: gamma_0/sqrt(k+1)).</summary>
    public double DecayPower { get; init; } = 0.5;

    /// <summary>L2 added to the gradient (default 0).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Initialisation of psi (default <see cref="InnaPsiInitialization.WithGradient"/>).</summary>
    public InnaPsiInitialization Psi0 { get; init; } = InnaPsiInitialization.WithGradient;

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(Alpha >= 0.0, nameof(Alpha), $"Invalid alpha value: {OptimizerValidation.Format(Alpha)}");
        OptimizerValidation.Require(Beta > 0.0, nameof(Beta), $"Invalid beta value: {OptimizerValidation.Format(Beta)}");
        OptimizerValidation.Require(DecayPower >= 0.0, nameof(DecayPower), $"Invalid decaypower value: {OptimizerValidation.Format(DecayPower)}");
        OptimizerValidation.WeightDecay(WeightDecay);
    }
}

/// <summary>The per-element INNA rule. Slot 0: <c>psi</c>.
/// theta += lr_k ((1/beta - alpha) theta - psi/beta - beta g), psi += lr_k ((1/beta - alpha) theta - psi/beta), both from the old values.</summary>
public readonly struct InnaRule : IElementRule
{
    /// <summary>lr_k.</summary>
    public readonly double Lr;

    /// <summary>alpha - 1/beta.</summary>
    public readonly double AlphaMinusInvBeta;

    /// <summary>1/beta.</summary>
    public readonly double InvBeta;

    /// <summary>beta.</summary>
    public readonly double Beta;

    /// <summary>1 - alpha beta.</summary>
    public readonly double OneMinusAlphaBeta;

    /// <summary>beta^2 - beta (the gradient term of psi_0), 0 for <see cref="InnaPsiInitialization.ParametersOnly"/>.</summary>
    public readonly double GradientInit;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>First step: psi is initialised before the update.</summary>
    public readonly RuleFlag FirstStep;

    /// <summary>Computes this step's scalars.</summary>
    /// <param name="o">Hyper-parameters.</param>
    /// <param name="k">0-based step.</param>
    public InnaRule(InnaOptions o, long k)
    {
        Lr = o.Lr / Math.Pow(k + 1, o.DecayPower);
        InvBeta = 1.0 / o.Beta;
        AlphaMinusInvBeta = o.Alpha - InvBeta;
        Beta = o.Beta;
        OneMinusAlphaBeta = 1.0 - o.Alpha * o.Beta;
        GradientInit = o.Psi0 == InnaPsiInitialization.WithGradient ? o.Beta * o.Beta - o.Beta : 0.0;
        WeightDecay = o.WeightDecay;
        FirstStep = k == 0;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        if (FirstStep)
        {
            state0 = param * L.Constant(OneMinusAlphaBeta);
            if (GradientInit != 0.0) state0 = state0 - L.Constant(GradientInit) * g;
        }

        L phase = param * L.Constant(AlphaMinusInvBeta) + state0 * L.Constant(InvBeta);
        L lr = L.Constant(Lr);
        state0 = state0 - lr * phase;
        param = param - lr * (phase + L.Constant(Beta) * g);
    }
}

/// <summary>INNA, the inertial Newton algorithm for deep learning (Castera, Bolte, Fevotte, Pauwels; Castera's thesis ch. 3).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Inna<T> : ElementwiseOptimizer<T, InnaOptions, InnaRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public Inna(IEnumerable<Parameter<T>> parameters, InnaOptions? options = null) : base(parameters, options ?? new InnaOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "INNA";

    /// <inheritdoc/>
    protected override StateLayout Layout(InnaOptions options) => new(["psi", null, null]);

    /// <inheritdoc/>
    protected override InnaRule BeginStep(ParameterState<T> state, InnaOptions options) => new(options, state.Step++);
}
