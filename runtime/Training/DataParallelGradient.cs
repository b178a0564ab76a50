using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;
using System.Threading.Tasks;
using DiffGen.Optimizers;

namespace DiffGen.Training;

/// <summary>
/// Data-parallel gradient of a mini-batch: the batch is cut into one contiguous shard per thread, each thread gathers
/// its shard and runs the model's gradient into its own buffers, and the shards are then combined once, in shard
/// order, weighted by their sizes, into <see cref="Parameter{T}.Grad"/>. The result is the gradient of the mean loss
/// over the whole batch, and it is the same bit for bit on every run with the same thread count.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class DataParallelGradient<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<Parameter<T>> _parameters;
    private readonly Worker[] _workers;
    private readonly int[] _indices;
    private readonly ImageAugmentation? _augmentation;
    private readonly int _seed;

    /// <summary>Buffers for batches of up to <paramref name="batchCapacity"/> samples split over <paramref name="threads"/> threads.</summary>
    /// <param name="parameters">The parameters, in the order the gradient function expects its buffers.</param>
    /// <param name="threads">Threads (shards), at least 1.</param>
    /// <param name="batchCapacity">Largest batch, at least 1.</param>
    /// <param name="featureCount">Values per sample.</param>
    /// <param name="augmentation">Crops and flips applied to each gathered sample, or null for none.</param>
    /// <param name="seed">Seed of the augmentation's draws.</param>
    public DataParallelGradient(IReadOnlyList<Parameter<T>> parameters, int threads, int batchCapacity, int featureCount,
                                ImageAugmentation? augmentation = null, int seed = 0)
    {
        augmentation?.Validate(featureCount);
        _augmentation = augmentation;
        _seed = seed;
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0) throw new ArgumentException("There are no parameters to differentiate.", nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCapacity, 1);
        _parameters = parameters;
        Threads = Math.Min(threads, batchCapacity);
        int shardCapacity = (batchCapacity + Threads - 1) / Threads;
        _workers = new Worker[Threads];
        for (int k = 0; k < Threads; k++)
        {
            var gradients = new T[parameters.Count][];
            for (int i = 0; i < gradients.Length; i++) gradients[i] = Threads == 1 ? parameters[i].Grad : new T[parameters[i].Length];
            _workers[k] = new Worker(new MiniBatch<T>(shardCapacity, featureCount), gradients);
        }

        _indices = new int[batchCapacity];
    }

    /// <summary>Threads (shards) used per batch.</summary>
    public int Threads { get; }

    /// <summary>Computes the mean loss over the batch <paramref name="indices"/> of <paramref name="data"/> and writes its
    /// gradient into every parameter's <see cref="Parameter{T}.Grad"/> (overwriting it).</summary>
    /// <param name="data">The dataset.</param>
    /// <param name="indices">The samples of the batch.</param>
    /// <param name="lossGradient">The model's loss and gradient on a shard.</param>
    /// <param name="step">The optimizer step, which with the seed and each sample's index selects its augmentation.</param>
    /// <returns>The mean loss over the batch.</returns>
    public double Compute(LabeledDataset<T> data, ReadOnlySpan<int> indices, BatchLossGradient<T> lossGradient, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(lossGradient);
        if (indices.IsEmpty) throw new ArgumentException("The batch is empty.", nameof(indices));
        if (indices.Length > _indices.Length)
            throw new ArgumentException($"The batch has {indices.Length} samples; these buffers hold at most {_indices.Length}.", nameof(indices));
        if (Threads == 1)
        {
            // One thread writes straight into the parameters' Grad arrays, captured when this object was built.
            for (int i = 0; i < _parameters.Count; i++)
            {
                if (!ReferenceEquals(_workers[0].Gradients[i], _parameters[i].Grad))
                    throw new InvalidOperationException($"The Grad array of parameter '{_parameters[i].Name}' was replaced after this gradient was set up.");
            }
        }
        indices.CopyTo(_indices);
        int count = indices.Length, shards = Math.Min(Threads, count);

        if (shards == 1)
        {
            Run(_workers[0], data, 0, count, lossGradient, step);
            return Threads == 1 ? _workers[0].Loss : CombineInto(1, count);
        }

        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = shards }, k =>
        {
            (int start, int length) = Shard(count, shards, k);
            Run(_workers[k], data, start, length, lossGradient, step);
        });
        return CombineInto(shards, count);
    }

    private void Run(Worker worker, LabeledDataset<T> data, int start, int length, BatchLossGradient<T> lossGradient, long step)
    {
        data.Gather(_indices.AsSpan(start, length), worker.Batch);
        _augmentation?.Apply(worker.Batch.FeaturesBuffer, _indices.AsSpan(start, length), _seed, step, worker.Scratch(data.FeatureCount));
        foreach (var g in worker.Gradients) Array.Clear(g);
        // The threads are already busy with one shard each: the primitives' own parallel loops would only
        // oversubscribe the cores, so each shard runs its matrix products on its own thread.
        int savedThreads = Gemm.ForcedThreads;
        if (Threads > 1) Gemm.ForcedThreads = 1;
        try
        {
            worker.Loss = lossGradient(worker.Batch, worker.Gradients);
        }
        finally
        {
            Gemm.ForcedThreads = savedThreads;
        }

        worker.Count = length;
    }

    /// <summary>grad = sum_k (n_k / n) g_k, in shard order so the rounding is the same on every run.</summary>
    private double CombineInto(int shards, int count)
    {
        double loss = 0;
        for (int k = 0; k < shards; k++) loss += _workers[k].Loss * _workers[k].Count / count;
        for (int i = 0; i < _parameters.Count; i++)
        {
            Span<T> grad = _parameters[i].Grad;
            TensorPrimitives.Multiply(_workers[0].Gradients[i], T.CreateTruncating((double)_workers[0].Count / count), grad);
            for (int k = 1; k < shards; k++)
                TensorPrimitives.MultiplyAdd(_workers[k].Gradients[i], T.CreateTruncating((double)_workers[k].Count / count), grad, grad);
        }

        return loss;
    }

    /// <summary>Shard k of n samples split as evenly as possible (the first n mod s shards get one more).</summary>
    private static (int Start, int Length) Shard(int count, int shards, int k)
    {
        int baseSize = count / shards, extra = count % shards;
        return (k * baseSize + Math.Min(k, extra), baseSize + (k < extra ? 1 : 0));
    }

    private sealed class Worker(MiniBatch<T> batch, T[][] gradients)
    {
        private T[]? _scratch;

        public MiniBatch<T> Batch { get; } = batch;

        public T[][] Gradients { get; } = gradients;

        /// <summary>One sample's worth of scratch for the augmentation, allocated on first use.</summary>
        public Span<T> Scratch(int length) => _scratch ??= new T[length];

        public double Loss { get; set; }

        public int Count { get; set; }
    }
}
