using System;
using System.Numerics;

namespace DiffGen.Training;

/// <summary>
/// A reusable buffer for one mini-batch: <see cref="Count"/> samples gathered row-major into <see cref="Features"/>
/// with their <see cref="Labels"/>. The training loop fills one per thread and reuses it for every step.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class MiniBatch<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly T[] _features;
    private readonly int[] _labels;

    /// <summary>A batch able to hold up to <paramref name="capacity"/> samples of <paramref name="featureCount"/> values.</summary>
    /// <param name="capacity">Largest number of samples, at least 1.</param>
    /// <param name="featureCount">Values per sample, at least 1.</param>
    public MiniBatch(int capacity, int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        _features = new T[checked(capacity * featureCount)];
        _labels = new int[capacity];
        FeatureCount = featureCount;
    }

    /// <summary>Values per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>Largest number of samples.</summary>
    public int Capacity => _labels.Length;

    /// <summary>Number of samples currently held.</summary>
    public int Count { get; private set; }

    /// <summary>The samples, row-major: <c>Count * FeatureCount</c> values.</summary>
    public ReadOnlySpan<T> Features => _features.AsSpan(0, Count * FeatureCount);

    /// <summary>The labels: <c>Count</c> values.</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    internal Span<T> FeaturesBuffer => _features.AsSpan(0, Count * FeatureCount);

    internal Span<int> LabelsBuffer => _labels.AsSpan(0, Count);

    internal void Resize(int count)
    {
        if ((uint)count > (uint)Capacity)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The batch holds at most {Capacity} samples.");
        Count = count;
    }
}
