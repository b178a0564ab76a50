using System;
using System.Collections.Generic;
using System.Numerics;
using DiffGen.GpuCheck;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>The configurations the driver, checkpoint and bad-input tests use, built by <see cref="OptimizerConfigurations"/>.</summary>
internal static class OptimizerCatalog
{
    public delegate ElementwiseStep<T> Factory<T>(Parameter<T>[] parameters) where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    public sealed record ElementwiseStep<T>(Optimizer<T> Optimizer, Func<bool> Step, Func<double, bool> StepClipped, Func<double> LastGradientNorm) where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    public static readonly string[] Names =
    [
        "sgd", "sgd_nesterov_wd", "sgd_dampening_maximize", "adam", "adam_amsgrad_wd_maximize", "adamw_amsgrad",
        "adagrad_decay_wd", "adadelta_wd", "rmsprop", "rmsprop_centered_momentum_wd", "adamax", "nadam_wd", "radam",
        "rprop", "asgd_t0_2", "inna_grad", "inna_params", "perturbed_sgd_wd", "sgld",
    ];

    public static TheoryData<string> All() => new(Names);

    public static ElementwiseStep<T> Create<T>(string name, Parameter<T>[] ps) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var c = OptimizerConfigurations.Create(name, ps);
        return new ElementwiseStep<T>(c.Optimizer, c.Step, c.StepClipped, c.LastGradientNorm);
    }

    /// <inheritdoc cref="OptimizerConfigurations.RandomParameters{T}(int, int[])"/>
    public static Parameter<T>[] RandomParameters<T>(int seed, params int[] lengths) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => OptimizerConfigurations.RandomParameters<T>(seed, lengths);

    /// <inheritdoc cref="OptimizerConfigurations.FillGradients{T}(IReadOnlyList{Parameter{T}}, int)"/>
    public static void FillGradients<T>(IReadOnlyList<Parameter<T>> ps, int step) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => OptimizerConfigurations.FillGradients(ps, step);
}
