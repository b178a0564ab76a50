using System;

namespace DiffGen.Training;

/// <summary>
/// Shuffled mini-batches without replacement: each epoch visits every sample once, in an order that depends only
/// on the seed and the epoch number, so a run resumed at an epoch boundary sees exactly the batches it would have seen.
/// </summary>
public sealed class MiniBatchSampler
{
    /// <summary>A sampler over <paramref name="count"/> samples.</summary>
    /// <param name="count">Samples in the dataset, at least 1.</param>
    /// <param name="batchSize">Samples per batch, at least 1.</param>
    /// <param name="seed">Seed of the shuffles.</param>
    /// <param name="dropLast">Whether to drop the last, smaller batch of an epoch (torch's <c>drop_last</c>).</param>
    public MiniBatchSampler(int count, int batchSize, int seed, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (dropLast && batchSize > count)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"With dropLast, a batch of {batchSize} from {count} samples leaves no batch at all.");
        Count = count;
        BatchSize = batchSize;
        Seed = seed;
        DropLast = dropLast;
    }

    /// <summary>Samples in the dataset.</summary>
    public int Count { get; }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Seed of the shuffles.</summary>
    public int Seed { get; }

    /// <summary>Whether the last, smaller batch of an epoch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <summary>The visiting order of <paramref name="epoch"/>: a permutation of <c>[0, Count)</c>.</summary>
    /// <param name="epoch">Epoch number, from 0.</param>
    /// <returns>The permutation; batch <c>b</c> is <c>order[b * BatchSize ..]</c>.</returns>
    public int[] Order(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // System.Random with an explicit seed is a fixed algorithm, the same in every process and version;
        // mixing the epoch in gives each epoch its own independent-looking shuffle.
        new Random(unchecked(Seed * 1_000_003 + epoch)).Shuffle(order);
        return order;
    }

    /// <summary>The sample indices of batch <paramref name="batch"/> within an epoch's <paramref name="order"/>.</summary>
    /// <param name="order">What <see cref="Order"/> returned.</param>
    /// <param name="batch">Batch number in <c>[0, BatchesPerEpoch)</c>.</param>
    /// <returns>The indices.</returns>
    public ReadOnlySpan<int> Batch(int[] order, int batch) => BatchSegment(order, batch);

    /// <summary><see cref="Batch"/> as a segment of <paramref name="order"/>, which a closure can hold (a span cannot).</summary>
    /// <param name="order">What <see cref="Order"/> returned.</param>
    /// <param name="batch">Batch number in <c>[0, BatchesPerEpoch)</c>.</param>
    /// <returns>The indices.</returns>
    public ArraySegment<int> BatchSegment(int[] order, int batch)
    {
        ArgumentNullException.ThrowIfNull(order);
        if ((uint)batch >= (uint)BatchesPerEpoch) throw new ArgumentOutOfRangeException(nameof(batch), batch, $"An epoch has {BatchesPerEpoch} batches.");
        int start = batch * BatchSize;
        return new ArraySegment<int>(order, start, Math.Min(BatchSize, Count - start));
    }
}
