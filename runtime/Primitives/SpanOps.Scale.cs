using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Scales a vector: <c>result = alpha x</c>.</summary>
    /// <param name="alpha">The scale.</param>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Scale<T>(T alpha, ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Multiply(x, alpha, result);
    }

    /// <summary>Pullback of <see cref="Scale{T}"/>: <c>dalpha += dresult·x</c>, <c>dx += alpha dresult</c>.</summary>
    /// <param name="alpha">The scale.</param>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dalpha">Shadow of <paramref name="alpha"/> (accumulated).</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Scale))]
    public static void ScalePullback<T>(T alpha, ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, ref T dalpha, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryPullback(x, result, dresult, dx);
        dalpha += TensorPrimitives.Dot(dresult, x);
        if (active)
        {
            TensorPrimitives.MultiplyAdd(dresult, alpha, dx, dx);
        }
    }

    /// <summary>Tangent of <see cref="Scale{T}"/>: computes <paramref name="result"/> and <c>tresult = talpha x + alpha tx</c>.</summary>
    /// <param name="alpha">The scale.</param>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="talpha">Tangent of <paramref name="alpha"/>.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Scale), Kind = DerivativeKind.Tangent)]
    public static void ScaleTangent<T>(T alpha, ReadOnlySpan<T> x, Span<T> result, T talpha, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Scale(alpha, x, result);
        if (active)
        {
            TensorPrimitives.Multiply(tx, alpha, tresult);
        }

        TensorPrimitives.MultiplyAdd(x, talpha, tresult, tresult);
    }
}
