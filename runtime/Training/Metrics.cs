using System;
using System.Numerics;

namespace DiffGen.Training;

/// <summary>Classification metrics over row-major class scores.</summary>
public static class Metrics
{
    /// <summary>How many rows of <paramref name="scores"/> have their largest score (first one on ties) at the label.</summary>
    /// <typeparam name="T">Score type.</typeparam>
    /// <param name="scores">Row-major <c>labels.Length x classes</c> scores (logits or probabilities).</param>
    /// <param name="labels">The true classes.</param>
    /// <param name="classes">Classes per row.</param>
    /// <returns>The number of correct predictions.</returns>
    public static int CountCorrect<T>(ReadOnlySpan<T> scores, ReadOnlySpan<int> labels, int classes)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (scores.Length != (long)labels.Length * classes)
            throw new ArgumentException($"scores has {scores.Length} values; {labels.Length} rows of {classes} classes need {(long)labels.Length * classes}.", nameof(scores));
        int correct = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            var r = scores.Slice(row * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (r[c] > r[best]) best = c;
            }

            if (best == labels[row]) correct++;
        }

        return correct;
    }
}
