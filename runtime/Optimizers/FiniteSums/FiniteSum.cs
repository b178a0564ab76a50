using System;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>
/// The data term of F(w) = (1/n) sum_i f_i(w) + (lambda/2) ||w||^2 as the finite-sum methods see it: n samples whose
/// gradients are stored as table entries of <see cref="EntryLength"/> values. A general sum
/// (<see cref="SampleGradientSum"/>) stores each gradient in full (d values); a linear model
/// (<see cref="LinearModelSum"/>) stores the scalar l_i'(x_i . w) and expands it to l_i' x_i only when adding.
/// The L2 term is the optimizers' <c>WeightDecay</c>, applied exactly and never stored.
/// </summary>
public abstract class FiniteSum
{
    /// <summary>Creates the sum.</summary>
    /// <param name="count">n &gt; 0.</param>
    /// <param name="dimension">d &gt; 0.</param>
    protected FiniteSum(int count, int dimension)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), $"Invalid sample count: {count}");
        if (dimension <= 0) throw new ArgumentOutOfRangeException(nameof(dimension), $"Invalid dimension: {dimension}");
        Count = count;
        Dimension = dimension;
    }

    /// <summary>n, the number of samples.</summary>
    public int Count { get; }

    /// <summary>d, the number of weights.</summary>
    public int Dimension { get; }

    /// <summary>Values per stored gradient: 1 for a linear model, d otherwise.</summary>
    public abstract int EntryLength { get; }

    /// <summary>Writes the table entry of sample <paramref name="sample"/>'s gradient at <paramref name="weights"/>.</summary>
    /// <param name="sample">Sample index.</param>
    /// <param name="weights">Weights, length d.</param>
    /// <param name="entry">Destination, length <see cref="EntryLength"/>.</param>
    public abstract void Evaluate(int sample, ReadOnlySpan<double> weights, Span<double> entry);

    /// <summary>target += scale * (the gradient an entry of sample <paramref name="sample"/> stands for).</summary>
    /// <param name="sample">Sample index.</param>
    /// <param name="entry">An entry (or a difference of two entries) of that sample.</param>
    /// <param name="scale">Factor.</param>
    /// <param name="target">Vector of length d, updated.</param>
    public abstract void AddEntry(int sample, ReadOnlySpan<double> entry, double scale, Span<double> target);
}
