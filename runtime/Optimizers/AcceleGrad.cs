using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="AcceleGrad{T}"/> (Levy, Yurtsever, Cevher 2018).</summary>
public sealed record AcceleGradOptions : OptimizerOptions
{
    /// <summary>D, the diameter of the feasible set. Every step size is proportional to it
    /// (eta_k = 2D / sqrt(G^2 + sum alpha_t^2 ||g_t||^2)), so it is the learning-rate knob and schedulers scale it
    /// (default 1).</summary>
    public override double Lr { get; init; } = 1.0;

    /// <summary>G, the bound on the gradient norm in the step-size denominator (default 0: the denominator is then the
    /// weighted gradient sum alone; a step with a zero denominator does not move).</summary>
    public double GradientBound { get; init; }

    /// <summary>Project z onto the ball of diameter D centred at the origin, the paper's Proj_K for that ball
    /// (default false: unconstrained). Start inside the ball when projecting.</summary>
    public bool Project { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.Require(Lr > 0.0 && double.IsFinite(Lr), nameof(Lr), $"Invalid learning rate (diameter D): {OptimizerValidation.Format(Lr)}");
        OptimizerValidation.Require(GradientBound >= 0.0 && double.IsFinite(GradientBound), nameof(GradientBound),
            $"Invalid gradient bound value: {OptimizerValidation.Format(GradientBound)}");
    }
}

/// <summary>AcceleGrad's measuring pass: ||g||^2 (sum 0) and &lt;z, g&gt; (sum 1, for the projection). Slot 1 is z.</summary>
public readonly struct AcceleGradMeasureRule : IElementReductionRule
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L>
    {
        sum0 = sum0 + grad * grad;
        sum1 = sum1 + state1 * grad;
    }
}

