using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Inverted dropout: <c>result[i] = x[i] / (1 - probability)</c> where element i is kept, 0 where it
    /// is dropped. Element i is dropped when the <paramref name="seed"/>'s uniform number for index i
    /// (<see cref="DropoutMask{T}"/>) is below <paramref name="probability"/>, so the same seed drops the
    /// same elements on every call, and the rules recompute the mask instead of storing it.
    /// </summary>
    /// <remarks>
    /// Use a new seed per step (for example the step number mixed with the shard) to draw a new mask;
    /// a probability of 0 keeps everything and scales by 1.
    /// </remarks>
    /// <param name="x">Input.</param>
    /// <param name="probability">Probability of dropping an element, in [0, 1).</param>
    /// <param name="seed">Selects the mask.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Dropout<T>(ReadOnlySpan<T> x, [NoDerivative] T probability, long seed, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireDropout(probability);
        RequireUnary(x, result, nameof(result));
        ApplyDropoutMask(x, probability, seed, result, accumulate: false);
    }

    /// <summary>Pullback of <see cref="Dropout{T}"/>: <c>dx[i] += mask[i] dresult[i]</c>, the mask regenerated from the seed.</summary>
    /// <param name="x">Input.</param>
    /// <param name="probability">Probability of dropping an element.</param>
    /// <param name="seed">Selects the mask.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Dropout))]
    public static void DropoutPullback<T>(ReadOnlySpan<T> x, [NoDerivative] T probability, long seed, Span<T> result,
                                          ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireDropout(probability);
        if (RequireUnaryPullback(x, result, dresult, dx))
        {
            ApplyDropoutMask(dresult, probability, seed, dx, accumulate: true);
        }
    }

    /// <summary>Tangent of <see cref="Dropout{T}"/>: computes <paramref name="result"/> and <c>tresult[i] = mask[i] tx[i]</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="probability">Probability of dropping an element.</param>
    /// <param name="seed">Selects the mask.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Dropout), Kind = DerivativeKind.Tangent)]
    public static void DropoutTangent<T>(ReadOnlySpan<T> x, [NoDerivative] T probability, long seed, Span<T> result,
                                         ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireDropout(probability);
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Dropout(x, probability, seed, result);
        if (active)
        {
            ApplyDropoutMask(tx, probability, seed, tresult, accumulate: false);
        }
    }

    /// <summary>
    /// The mask of <see cref="Dropout{T}"/>: <c>mask[i] = 1 / (1 - probability)</c> where element
    /// <c>offset + i</c> is kept, 0 where it is dropped. Element j is kept when
    /// <c>u(seed, j) &gt;= probability</c>, with u a uniform number in [0, 1) drawn by <c>CounterRandom</c> from the seed and the index (SplitMix64): the mask is a pure function of the seed.
    /// </summary>
    /// <param name="probability">Probability of dropping an element, in [0, 1).</param>
    /// <param name="seed">Selects the mask.</param>
    /// <param name="offset">Index of the first element of <paramref name="mask"/>.</param>
    /// <param name="mask">Output: the scale of each element.</param>
    public static void DropoutMask<T>(T probability, long seed, long offset, Span<T> mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireDropout(probability);
        double p = double.CreateChecked(probability);
        T keep = T.One / (T.One - probability);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = CounterRandom.Uniform(seed, offset + i) >= p ? keep : T.Zero;
        }
    }

    /// <summary><c>destination (+)= mask · source</c>, the mask drawn chunk by chunk on the stack.</summary>
    private static void ApplyDropoutMask<T>(ReadOnlySpan<T> source, T probability, long seed, Span<T> destination, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> mask = stackalloc T[ScratchLength];
        for (int start = 0; start < source.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, source.Length - start);
            DropoutMask(probability, seed, start, mask[..len]);
            Span<T> d = destination.Slice(start, len);
            if (accumulate)
            {
                TensorPrimitives.MultiplyAdd(source.Slice(start, len), mask[..len], d, d);
            }
            else
            {
                TensorPrimitives.Multiply(source.Slice(start, len), mask[..len], d);
            }
        }
    }

    private static void RequireDropout<T>(T probability)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(probability >= T.Zero && probability < T.One))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be in [0, 1).");
        }
    }
}
