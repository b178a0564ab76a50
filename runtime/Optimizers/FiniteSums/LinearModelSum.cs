using System;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>A linear model's finite sum, f_i(w) = l_i(x_i . w): sample i's gradient is l_i'(x_i . w) x_i, so its
/// gradient table stores one scalar per sample (Schmidt, Le Roux and Bach's memory-saving case) instead of d values.</summary>
public sealed class LinearModelSum : FiniteSum
{
    private readonly double[] _features;
    private readonly MarginDerivative _derivative;

    /// <summary>Creates the sum.</summary>
    /// <param name="features">The rows x_i, row-major, n x d (not copied).</param>
    /// <param name="count">n.</param>
    /// <param name="dimension">d.</param>
    /// <param name="derivative">l_i'(z), the derivative of the loss of sample i with respect to its margin.</param>
    public LinearModelSum(double[] features, int count, int dimension, MarginDerivative derivative) : base(count, dimension)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(derivative);
        if (features.LongLength != (long)count * dimension)
            throw new ArgumentException($"Features have length {features.LongLength} but {count} samples of dimension {dimension} need {(long)count * dimension}.", nameof(features));
        _features = features;
        _derivative = derivative;
    }

    /// <inheritdoc/>
    public override int EntryLength => 1;

    /// <summary>The row x_i.</summary>
    /// <param name="sample">Sample index.</param>
    /// <returns>Its features.</returns>
    public ReadOnlySpan<double> Row(int sample) => _features.AsSpan(sample * Dimension, Dimension);

    /// <summary>max_i ||x_i||^2: times the bound on |l_i''| (1/4 for the logistic loss, 1 for the squared loss / 2) it is
    /// the smoothness constant L the step-size rules need.</summary>
    public double MaxSquaredRowNorm
    {
        get
        {
            double max = 0.0;
            for (int i = 0; i < Count; i++) max = Math.Max(max, TensorPrimitives.SumOfSquares(Row(i)));
            return max;
        }
    }

    /// <inheritdoc/>
    public override void Evaluate(int sample, ReadOnlySpan<double> weights, Span<double> entry) =>
        entry[0] = _derivative(sample, TensorPrimitives.Dot(Row(sample), weights));

    /// <inheritdoc/>
    public override void AddEntry(int sample, ReadOnlySpan<double> entry, double scale, Span<double> target) =>
        TensorPrimitives.MultiplyAdd(Row(sample), scale * entry[0], target, target);
}
