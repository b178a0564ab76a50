using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise rectifier <c>result[i] = max(x[i], 0)</c>.</summary>
    /// <remarks>
    /// The rules use relu'(0) = 0, PyTorch's choice (and the default of <c>DiffMath.Relu</c>, see
    /// docs/nonsmooth.md): an input exactly at 0 passes no gradient and no tangent. NaN inputs propagate.
    /// </remarks>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Max(x, T.Zero, result);
    }

    /// <summary>Pullback of <see cref="Relu{T}"/>: <c>dx[i] += dresult[i]</c> where <c>x[i] &gt; 0</c> (relu'(0) = 0).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Relu))]
    public static void ReluPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        MaskedAccumulate(x, dresult, dx);
    }

    /// <summary>Tangent of <see cref="Relu{T}"/>: computes <paramref name="result"/> and <c>tresult[i] = tx[i]</c> where <c>x[i] &gt; 0</c>, else 0.</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Relu), Kind = DerivativeKind.Tangent)]
    public static void ReluTangent<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Relu(x, result);
        if (active)
        {
            tresult.Clear();
            MaskedAccumulate(x, tx, tresult);
        }
    }
}