/// <summary>
/// AcceleGrad's update with the step's scalars (computed once in double). The parameter holds x_{k+1}, where the
/// gradient was taken; slot 0 is y, slot 1 is z, slot 2 the alpha-weighted average of y:
/// z = c (z - alpha eta g) (c &lt; 1 only when projecting), y = x - eta g, x = tau' z + (1 - tau') y with the next
/// step's tau' = 1 / alpha_{k+1}, y_avg += w (y - y_avg) with w = alpha_k / sum_{t&lt;=k} alpha_t. Sum 0 is ||z||^2.
/// </summary>
public readonly struct AcceleGradRule : IElementReductionRule
{
    /// <summary>eta_k.</summary>
    public readonly double Eta;

    /// <summary>alpha_k eta_k.</summary>
    public readonly double AlphaEta;

    /// <summary>The projection's scale of z (1 when inside the ball or not projecting).</summary>
    public readonly double ZScale;

    /// <summary>tau_{k+1} = 1 / alpha_{k+1}.</summary>
    public readonly double NextTau;

    /// <summary>1 - tau_{k+1}.</summary>
    public readonly double OneMinusNextTau;

    /// <summary>alpha_k / sum_{t&lt;=k} alpha_t.</summary>
    public readonly double AverageWeight;

    /// <summary>Creates the rule.</summary>
    /// <param name="eta">eta_k.</param>
    /// <param name="alphaEta">alpha_k eta_k.</param>
    /// <param name="zScale">Projection scale.</param>
    /// <param name="nextTau">tau_{k+1}.</param>
    /// <param name="averageWeight">alpha_k / sum alpha.</param>
    public AcceleGradRule(double eta, double alphaEta, double zScale, double nextTau, double averageWeight)
    {
        Eta = eta;
        AlphaEta = alphaEta;
        ZScale = zScale;
        NextTau = nextTau;
        OneMinusNextTau = 1.0 - nextTau;
        AverageWeight = averageWeight;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L>
    {
        state1 = L.Constant(ZScale) * (state1 - L.Constant(AlphaEta) * grad);
        state0 = param - L.Constant(Eta) * grad;
        param = L.Constant(NextTau) * state1 + L.Constant(OneMinusNextTau) * state0;
        state2 = state2 + L.Constant(AverageWeight) * (state0 - state2);
        sum0 = sum0 + state1 * state1;
    }
}

/// <summary>
/// AcceleGrad (Levy, Yurtsever, Cevher, "Online adaptive methods, universality and acceleration", 2018): adaptive and
/// accelerated, O(1/k^2) on smooth convex problems without knowing the smoothness constant. With y_0 = z_0 = x_0,
/// for k = 0, 1, ...: tau_k = 1/alpha_k, x_{k+1} = tau_k z_k + (1 - tau_k) y_k, g_k = grad f(x_{k+1}),
/// eta_k = 2D / sqrt(G^2 + sum_{t&lt;=k} alpha_t^2 ||g_t||^2), z_{k+1} = Proj(z_k - alpha_k eta_k g_k),
/// y_{k+1} = x_{k+1} - eta_k g_k; the result is the alpha-weighted average of the y_{k+1}
/// (<see cref="AveragedIterate"/>, state <c>y_avg</c>). The weights are the paper's: alpha_k = 1 for k &lt;= 2 and
/// (k + 1)/4 after, that is max(1, (k + 1)/4), so tau_k &lt;= 1 and x stays a convex combination of z and y.
/// The parameters always hold the next query point x_{k+1}. Norms are over every parameter together.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class AcceleGrad<T> : GlobalNormOptimizer<T, AcceleGradOptions, AcceleGradMeasureRule, AcceleGradRule>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters (one group: the step size is shared); their current values are x_0.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public AcceleGrad(IEnumerable<Parameter<T>> parameters, AcceleGradOptions? options = null)
        : base(parameters, options ?? new AcceleGradOptions())
    {
    }

    /// <inheritdoc/>
    public override string Name => "AcceleGrad";

    /// <summary>sum_{t&lt;k} alpha_t^2 ||g_t||^2 (checkpointed).</summary>
    public double WeightedGradientSum { get; private set; }

    /// <summary>||z_k||^2 over every parameter, kept for the projection (checkpointed).</summary>
    public double ZSquaredNorm { get; private set; }

    /// <summary>alpha_k = max(1, (k + 1)/4), the paper's weights.</summary>
    /// <param name="k">Step from 0.</param>
    /// <returns>alpha_k.</returns>
    public static double Alpha(long k) => Math.Max(1.0, (k + 1) / 4.0);

    /// <summary>The returned iterate of a parameter: the alpha-weighted average of y (x_0 before the first step).</summary>
    /// <param name="parameter">A parameter of this optimizer.</param>
    /// <returns>The live average.</returns>
    public ReadOnlySpan<T> AveragedIterate(Parameter<T> parameter) => PrepareState(parameter)["y_avg"];

    /// <inheritdoc/>
    protected override StateLayout Layout(AcceleGradOptions options) => new(["y", "z", "y_avg"]);

    /// <inheritdoc/>
    protected override void Initialize(ParameterState<T> state, Parameter<T> parameter)
    {
        parameter.Data.CopyTo(state["y"]);
        parameter.Data.CopyTo(state["z"]);
        parameter.Data.CopyTo(state["y_avg"]);
        ZSquaredNorm += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(parameter.Data));
    }

    /// <inheritdoc/>
    public override AcceleGradMeasureRule MeasureRule() => default;

    /// <inheritdoc/>
    public override AcceleGradRule BeginStep(double sum0, double sum1)
    {
        var o = Options;
        double d = o.Lr, alpha = Alpha(K);
        WeightedGradientSum += alpha * alpha * sum0;
        double denominator = Math.Sqrt(o.GradientBound * o.GradientBound + WeightedGradientSum);
        double eta = denominator > 0.0 ? 2.0 * d / denominator : 0.0;
        double alphaEta = alpha * eta;
        double scale = 1.0;
        if (o.Project)
        {
            // ||z - a g||^2 from the measured ||g||^2 and <z, g> and the kept ||z||^2: no extra pass over z.
            double zz = Math.Max(0.0, ZSquaredNorm - 2.0 * alphaEta * sum1 + alphaEta * alphaEta * sum0);
            double radius = d / 2.0;
            if (zz > radius * radius) scale = radius / Math.Sqrt(zz);
        }

        double alphaSum = 0.0;
        for (long t = 0; t <= Math.Min(K, 3); t++) alphaSum += Alpha(t);
        if (K > 3) alphaSum += ((K + 1) * (K + 2) / 2.0 - 10.0) / 4.0; // sum_{t=4}^{K} (t + 1)/4
        return new AcceleGradRule(eta, alphaEta, scale, 1.0 / Alpha(K + 1), alpha / alphaSum);
    }

    /// <inheritdoc/>
    protected override void EndStep(double sum0, double sum1) => ZSquaredNorm = sum0;

    /// <inheritdoc/>
    protected override void WriteExtraState(BinaryWriter writer)
    {
        writer.Write(K);
        writer.Write(WeightedGradientSum);
        writer.Write(ZSquaredNorm);
    }

    /// <inheritdoc/>
    protected override Action ReadExtraState(BinaryReader reader)
    {
        long k = reader.ReadInt64();
        double s = reader.ReadDouble();
        double z = reader.ReadDouble();
        return () => (K, WeightedGradientSum, ZSquaredNorm) = (k, s, z);
    }
}
