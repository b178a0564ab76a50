using System;
using System.IO;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of <see cref="PerturbedSgd{T}"/> and <see cref="Sgld{T}"/>.</summary>
public sealed record NoisySgdOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override double Lr { get; init; } = 1e-3;

    /// <summary>Multiplies the noise term (1: the lecture-notes rules exactly).</summary>
    public double NoiseScale { get; init; } = 1.0;

    /// <summary>L2 added to the gradient (default 0).</summary>
    public double WeightDecay { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        OptimizerValidation.LearningRate(Lr);
        OptimizerValidation.Require(NoiseScale >= 0.0, nameof(NoiseScale), $"Invalid noise_scale value: {OptimizerValidation.Format(NoiseScale)}");
        OptimizerValidation.WeightDecay(WeightDecay);
    }
}

/// <summary>theta -= GradStep * (g + wd theta) - NoiseStep * xi, xi from the transient slot 0 (<c>noise</c>).
/// Perturbed SGD: GradStep = gamma, NoiseStep = -gamma * scale / ||z|| (xi = z/||z|| uniform on the unit sphere);
/// SGLD: GradStep = gamma, NoiseStep = sqrt(2 gamma) * scale (xi standard Gaussian).</summary>
public readonly struct NoisySgdRule : IElementRule
{
    /// <summary>Multiplier of the gradient.</summary>
    public readonly double GradStep;

    /// <summary>Multiplier of the drawn noise (added to theta).</summary>
    public readonly double NoiseStep;

    /// <summary>L2 coefficient.</summary>
    public readonly double WeightDecay;

    /// <summary>Creates the rule.</summary>
    /// <param name="gradStep">Multiplier of the gradient.</param>
    /// <param name="noiseStep">Multiplier of the noise.</param>
    /// <param name="weightDecay">L2 coefficient.</param>
    public NoisySgdRule(double gradStep, double noiseStep, double weightDecay)
    {
        GradStep = gradStep;
        NoiseStep = noiseStep;
        WeightDecay = weightDecay;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L>
    {
        L g = grad;
        if (WeightDecay != 0.0) g = g + param * L.Constant(WeightDecay);
        param = param - L.Constant(GradStep) * g + L.Constant(NoiseStep) * state0;
    }
}

/// <summary>Shared machinery of the noisy SGD variants: the seeded <see cref="NoiseSource"/>, drawn into a transient slot
/// before each step, and checkpointed with the optimizer.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public abstract class NoisySgd<T> : ElementwiseOptimizer<T, NoisySgdOptions, NoisySgdRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters.</param>
    /// <param name="seed">Seed of the noise.</param>
    protected NoisySgd(System.Collections.Generic.IEnumerable<Parameter<T>> parameters, NoisySgdOptions options, ulong seed)
        : base(parameters, options) => Noise = new NoiseSource(seed);

    /// <summary>The generator.</summary>
    protected NoiseSource Noise { get; }

    /// <summary>Euclidean norm of all drawn noise in this step.</summary>
    protected double NoiseNorm { get; private set; }

    /// <inheritdoc/>
    public override bool NeedsHostPreparation => true;

    /// <inheritdoc/>
    protected override StateLayout Layout(NoisySgdOptions options) => new(["noise", null, null], null, [true, false, false]);

    /// <inheritdoc/>
    protected override void BeforeUpdate()
    {
        double sum = 0.0;
        for (int gi = 0; gi < ParamGroups.Count; gi++)
        {
            foreach (var p in ParamGroups[gi].Parameters)
            {
                var noise = GetOrCreateState(p, gi)["noise"];
                Noise.FillGaussian<T>(noise);
                sum += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(noise));
            }
        }

        NoiseNorm = Math.Sqrt(sum);
    }

    /// <inheritdoc/>
    protected override void WriteExtraState(BinaryWriter writer)
    {
        var (a, b, c, d) = Noise.State;
        writer.Write(a);
        writer.Write(b);
        writer.Write(c);
        writer.Write(d);
    }

    /// <inheritdoc/>
    protected override Action ReadExtraState(BinaryReader reader)
    {
        var s = (reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
        return () => Noise.State = s;
    }
}
