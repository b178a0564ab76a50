using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="AdagradNorm{T}"/> (named as torch.optim.Adagrad's where they mean the same).</summary>
public sealed record AdagradNormOptions : OptimizerOptions
{
    /// <summary>eta, the numerator of the step lr / (sqrt(b0^2 + Q_k) + eps) (default 1e-2, as Adagrad).</summary>
    public override double Lr { get; init; } = 1e-2;

    /// <summary>b0^2, the initial value of the scalar accumulator Q (torch <c>initial_accumulator_value</c>, default 0).</summary>
    public double InitialAccumulatorValue { get; init; }

    /// <summary>Added to sqrt(b0^2 + Q) (torch <c>eps</c>, default 1e-10).</summary>
    public double Eps { get; init; } = 1e-10;

    /// <summary>Maximize the objective (torch <c>maximize</c>).</summary>
    public bool Maximize { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(InitialAccumulatorValue >= 0.0 && double.IsFinite(InitialAccumulatorValue), nameof(InitialAccumulatorValue),
            $"Invalid initial_accumulator_value value: {OptimizerValidation.Format(InitialAccumulatorValue)}");
        OptimizerValidation.Epsilon(Eps);
    }
}

/// <summary>The AdaGrad-Norm update p -= s g, with s = +-lr / (sqrt(b0^2 + Q_k) + eps) computed once per step in double.</summary>
public readonly struct AdagradNormRule : IElementReductionRule
{
    /// <summary>The signed step s (negative when maximizing).</summary>
    public readonly double StepSize;

    /// <summary>Creates the rule.</summary>
    /// <param name="stepSize">The signed step.</param>
    public AdagradNormRule(double stepSize) => StepSize = stepSize;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L> =>
        param = param - L.Constant(StepSize) * grad;
}

/// <summary>
/// AdaGrad-Norm (Ward, Wu, Bottou 2019; Streeter and McMahan 2010): Adagrad with one scalar accumulator for the whole
/// parameter set, Q_k = Q_{k-1} + ||g_k||^2 (every parameter together), and the step
/// theta_{k+1} = theta_k - lr / (sqrt(b0^2 + Q_k) + eps) g_k. Robust to the choice of lr: it adapts to the unknown
/// smoothness constant. Each step is a fused norm pass then a fused update pass; no per-element state.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class AdagradNorm<T> : GlobalNormOptimizer<T, AdagradNormOptions, SquaredGradientNormRule, AdagradNormRule>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters (one group: the accumulator is shared).</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    public AdagradNorm(IEnumerable<Parameter<T>> parameters, AdagradNormOptions? options = null)
        : base(parameters, options ?? new AdagradNormOptions())
    {
        Accumulator = Options.InitialAccumulatorValue;
    }

    /// <inheritdoc/>
    public override string Name => "AdagradNorm";

    /// <summary>b0^2 + Q_k, the scalar accumulator after the last step (checkpointed).</summary>
    public double Accumulator { get; private set; }

    /// <inheritdoc/>
    protected override StateLayout Layout(AdagradNormOptions options) => new([null, null, null]);

    /// <inheritdoc/>
    public override SquaredGradientNormRule MeasureRule() => default;

    /// <inheritdoc/>
    public override AdagradNormRule BeginStep(double sum0, double sum1)
    {
        var o = Options;
        Accumulator += sum0;
        double step = o.Lr / (Math.Sqrt(Accumulator) + o.Eps);
        return new AdagradNormRule(o.Maximize ? -step : step);
    }

    /// <inheritdoc/>
    protected override void WriteExtraState(BinaryWriter writer)
    {
        writer.Write(Accumulator);
        writer.Write(K);
    }

    /// <inheritdoc/>
    protected override Action ReadExtraState(BinaryReader reader)
    {
        double q = reader.ReadDouble();
        long k = reader.ReadInt64();
        return () => (Accumulator, K) = (q, k);
    }
}
