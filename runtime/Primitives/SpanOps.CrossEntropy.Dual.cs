using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="CrossEntropy{T}"/>: the loss over dual numbers, by <see cref="CrossEntropyTangent{T}"/>.</summary>
    /// <param name="logits">Row-major <c>B x classes</c> scores.</param>
    /// <param name="labels">The class of each row.</param>
    /// <param name="classes">Number of classes.</param>
    /// <returns>The mean loss and its tangent.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Dual CrossEntropy(ReadOnlySpan<Dual> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes)
    {
        var (value, tangent) = CrossEntropyDual(DualSpans.Flat(logits), labels, classes);
        return new(value, tangent);
    }

    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{Dual}, ReadOnlySpan{int}, int)"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static DualF CrossEntropy(ReadOnlySpan<DualF> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes)
    {
        var (value, tangent) = CrossEntropyDual(DualSpans.Flat(logits), labels, classes);
        return new(value, tangent);
    }

    /// <summary>
    /// Second-order rule of <see cref="CrossEntropy{T}"/>: its pullback over dual numbers. The pullback adds
    /// <c>(s / B)(softmax(l) - onehot)</c> per row; its tangent is the pullback of the seed's tangent plus
    /// <c>(s / B) softmax'(l) l̇</c>, the softmax's tangent (<see cref="SoftmaxTangent{T}"/>) of the logits' tangent.
    /// </summary>
    /// <param name="logits">Row-major <c>B x classes</c> scores.</param>
    /// <param name="labels">The class of each row.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="seed">Upstream adjoint of the loss.</param>
    /// <param name="dlogits">Shadow of <paramref name="logits"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(CrossEntropy))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void CrossEntropyPullback(ReadOnlySpan<Dual> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes, Dual seed, Span<Dual> dlogits)
        => CrossEntropyPullbackDual(DualSpans.Flat(logits), labels, classes, seed.Value, seed.Tangent, DualSpans.Flat(dlogits));

    /// <inheritdoc cref="CrossEntropyPullback(ReadOnlySpan{Dual}, ReadOnlySpan{int}, int, Dual, Span{Dual})"/>
    [DerivativeOf(nameof(CrossEntropy))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void CrossEntropyPullback(ReadOnlySpan<DualF> logits, [NoDerivative] ReadOnlySpan<int> labels, int classes, DualF seed, Span<DualF> dlogits)
        => CrossEntropyPullbackDual(DualSpans.Flat(logits), labels, classes, seed.Value, seed.Tangent, DualSpans.Flat(dlogits));

    private static (T Value, T Tangent) CrossEntropyDual<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var pl = DualParts<T>.Of(logits);
        return CrossEntropyTangent(pl.Values, labels, classes, pl.Tangents);
    }

    private static void CrossEntropyPullbackDual<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> labels, int classes, T seed, T seedTangent, Span<T> dlogits)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var pl = DualParts<T>.Of(logits);
        using var pdl = DualParts<T>.Zeros(dlogits.Length / 2);
        CrossEntropyPullback(pl.Values, labels, classes, seed, pdl.Values);
        if (pdl.Values.IsEmpty)
        {
            return;
        }

        if (seedTangent != T.Zero)
        {
            CrossEntropyPullback(pl.Values, labels, classes, seedTangent, pdl.Tangents);
        }

        if (!pl.Tangents.IsEmpty)
        {
            T scale = seed / Count<T>(labels.Length);
            T[] rented = ArrayPool<T>.Shared.Rent(2 * classes);
            Span<T> softmax = rented.AsSpan(0, classes), tangent = rented.AsSpan(classes, classes);
            for (int row = 0; row < pl.Values.Length; row += classes)
            {
                SoftmaxTangent(pl.Values.Slice(row, classes), softmax, pl.Tangents.Slice(row, classes), tangent);
                Span<T> drow = pdl.Tangents.Slice(row, classes);
                TensorPrimitives.MultiplyAdd(tangent, scale, drow, drow);
            }

            ArrayPool<T>.Shared.Return(rented);
        }

        pdl.AddTo(dlogits);
    }
}
