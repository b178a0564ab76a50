using System;
using System.Collections.Generic;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>The optimizers the sample offers. The step sizes of INNA and Step-Tuned SGD were picked by the training loss
/// after 4 epochs on the embedded subset (INNA 0.1/0.2/0.4, Step-Tuned 0.05/0.1/0.3); the others are torch's usual values.</summary>
public enum OptimizerKind
{
    /// <summary>Adam, lr 1e-3 (torch defaults).</summary>
    Adam,

    /// <summary>SGD with heavy-ball momentum 0.9, lr 0.05.</summary>
    Sgd,

    /// <summary>INNA (alpha 0.5, beta 0.1), lr 0.2 decayed as 1/sqrt(epoch + 1).</summary>
    Inna,

    /// <summary>Step-Tuned SGD (nu 2, beta 0.9, m~ 0.5, M~ 2), alpha 0.3 decayed per epoch.</summary>
    StepTuned,
}

/// <summary>An optimizer with the schedule it is meant to run with.</summary>
/// <param name="Optimizer">The optimizer, owning the model's parameters.</param>
/// <param name="Schedule">Its learning-rate schedule, or null.</param>
/// <param name="Unit">What the schedule counts.</param>
/// <param name="Description">A one-line summary of the hyper-parameters.</param>
public sealed record OptimizerSetup(Optimizer<float> Optimizer, LearningRateSchedule? Schedule, ScheduleUnit Unit, string Description)
{
    /// <summary>Parses a command-line name (adam, sgd, inna, steptuned; case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kind.</returns>
    public static OptimizerKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "adam" => OptimizerKind.Adam,
        "sgd" => OptimizerKind.Sgd,
        "inna" => OptimizerKind.Inna,
        "steptuned" or "step-tuned" or "steptunedsgd" => OptimizerKind.StepTuned,
        _ => throw new ArgumentException($"Unknown optimizer '{name}'; choose adam, sgd, inna or steptuned.", nameof(name)),
    };

    /// <summary>The optimizer of <paramref name="kind"/> over <paramref name="parameters"/>.</summary>
    /// <param name="kind">Which optimizer.</param>
    /// <param name="parameters">The model's parameters.</param>
    /// <param name="batchesPerEpoch">Mini-batches per epoch (Step-Tuned SGD decays per epoch).</param>
    /// <param name="lr">A learning rate replacing the default, or null.</param>
    /// <returns>The setup.</returns>
    public static OptimizerSetup Create(OptimizerKind kind, IEnumerable<Parameter<float>> parameters, int batchesPerEpoch, double? lr = null)
    {
        switch (kind)
        {
            case OptimizerKind.Adam:
            {
                var o = new AdamOptions { Lr = lr ?? 1e-3 };
                return new(new Adam<float>(parameters, o), null, ScheduleUnit.Step, $"Adam lr={o.Lr} betas={o.Betas}");
            }

            case OptimizerKind.Sgd:
            {
                var o = new SgdOptions { Lr = lr ?? 0.05, Momentum = 0.9 };
                return new(new Sgd<float>(parameters, o), null, ScheduleUnit.Step, $"SGD lr={o.Lr} momentum={o.Momentum}");
            }

            case OptimizerKind.Inna:
            {
                // The decay counts epochs, as in the thesis' deep-learning experiments, so the optimizer's own per-step decay is off.
                var o = new InnaOptions { Lr = lr ?? 0.2, DecayPower = 0 };
                return new(new Inna<float>(parameters, o), LearningRateSchedule.InverseSqrt(), ScheduleUnit.Epoch,
                           $"INNA lr={o.Lr}/sqrt(epoch+1) alpha={o.Alpha} beta={o.Beta}");
            }

            case OptimizerKind.StepTuned:
            {
                var o = new StepTunedSgdOptions { Lr = lr ?? 0.3, StepsPerEpoch = batchesPerEpoch };
                return new(new StepTunedSgd<float>(parameters, o), null, ScheduleUnit.Step,
                           $"Step-Tuned SGD alpha={o.Lr} nu={o.Nu} beta={o.Beta} m~={o.MinStepFactor} M~={o.MaxStepFactor}");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer.");
        }
    }
}
