using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Perturbed SGD (Cevher's lecture notes): theta_{k+1} = theta_k - gamma (g_k + xi), xi uniform on the unit sphere of
/// the whole parameter vector (all parameters jointly), scaled by <see cref="NoisySgdOptions.NoiseScale"/>.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class PerturbedSgd<T> : NoisySgd<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    /// <param name="seed">Seed of the noise.</param>
    public PerturbedSgd(IEnumerable<Parameter<T>> parameters, NoisySgdOptions? options = null, ulong seed = 0)
        : base(parameters, options ?? new NoisySgdOptions(), seed)
    {
    }

    /// <inheritdoc/>
    public override string Name => "PerturbedSGD";

    /// <inheritdoc/>
    protected override NoisySgdRule BeginStep(ParameterState<T> state, NoisySgdOptions options)
    {
        state.Step++;
        double toSphere = NoiseNorm > 0.0 ? 1.0 / NoiseNorm : 0.0;
        return new NoisySgdRule(options.Lr, -options.Lr * options.NoiseScale * toSphere, options.WeightDecay);
    }
}
