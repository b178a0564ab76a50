using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise hyperbolic tangent <c>result[i] = tanh(x[i])</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Tanh(x, result);
    }

    /// <summary>Pullback of <see cref="Tanh{T}"/>: <c>dx += dresult (1 - result²)</c> (reads <paramref name="result"/>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Tanh))]
    public static void TanhPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        AccumulateThroughPartial<T>(result, dresult, dx, TanhPartial);
    }

    /// <summary>Tangent of <see cref="Tanh{T}"/>: computes <paramref name="result"/> and <c>tresult = tx (1 - result²)</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Tanh), Kind = DerivativeKind.Tangent)]
    public static void TanhTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Tanh(x, result);
        if (active) TangentThroughPartial<T>(result, tx, tresult, TanhPartial);
    }

    /// <summary>Tanh'(x) from the output: <c>1 - result²</c>.</summary>
    private static void TanhPartial<T>(ReadOnlySpan<T> result, Span<T> partial)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(result, result, partial);
        TensorPrimitives.Subtract(T.One, partial, partial);
    }
}
