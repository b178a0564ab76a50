using System;
using System.Collections.Generic;
using System.Numerics;
using DiffGen.Optimizers;

namespace DiffGen.GpuCheck;

/// <summary>
/// Every element-wise optimizer in several flag combinations, by name: the one catalog the GPU check's
/// parity items and the runtime tests (driver, checkpoint and bad-input tests) both build from.
/// </summary>
public static class OptimizerConfigurations
{
    /// <summary>An optimizer built from a configuration, with its element-wise entry points.</summary>
    public sealed record Configured<T>(Optimizer<T> Optimizer, Func<bool> Step, Func<double, bool> StepClipped, Func<double> LastGradientNorm)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>The configurations, each named by its optimizer class and flags.</summary>
    public static readonly string[] Names =
    [
        "sgd", "sgd_nesterov_wd", "sgd_dampening_maximize", "adam", "adam_amsgrad_wd_maximize", "adamw", "adamw_amsgrad",
        "adagrad_decay_wd", "adadelta_wd", "rmsprop", "rmsprop_centered_momentum_wd", "adamax", "nadam_wd", "radam",
        "rprop", "asgd_t0_2", "inna_grad", "inna_params", "perturbed_sgd_wd", "sgld",
    ];

    /// <summary>The optimizer of configuration <paramref name="name"/> over <paramref name="ps"/>.</summary>
    public static Configured<T> Create<T>(string name, Parameter<T>[] ps) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        static Configured<T> E<TO, TR>(ElementwiseOptimizer<T, TO, TR> o) where TO : OptimizerOptions where TR : struct, IElementRule
            => new(o, o.Step, o.StepClipped, () => o.LastGradientNorm);
        return name switch
        {
            "sgd" => E(new Sgd<T>(ps, new SgdOptions { Lr = 0.1 })),
            "sgd_nesterov_wd" => E(new Sgd<T>(ps, new SgdOptions { Lr = 0.1, Momentum = 0.9, Nesterov = true, WeightDecay = 0.01 })),
            "sgd_dampening_maximize" => E(new Sgd<T>(ps, new SgdOptions { Lr = 0.1, Momentum = 0.5, Dampening = 0.3, Maximize = true })),
            "adam" => E(new Adam<T>(ps, new AdamOptions { Lr = 0.01 })),
            "adam_amsgrad_wd_maximize" => E(new Adam<T>(ps, new AdamOptions { Lr = 0.01, Amsgrad = true, WeightDecay = 0.1, Maximize = true })),
            "adamw" => E(new AdamW<T>(ps, new AdamOptions { Lr = 0.01 })),
            "adamw_amsgrad" => E(new AdamW<T>(ps, new AdamOptions { Lr = 0.01, Amsgrad = true, WeightDecay = 0.1 })),
            "adagrad_decay_wd" => E(new Adagrad<T>(ps, new AdagradOptions { LrDecay = 0.1, WeightDecay = 0.01, InitialAccumulatorValue = 0.1 })),
            "adadelta_wd" => E(new Adadelta<T>(ps, new AdadeltaOptions { WeightDecay = 0.01 })),
            "rmsprop" => E(new RmsProp<T>(ps)),
            "rmsprop_centered_momentum_wd" => E(new RmsProp<T>(ps, new RmsPropOptions { Centered = true, Momentum = 0.5, WeightDecay = 0.01 })),
            "adamax" => E(new Adamax<T>(ps)),
            "nadam_wd" => E(new NAdam<T>(ps, new NAdamOptions { WeightDecay = 0.01 })),
            "radam" => E(new RAdam<T>(ps)),
            "rprop" => E(new Rprop<T>(ps)),
            "asgd_t0_2" => E(new Asgd<T>(ps, new AsgdOptions { Lr = 0.05, T0 = 2, Lambd = 0.01 })),
            "inna_grad" => E(new Inna<T>(ps, new InnaOptions { Lr = 0.05 })),
            "inna_params" => E(new Inna<T>(ps, new InnaOptions { Lr = 0.05, Alpha = 1.3, Psi0 = InnaPsiInitialization.ParametersOnly })),
            "perturbed_sgd_wd" => E(new PerturbedSgd<T>(ps, new NoisySgdOptions { Lr = 0.01, WeightDecay = 0.1 }, seed: 7)),
            "sgld" => E(new Sgld<T>(ps, new NoisySgdOptions { Lr = 1e-3, NoiseScale = 0.1 }, seed: 9)),
            _ => throw new ArgumentException($"Unknown configuration '{name}'.", nameof(name)),
        };
    }

    /// <summary>Random parameters in [-2, 2] with some exact zeros.</summary>
    public static Parameter<T>[] RandomParameters<T>(int seed, params int[] lengths) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var rng = new Random(seed);
        var result = new Parameter<T>[lengths.Length];
        for (int i = 0; i < lengths.Length; i++)
        {
            var data = new T[lengths[i]];
            for (int j = 0; j < data.Length; j++) data[j] = T.CreateTruncating(rng.Next(10) == 0 ? 0.0 : 4.0 * rng.NextDouble() - 2.0);
            result[i] = new Parameter<T>(data, "p" + i);
        }
        return result;
    }

    /// <summary>
    /// A deterministic pseudo-gradient depending on the parameters and the step (so trajectories react to
    /// state), with exact zeros and sign changes for Rprop.
    /// </summary>
    public static void FillGradients<T>(IReadOnlyList<Parameter<T>> ps, int step) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var rng = new Random(1000 + step);
        foreach (var p in ps)
            for (int j = 0; j < p.Length; j++)
                p.Grad[j] = rng.Next(13) == 0 ? T.Zero : p.Data[j] * T.CreateTruncating(0.5) + T.CreateTruncating(rng.NextDouble() - 0.5);
    }
}
