using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// <c>result[i] = exp(x[i]) / sum_j exp(x[j])</c>, computed stably by shifting by the maximum.
    /// </summary>
    /// <param name="x">Input (logits).</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Softmax<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        if (x.IsEmpty)
        {
            return;
        }

        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, result);
        TensorPrimitives.Exp(result, result);
        TensorPrimitives.Divide(result, TensorPrimitives.Sum<T>(result), result);
    }

    /// <summary>
    /// Pullback of <see cref="Softmax{T}"/>: <c>dx += result ⊙ (dresult - dresult·result)</c>
    /// (reads <paramref name="result"/>).
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Softmax))]
    public static void SoftmaxPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        T s = TensorPrimitives.Dot<T>(dresult, result);
        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> g = scratch[..len];
            TensorPrimitives.Subtract(dresult.Slice(start, len), s, g);
            Span<T> d = dx.Slice(start, len);
            TensorPrimitives.MultiplyAdd(g, result.Slice(start, len), d, d);
        }
    }

    /// <summary>
    /// Tangent of <see cref="Softmax{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult = result ⊙ (tx - result·tx)</c>.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Softmax), Kind = DerivativeKind.Tangent)]
    public static void SoftmaxTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Softmax(x, result);
        if (active)
        {
            T s = TensorPrimitives.Dot<T>(result, tx);
            TensorPrimitives.Subtract(tx, s, tresult);
            TensorPrimitives.Multiply(tresult, result, tresult);
        }
    }
}
