using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary><c>result[i] = x[i] - LogSumExp(x)</c>, the logarithm of <see cref="Softmax{T}"/> without its underflow.</summary>
    /// <param name="x">Input (logits).</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void LogSoftmax<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        if (x.IsEmpty)
        {
            return;
        }

        TensorPrimitives.Subtract(x, LogSumExpCore(x), result);
    }

    /// <summary>
    /// Pullback of <see cref="LogSoftmax{T}"/>: <c>dx += dresult - exp(result) sum(dresult)</c>
    /// (reads <paramref name="result"/>).
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(LogSoftmax))]
    public static void LogSoftmaxPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        T total = TensorPrimitives.Sum(dresult);
        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> p = scratch[..len];
            TensorPrimitives.Exp(result.Slice(start, len), p);
            Span<T> d = dx.Slice(start, len);
            TensorPrimitives.MultiplyAdd(p, -total, d, d);
            TensorPrimitives.Add(d, dresult.Slice(start, len), d);
        }
    }

    /// <summary>
    /// Tangent of <see cref="LogSoftmax{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult = tx - softmax(x)·tx</c>.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(LogSoftmax), Kind = DerivativeKind.Tangent)]
    public static void LogSoftmaxTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        if (x.IsEmpty)
        {
            return;
        }

        T lse = LogSumExpCore(x);
        TensorPrimitives.Subtract(x, lse, result);
        if (active)
        {
            TensorPrimitives.Subtract(tx, SoftmaxDot(x, lse, tx), tresult);
        }
    }
}
