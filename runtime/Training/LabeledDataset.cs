using System;
using System.Numerics;

namespace DiffGen.Training;

/// <summary>
/// A classification dataset held in memory: <see cref="Count"/> samples of <see cref="FeatureCount"/> values each,
/// stored row-major in one array, and one integer label per sample.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class LabeledDataset<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly T[] _features;
    private readonly int[] _labels;

    /// <summary>Wraps <paramref name="features"/> and <paramref name="labels"/> (not copied).</summary>
    /// <param name="features">Row-major samples, <c>labels.Length * featureCount</c> values.</param>
    /// <param name="labels">One label per sample, each in <c>[0, classes)</c>.</param>
    /// <param name="featureCount">Values per sample, at least 1.</param>
    /// <param name="classes">Number of classes, at least 1.</param>
    public LabeledDataset(T[] features, int[] labels, int featureCount, int classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (features.Length != (long)labels.Length * featureCount)
        {
            throw new ArgumentException(
                $"features has {features.Length} values but {labels.Length} samples of {featureCount} features need {(long)labels.Length * featureCount}.",
                nameof(features));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException($"Label {labels[i]} of sample {i} is outside [0, {classes}).", nameof(labels));
        }

        _features = features;
        _labels = labels;
        FeatureCount = featureCount;
        Classes = classes;
    }

    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>Values per sample.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>All samples, row-major.</summary>
    public ReadOnlySpan<T> Features => _features;

    /// <summary>All labels.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The features of one sample.</summary>
    /// <param name="index">Sample index.</param>
    /// <returns>Its <see cref="FeatureCount"/> values.</returns>
    public ReadOnlySpan<T> Sample(int index) => _features.AsSpan(checked(index * FeatureCount), FeatureCount);

    /// <summary>Copies the samples named by <paramref name="indices"/>, in that order, into <paramref name="batch"/>.</summary>
    /// <param name="indices">Sample indices.</param>
    /// <param name="batch">Destination; its capacity must hold them.</param>
    public void Gather(ReadOnlySpan<int> indices, MiniBatch<T> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.FeatureCount != FeatureCount)
            throw new ArgumentException($"The batch holds {batch.FeatureCount} features per sample, the dataset {FeatureCount}.", nameof(batch));
        batch.Resize(indices.Length);
        Span<T> x = batch.FeaturesBuffer;
        Span<int> y = batch.LabelsBuffer;
        for (int i = 0; i < indices.Length; i++)
        {
            Sample(indices[i]).CopyTo(x.Slice(i * FeatureCount, FeatureCount));
            y[i] = _labels[indices[i]];
        }
    }

    /// <summary>The samples <c>[start, start + count)</c> as a new dataset sharing nothing with this one.</summary>
    /// <param name="start">First sample.</param>
    /// <param name="count">Number of samples.</param>
    /// <returns>The copy.</returns>
    public LabeledDataset<T> Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)count, Count, nameof(count));
        return new LabeledDataset<T>(
            _features.AsSpan(start * FeatureCount, count * FeatureCount).ToArray(), _labels.AsSpan(start, count).ToArray(), FeatureCount, Classes);
    }
}
