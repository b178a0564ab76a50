using System;
using System.Collections.Generic;

namespace DiffGen.Training;

/// <summary>Progress after one mini-batch, for a progress bar.</summary>
/// <param name="Epoch">Epoch number, from 0.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches in an epoch.</param>
/// <param name="Loss">Mean training loss over this epoch's batches so far.</param>
/// <param name="SamplesPerSecond">Training throughput over this epoch so far.</param>
public sealed record TrainingProgress(int Epoch, int Batch, int BatchesPerEpoch, double Loss, double SamplesPerSecond);

/// <summary>What one epoch did.</summary>
/// <param name="Epoch">Epoch number, from 0.</param>
/// <param name="TrainLoss">Mean of the mini-batch losses (each taken before its step).</param>
/// <param name="SamplesPerSecond">Training throughput (evaluation excluded).</param>
/// <param name="Metrics">What the evaluation callback returned (empty without one).</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double SamplesPerSecond, IReadOnlyDictionary<string, double> Metrics);

/// <summary>Why <see cref="Trainer{T}.Fit"/> returned.</summary>
public enum StopReason
{
    /// <summary>All requested epochs ran.</summary>
    Completed,

    /// <summary>A mini-batch loss was NaN or infinite and training stopped (element-wise optimizers skip that step's
    /// update; Step-Tuned SGD and L-BFGS evaluate inside their step, so it has run).</summary>
    NonFiniteLoss,

    /// <summary>The cancellation token was signalled (at a batch boundary).</summary>
    Cancelled,
}

/// <summary>The outcome of <see cref="Trainer{T}.Fit"/>.</summary>
/// <param name="Reason">Why it returned.</param>
/// <param name="History">Every completed epoch, including those of a resumed checkpoint.</param>
/// <param name="Message">A sentence for the user when it stopped early; empty otherwise.</param>
public sealed record TrainingResult(StopReason Reason, IReadOnlyList<EpochReport> History, string Message)
{
    /// <summary>The last epoch's report, if any epoch completed.</summary>
    public EpochReport? Last => History.Count > 0 ? History[^1] : null;
}
