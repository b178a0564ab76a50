using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Softmax cross-entropy with integer labels, averaged over the batch:
    /// <c>(1/B) sum_b (LogSumExp(logits[b, :]) - logits[b, labels[b]])</c>, like PyTorch's
    /// <c>cross_entropy(reduction='mean')</c>.
    /// </summary>
    /// <param name="logits">Row-major <c>B x classes</c> scores, <c>B = labels.Length</c>.</param>
    /// <param name="labels">The class of each row, in <c>[0, classes)</c>; data, not differentiated.</param>
    /// <param name="classes">Number of classes (columns of <paramref name="logits"/>).</param>
    /// <returns>The mean loss.</returns>
    /// <exception cref="ArgumentException">Empty batch, or <paramref name="logits"/> not <c>B x classes</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label outside <c>[0, classes)</c>, or <paramref name="classes"/> not positive.</exception>
    public static T CrossEntropy<T>(ReadOnlySpan<T> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireCrossEntropy(logits, labels, classes);
        T total = T.Zero;
        for (int b = 0; b < labels.Length; b++)
        {
            ReadOnlySpan<T> row = logits.Slice(b * classes, classes);
            total += LogSumExpCore(row) - row[labels[b]];
        }

        return total / Count<T>(labels.Length);
    }

    /// <summary>
    /// Pullback of <see cref="CrossEntropy{T}"/>:
    /// <c>dlogits[b, :] += (seed / B) (softmax(logits[b, :]) - onehot(labels[b]))</c>.
    /// </summary>
    /// <param name="logits">Row-major <c>B x classes</c> scores.</param>
    /// <param name="labels">The class of each row.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Upstream adjoint of the loss.</param>
    /// <param name="dlogits">Shadow of <paramref name="logits"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(CrossEntropy))]
    public static void CrossEntropyPullback<T>(ReadOnlySpan<T> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes,
                                               T seed, Span<T> dlogits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireCrossEntropy(logits, labels, classes);
        if (!IsActive(dlogits, logits.Length, nameof(dlogits)))
        {
            return;
        }

        RequireDisjoint<T>(dlogits, logits, nameof(dlogits), nameof(logits));
        T scale = seed / Count<T>(labels.Length);
        for (int b = 0; b < labels.Length; b++)
        {
            ReadOnlySpan<T> row = logits.Slice(b * classes, classes);
            Span<T> drow = dlogits.Slice(b * classes, classes);
            AccumulateSoftmax(row, LogSumExpCore(row), scale, drow);
            drow[labels[b]] -= scale;
        }
    }

    /// <summary>
    /// Tangent of <see cref="CrossEntropy{T}"/>: the loss and
    /// <c>(1/B) sum_b (softmax(logits[b, :])·tlogits[b, :] - tlogits[b, labels[b]])</c>.
    /// </summary>
    /// <param name="logits">Row-major <c>B x classes</c> scores.</param>
    /// <param name="labels">The class of each row.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="tlogits">Tangent of <paramref name="logits"/>; empty: zero.</param>
    /// <returns>The loss and its directional derivative.</returns>
    [DerivativeOf(nameof(CrossEntropy), Kind = DerivativeKind.Tangent)]
    public static (T Value, T Tangent) CrossEntropyTangent<T>(ReadOnlySpan<T> logits, [NoDerivative] ReadOnlySpan<int> labels,
                                                              int classes, ReadOnlySpan<T> tlogits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireCrossEntropy(logits, labels, classes);
        bool active = IsActive(tlogits, logits.Length, nameof(tlogits));
        T value = T.Zero, tangent = T.Zero;
        for (int b = 0; b < labels.Length; b++)
        {
            ReadOnlySpan<T> row = logits.Slice(b * classes, classes);
            T lse = LogSumExpCore(row);
            value += lse - row[labels[b]];
            if (active)
            {
                ReadOnlySpan<T> trow = tlogits.Slice(b * classes, classes);
                tangent += SoftmaxDot(row, lse, trow) - trow[labels[b]];
            }
        }

        T n = Count<T>(labels.Length);
        return (value / n, tangent / n);
    }

    private static void RequireCrossEntropy<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes)
    {
        if (classes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be positive.");
        }

        RequireNonEmpty(labels, nameof(labels));
        if ((long)labels.Length * classes != logits.Length)
        {
            throw new ArgumentException(
                $"logits has length {logits.Length}; expected labels.Length x classes = {labels.Length} x {classes}.", nameof(logits));
        }

        foreach (int label in labels)
        {
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Every label must lie in [0, {classes}).");
            }
        }
    }
}
