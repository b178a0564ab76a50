using System;
using DiffGen.Optimizers;

namespace DiffGen.Training;

/// <summary>When a learning-rate schedule advances.</summary>
public enum ScheduleUnit
{
    /// <summary>Once per optimizer step: <c>k</c> counts steps.</summary>
    Step,

    /// <summary>Once per epoch: <c>k</c> counts completed epochs.</summary>
    Epoch,
}

/// <summary>How a <see cref="Trainer{T}"/> runs.</summary>
public sealed record TrainerOptions
{
    /// <summary>Samples per mini-batch (default 128).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seed of the mini-batch shuffles (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Threads for the data-parallel gradient (default: one per core). Results are bit-identical between
    /// runs with the same thread count; another count changes the rounding of the combined gradient.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether the last, smaller batch of each epoch is dropped (default false).</summary>
    public bool DropLast { get; init; }

    /// <summary>Learning-rate schedule applied to every group's initial <c>lr</c> (default: none, constant).</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Whether <see cref="Schedule"/> counts steps or epochs (default <see cref="ScheduleUnit.Step"/>).</summary>
    public ScheduleUnit ScheduleUnit { get; init; } = ScheduleUnit.Step;

    /// <summary>When set, gradients are clipped to this global 2-norm (element-wise optimizers only).</summary>
    public double? ClipGradNorm { get; init; }

    /// <summary>Random crops and flips of image samples, drawn from <see cref="Seed"/>, the step and the sample (default: none, off).</summary>
    public ImageAugmentation? Augmentation { get; init; }

    /// <summary>When set, a checkpoint is written atomically to this path after every epoch.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>
    /// Model state beyond the parameters that checkpoints carry (batch-norm running statistics); null: none.
    /// A checkpoint restores only into a trainer that has state exactly when the writer had.
    /// </summary>
    public ICheckpointState? CheckpointState { get; init; }

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "At least one thread is needed.");
        if (ClipGradNorm is { } c && !(c >= 0))
            throw new ArgumentOutOfRangeException(nameof(ClipGradNorm), c, "The clipping norm must be a non-negative number.");
    }
}
