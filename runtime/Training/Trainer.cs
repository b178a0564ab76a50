using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;
using DiffGen.Optimizers;

namespace DiffGen.Training;

/// <summary>
/// The epoch loop: shuffled mini-batches without replacement, a data-parallel gradient per batch, one optimizer step
/// per batch (any optimizer of <c>DiffGen.Optimizers</c>), an optional learning-rate schedule, evaluation after each
/// epoch, an early stop on a non-finite loss, and atomic checkpoints that resume bit-identically.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class Trainer<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<Parameter<T>> _parameters;
    private readonly BatchLossGradient<T> _lossGradient;
    private readonly LearningRateScheduler<T>? _scheduler;
    private readonly List<EpochReport> _history = new();

    /// <summary>A trainer of <paramref name="parameters"/> (in the order <paramref name="lossGradient"/> expects its
    /// gradient buffers) with <paramref name="optimizer"/>, which must own exactly these parameters.</summary>
    /// <param name="parameters">The model's parameters.</param>
    /// <param name="optimizer">The optimizer; its current learning rates are the schedule's base rates.</param>
    /// <param name="lossGradient">The loss and gradient of the model on a mini-batch.</param>
    /// <param name="options">How to train (default: <see cref="TrainerOptions"/>'s defaults).</param>
    public Trainer(IReadOnlyList<Parameter<T>> parameters, Optimizer<T> optimizer, BatchLossGradient<T> lossGradient, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(lossGradient);
        Options = options ?? new TrainerOptions();
        Options.Validate();
        var owned = new HashSet<Parameter<T>>(optimizer.Parameters, ReferenceEqualityComparer.Instance);
        foreach (var p in parameters)
        {
            if (!owned.Remove(p))
                throw new ArgumentException($"Parameter '{p.Name}' is not optimized by the {optimizer.Name} optimizer (or is listed twice).", nameof(parameters));
        }

        if (owned.Count > 0)
            throw new ArgumentException($"The {optimizer.Name} optimizer also owns parameters the trainer was not given; pass all of them.", nameof(parameters));

        _parameters = parameters;
        Optimizer = optimizer;
        _lossGradient = lossGradient;
        if (Options.Schedule is { } schedule) _scheduler = new LearningRateScheduler<T>(optimizer, schedule);
    }

    /// <summary>How this trainer runs.</summary>
    public TrainerOptions Options { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer<T> Optimizer { get; }

    /// <summary>The parameters, in gradient-buffer order.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <summary>Epochs completed (including those restored from a checkpoint).</summary>
    public int CompletedEpochs => _history.Count;

    /// <summary>Optimizer steps taken (including those restored from a checkpoint).</summary>
    public long Steps { get; private set; }

    /// <summary>Every completed epoch.</summary>
    public IReadOnlyList<EpochReport> History => _history;

    /// <summary>Trains until <paramref name="epochs"/> epochs have completed in total (a resumed trainer continues
    /// from <see cref="CompletedEpochs"/>).</summary>
    /// <param name="train">Training data.</param>
    /// <param name="epochs">Total number of epochs.</param>
    /// <param name="evaluate">Called after each epoch; its metrics go into the epoch's report (e.g. test accuracy).</param>
    /// <param name="progress">Called after each mini-batch, on the training thread.</param>
    /// <param name="epochEnd">Called with each epoch's report once it is recorded (and checkpointed).</param>
    /// <param name="cancellation">Stops at the next batch boundary; the epoch in progress is not recorded.</param>
    /// <returns>Why training stopped, and the history.</returns>
    public TrainingResult Fit(LabeledDataset<T> train, int epochs,
                              Func<IReadOnlyDictionary<string, double>>? evaluate = null,
                              Action<TrainingProgress>? progress = null,
                              Action<EpochReport>? epochEnd = null,
                              CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        var sampler = new MiniBatchSampler(train.Count, Options.BatchSize, Options.Seed, Options.DropLast);
        Options.Augmentation?.Validate(train.FeatureCount);
        var gradient = new DataParallelGradient<T>(_parameters, Options.Threads, Options.BatchSize, train.FeatureCount, Options.Augmentation, Options.Seed);
        int batches = sampler.BatchesPerEpoch;

        for (int epoch = CompletedEpochs; epoch < epochs; epoch++)
        {
            int[] order = sampler.Order(epoch);
            if (Options.ScheduleUnit == ScheduleUnit.Epoch) _scheduler?.MoveTo(epoch);
            double lossSum = 0;
            long samples = 0;
            var clock = Stopwatch.StartNew();
            for (int b = 0; b < batches; b++)
            {
                if (cancellation.IsCancellationRequested)
                    return Stop(StopReason.Cancelled, $"Cancelled during epoch {epoch + 1}; the last complete epoch is {epoch}.");
                if (Options.ScheduleUnit == ScheduleUnit.Step) _scheduler?.MoveTo(Steps);
                var batchIndices = sampler.BatchSegment(order, b);
                bool stepped = OptimizerStepper.Step(Optimizer, () => gradient.Compute(train, batchIndices, _lossGradient, Steps), Options.ClipGradNorm, out double loss);
                if (!stepped)
                    return Stop(StopReason.NonFiniteLoss, $"The training loss became {loss} at epoch {epoch + 1}, batch {b + 1}; lower the learning rate or check the data.");
                Steps++;
                lossSum += loss;
                samples += batchIndices.Count;
                progress?.Invoke(new TrainingProgress(epoch, b + 1, batches, lossSum / (b + 1), samples / clock.Elapsed.TotalSeconds));
            }

            double throughput = samples / clock.Elapsed.TotalSeconds;
            var metrics = evaluate?.Invoke() ?? new Dictionary<string, double>();
            _history.Add(new EpochReport(epoch, lossSum / batches, throughput, metrics));
            if (Options.CheckpointPath is { } path) SaveCheckpoint(path);
            epochEnd?.Invoke(_history[^1]);
        }

        return new TrainingResult(StopReason.Completed, _history.ToArray(), "");
    }

    /// <summary>Writes the parameters, the optimizer state and the history to <paramref name="path"/> atomically (a
    /// temporary file renamed over the old one), so a crash never leaves a half-written checkpoint.</summary>
    /// <param name="path">Destination file.</param>
    public void SaveCheckpoint(string path) => TrainingCheckpoint.Write(path, this);

    /// <summary>Restores what <see cref="SaveCheckpoint"/> wrote into this trainer's parameters, optimizer and
    /// <see cref="TrainerOptions.CheckpointState"/>. With the
    /// same seed, batch size and thread count, <see cref="Fit"/> then continues bit-identically. A missing, corrupt or
    /// mismatched file throws (<see cref="System.IO.FileNotFoundException"/>, <see cref="System.IO.InvalidDataException"/>)
    /// and leaves the trainer unchanged.</summary>
    /// <param name="path">The checkpoint file.</param>
    public void LoadCheckpoint(string path) => TrainingCheckpoint.Read(path, this);

    internal void Restore(long steps, IEnumerable<EpochReport> history)
    {
        Steps = steps;
        _history.Clear();
        _history.AddRange(history);
    }

    private TrainingResult Stop(StopReason reason, string message) => new(reason, _history.ToArray(), message);
}
