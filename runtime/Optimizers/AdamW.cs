using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>AdamW (torch.optim.AdamW): Adam with decoupled weight decay theta *= 1 - lr*wd applied before the moments.
/// Shares <see cref="AdamOptions"/> and <see cref="AdamRule"/> with <see cref="Adam{T}"/>; torch's default weight_decay 1e-2
/// applies when no options are given.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class AdamW<T> : ElementwiseOptimizer<T, AdamOptions, AdamRule> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters.</param>
    /// <param name="options">Hyper-parameters (torch's AdamW defaults, weight_decay 1e-2, when null).</param>
    public AdamW(IEnumerable<Parameter<T>> parameters, AdamOptions? options = null)
        : base(parameters, options ?? new AdamOptions { WeightDecay = 1e-2 })
    {
    }

    /// <inheritdoc/>
    public override string Name => "AdamW";

    /// <inheritdoc/>
    protected override StateLayout Layout(AdamOptions options) =>
        new(["exp_avg", "exp_avg_sq", options.Amsgrad ? "max_exp_avg_sq" : null]);

    /// <inheritdoc/>
    protected override AdamRule BeginStep(ParameterState<T> state, AdamOptions options) =>
        new(options, ++state.Step, decoupled: true);
}
