using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise exponential <c>result[i] = exp(x[i])</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Exp<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Exp(x, result);
    }

    /// <summary>Pullback of <see cref="Exp{T}"/>: <c>dx += dresult result</c> (reads <paramref name="result"/>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Exp))]
    public static void ExpPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        TensorPrimitives.MultiplyAdd(dresult, result, dx, dx);
    }

    /// <summary>Tangent of <see cref="Exp{T}"/>: computes <paramref name="result"/> and <c>tresult = tx result</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Exp), Kind = DerivativeKind.Tangent)]
    public static void ExpTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Exp(x, result);
        if (active)
        {
            TensorPrimitives.Multiply(tx, result, tresult);
        }
    }
}
