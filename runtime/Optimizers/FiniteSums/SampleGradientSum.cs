using System;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>A general finite sum given by a per-sample gradient oracle; its gradient table stores full gradients
/// (n x d values).</summary>
public sealed class SampleGradientSum : FiniteSum
{
    private readonly SampleGradient _gradient;

    /// <summary>Creates the sum.</summary>
    /// <param name="count">n, the number of samples.</param>
    /// <param name="dimension">d, the number of weights.</param>
    /// <param name="gradient">The gradient of the loss of one sample.</param>
    public SampleGradientSum(int count, int dimension, SampleGradient gradient) : base(count, dimension)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        _gradient = gradient;
    }

    /// <inheritdoc/>
    public override int EntryLength => Dimension;

    /// <inheritdoc/>
    public override void Evaluate(int sample, ReadOnlySpan<double> weights, Span<double> entry)
    {
        entry.Clear();
        _gradient(sample, weights, entry);
    }

    /// <inheritdoc/>
    public override void AddEntry(int sample, ReadOnlySpan<double> entry, double scale, Span<double> target) =>
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(entry, scale, target, target);
}
