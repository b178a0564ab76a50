using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise logistic function <c>result[i] = 1 / (1 + exp(-x[i]))</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Sigmoid(x, result);
    }

    /// <summary>Pullback of <see cref="Sigmoid{T}"/>: <c>dx += dresult result (1 - result)</c> (reads <paramref name="result"/>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sigmoid))]
    public static void SigmoidPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        AccumulateThroughPartial<T>(result, dresult, dx, SigmoidPartial);
    }

    /// <summary>Tangent of <see cref="Sigmoid{T}"/>: computes <paramref name="result"/> and <c>tresult = tx result (1 - result)</c>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Sigmoid), Kind = DerivativeKind.Tangent)]
    public static void SigmoidTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Sigmoid(x, result);
        if (active) TangentThroughPartial<T>(result, tx, tresult, SigmoidPartial);
    }

    /// <summary>Sigmoid'(x) from the output: <c>result - result²</c>.</summary>
    private static void SigmoidPartial<T>(ReadOnlySpan<T> result, Span<T> partial)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(result, result, partial);
        TensorPrimitives.Subtract(result, partial, partial);
    }
}
