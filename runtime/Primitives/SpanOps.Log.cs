using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise natural logarithm <c>result[i] = log(x[i])</c> (NaN below 0, -inf at 0).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Log<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Log(x, result);
    }

    /// <summary>Pullback of <see cref="Log{T}"/>: <c>dx += dresult / x</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Log))]
    public static void LogPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < x.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, x.Length - start);
            Span<T> g = scratch[..len];
            TensorPrimitives.Divide(dresult.Slice(start, len), x.Slice(start, len), g);
            TensorPrimitives.Add(dx.Slice(start, len), g, dx.Slice(start, len));
        }
    }

    /// <summary>Tangent of <see cref="Log{T}"/>: computes <paramref name="result"/> and <c>tresult = tx / x</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Log), Kind = DerivativeKind.Tangent)]
    public static void LogTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Log(x, result);
        if (active)
        {
            TensorPrimitives.Divide(tx, x, tresult);
        }
    }
}
