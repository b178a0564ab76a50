using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Stochastic gradient Langevin dynamics (Welling and Teh; Cevher's lecture notes):
/// theta_{k+1} = theta_k - gamma g_k + sqrt(2 gamma) xi, xi standard Gaussian, scaled by <see cref="NoisySgdOptions.NoiseScale"/>.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Sgld<T> : NoisySgd<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (defaults when null).</param>
    /// <param name="seed">Seed of the noise.</param>
    public Sgld(IEnumerable<Parameter<T>> parameters, NoisySgdOptions? options = null, ulong seed = 0)
        : base(parameters, options ?? new NoisySgdOptions(), seed)
    {
    }

    /// <inheritdoc/>
    public override string Name => "SGLD";

    /// <inheritdoc/>
    protected override NoisySgdRule BeginStep(ParameterState<T> state, NoisySgdOptions options)
    {
        state.Step++;
        return new NoisySgdRule(options.Lr, Math.Sqrt(2.0 * options.Lr) * options.NoiseScale, options.WeightDecay);
    }
}
