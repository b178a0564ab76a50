using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DiffGen.Optimizers;
using DiffGen.Training;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The parameters of <see cref="LeNetBn"/>, its batch-norm running statistics, and the glue to the trainer.
/// </summary>
/// <remarks>
/// The data-parallel trainer runs one shard of each batch per thread, so each shard normalizes with its own
/// batch statistics (as PyTorch's DataParallel does) and keeps its own running averages: a shard is
/// recognised by its gradient buffers, which the trainer gives the same shard every step. Evaluation
/// uses the mean of the shards' running averages. No two threads ever write the same running buffer.
/// The running statistics go into the trainer's checkpoints (<see cref="ICheckpointState"/>): every shard's, in
/// the order the shards were first seen; after a restore, shards take them back in the order they are seen
/// again (a shard beyond those saved starts from their mean). The mean, which evaluation uses, is restored
/// exactly, and as the averages are linear in the batch statistics it moves on as it would have; with one
/// thread the resumed run is the uninterrupted one bit for bit.
/// </remarks>
public sealed class LeNetBnModel : Classifier, ICheckpointState
{
    private ConditionalWeakTable<float[], float[]> _runningByShard = new();
    private readonly List<float[]> _shards = [];
    private readonly Queue<float[]> _restored = new();
    private float[]? _restoredMean;

    /// <summary>Filters and dense weights as in <see cref="LeNetModel"/>; batch-norm scales 1 and shifts 0, as in PyTorch.</summary>
    /// <param name="seed">Seed of the initialisation.</param>
    public LeNetBnModel(int seed = 0)
    {
        var random = new Random(seed);
        int fan1 = LeNet.Kernel * LeNet.Kernel, fan2 = LeNet.C1 * LeNet.Kernel * LeNet.Kernel;
        Parameters =
        [
            Uniform(random, "k1", fan1, LeNet.C1 * fan1), Uniform(random, "c1", fan1, LeNet.C1), Constant("s1", LeNet.C1, 1), Constant("t1", LeNet.C1, 0),
            Uniform(random, "k2", fan2, LeNet.C2 * fan2), Uniform(random, "c2", fan2, LeNet.C2), Constant("s2", LeNet.C2, 1), Constant("t2", LeNet.C2, 0),
            Uniform(random, "w1", LeNet.Flat, LeNet.Flat * LeNet.F1), Uniform(random, "b1", LeNet.Flat, LeNet.F1), Constant("s3", LeNet.F1, 1), Constant("t3", LeNet.F1, 0),
            Uniform(random, "w2", LeNet.F1, LeNet.F1 * LeNet.F2), Uniform(random, "b2", LeNet.F1, LeNet.F2), Constant("s4", LeNet.F2, 1), Constant("t4", LeNet.F2, 0),
            Uniform(random, "w3", LeNet.F2, LeNet.F2 * LeNet.Classes), Uniform(random, "b3", LeNet.F2, LeNet.Classes),
        ];
    }

    /// <inheritdoc/>
    public override string Description => "LeNet-5 with batch normalization after each conv and hidden dense layer";

    /// <inheritdoc/>
    public override string GradientName => "LeNetBn.LossGradient";

    /// <inheritdoc/>
    public override Parameter<float>[] Parameters { get; }

    /// <inheritdoc/>
    public override double LossGradient(MiniBatch<float> batch, float[][] g)
    {
        float[] running = RunningFor(g[0]);
        var p = Parameters;
        return LeNetBn.LossGradient(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data, p[8].Data,
                                    p[9].Data, p[10].Data, p[11].Data, p[12].Data, p[13].Data, p[14].Data, p[15].Data, p[16].Data, p[17].Data,
                                    batch.Features, batch.Labels, batch.Count, running,
                                    g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15], g[16], g[17]);
    }

    /// <inheritdoc/>
    public override void Logits(ReadOnlySpan<float> x, int count, Span<float> logits)
    {
        var p = Parameters;
        LeNetBn.Logits(p[0].Data, p[1].Data, p[2].Data, p[3].Data, p[4].Data, p[5].Data, p[6].Data, p[7].Data, p[8].Data,
                       p[9].Data, p[10].Data, p[11].Data, p[12].Data, p[13].Data, p[14].Data, p[15].Data, p[16].Data, p[17].Data,
                       x, count, Running(), logits);
    }

    /// <summary>The running statistics evaluation uses: the mean over the shards (initial values before any training).</summary>
    /// <returns>A fresh array of <see cref="LeNetBn.RunningLength"/> values.</returns>
    public float[] Running()
    {
        lock (_shards)
        {
            return Mean([.. _shards, .. _restored]) ?? LeNetBn.InitialRunning();
        }
    }

    /// <inheritdoc/>
    public void SaveState(Stream stream)
    {
        lock (_shards)
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            List<float[]> all = [.. _shards, .. _restored];
            writer.Write(LeNetBn.RunningLength);
            writer.Write(all.Count);
            foreach (float[] running in all)
            {
                foreach (float v in running) writer.Write(v);
            }
        }
    }

    /// <inheritdoc/>
    public void LoadState(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var loaded = new List<float[]>();
        try
        {
            int length = reader.ReadInt32(), count = reader.ReadInt32();
            if (length != LeNetBn.RunningLength)
                throw new InvalidDataException($"The batch-norm running statistics have {length} values per shard; LeNet-BN has {LeNetBn.RunningLength}.");
            if (count < 0 || (long)count * length * sizeof(float) > stream.Length - stream.Position)
                throw new InvalidDataException($"The batch-norm running statistics claim {count} shards, more than the checkpoint holds.");
            for (int s = 0; s < count; s++)
            {
                var running = new float[length];
                for (int i = 0; i < length; i++) running[i] = reader.ReadSingle();
                loaded.Add(running);
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The batch-norm running statistics are truncated.");
        }

        lock (_shards)
        {
            _runningByShard = new();
            _shards.Clear();
            _restored.Clear();
            foreach (float[] running in loaded) _restored.Enqueue(running);
            _restoredMean = Mean(loaded);
        }
    }

    /// <summary>The mean of <paramref name="runnings"/>, or null when there are none.</summary>
    private static float[]? Mean(IReadOnlyList<float[]> runnings)
    {
        if (runnings.Count == 0) return null;
        var mean = new float[LeNetBn.RunningLength];
        for (int i = 0; i < mean.Length; i++)
        {
            // In double and then rounded: the same result whatever order the shards were first seen in.
            mean[i] = (float)(runnings.Sum(s => (double)s[i]) / runnings.Count);
        }

        return mean;
    }

    private float[] RunningFor(float[] shardGradient)
    {
        lock (_shards)
        {
            if (!_runningByShard.TryGetValue(shardGradient, out float[]? running))
            {
                running = _restored.Count > 0 ? _restored.Dequeue() : (float[]?)_restoredMean?.Clone() ?? LeNetBn.InitialRunning();
                _runningByShard.Add(shardGradient, running);
                _shards.Add(running);
            }

            return running;
        }
    }
}
