using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>The name under which <see cref="KinkCounters"/> counts the inputs of <see cref="Relu{T}(ReadOnlySpan{T}, Span{T})"/> exactly at 0.</summary>
    public const string ReluKinkName = "SpanOps.Relu";

    /// <summary>Elementwise rectifier <c>result[i] = max(x[i], 0)</c>.</summary>
    /// <remarks>
    /// The rules use relu'(0) = 0, PyTorch's choice (and the default of <c>DiffMath.Relu</c>, see
    /// docs/nonsmooth.md): an input exactly at 0 passes no gradient and no tangent. NaN inputs propagate.
    /// <see cref="Relu{T}(ReadOnlySpan{T}, T, Span{T})"/> takes another value of relu'(0).
    /// </remarks>
    /// <param name="x">Input.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireUnary(x, result, nameof(result));
        TensorPrimitives.Max(x, T.Zero, result);
    }

    /// <summary>Pullback of <see cref="Relu{T}(ReadOnlySpan{T}, Span{T})"/>: <c>dx[i] += dresult[i]</c> where <c>x[i] &gt; 0</c> (relu'(0) = 0).</summary>
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
        CountReluKinks(x);
    }

    /// <summary>Tangent of <see cref="Relu{T}(ReadOnlySpan{T}, Span{T})"/>: computes <paramref name="result"/> and <c>tresult[i] = tx[i]</c> where <c>x[i] &gt; 0</c>, else 0.</summary>
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
            CountReluKinks(x);
        }
    }

    /// <summary>
    /// Elementwise rectifier <c>result[i] = max(x[i], 0)</c> whose rules use relu'(0) = <paramref name="derivativeAtZero"/>
    /// (for instance 1, to study the choice; Bertoin et al. 2021): an input exactly at 0 passes that
    /// multiple of its gradient and tangent.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="derivativeAtZero">relu'(0) used by the pullback and the tangent (no derivative of its own).</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap it.</param>
    public static void Relu<T>(ReadOnlySpan<T> x, [NoDerivative] T derivativeAtZero, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Relu(x, result);

    /// <summary>Pullback of <see cref="Relu{T}(ReadOnlySpan{T}, T, Span{T})"/>: <c>dx[i] += relu'(x[i]) dresult[i]</c>, relu'(0) = <paramref name="derivativeAtZero"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="derivativeAtZero">relu'(0).</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Relu))]
    public static void ReluPullback<T>(ReadOnlySpan<T> x, [NoDerivative] T derivativeAtZero, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!RequireUnaryPullback(x, result, dresult, dx))
        {
            return;
        }

        MaskedAccumulate(x, dresult, dx);
        AccumulateAtZero(x, dresult, derivativeAtZero, dx);
        CountReluKinks(x);
    }

    /// <summary>Tangent of <see cref="Relu{T}(ReadOnlySpan{T}, T, Span{T})"/>: <c>tresult[i] = relu'(x[i]) tx[i]</c>, relu'(0) = <paramref name="derivativeAtZero"/>.</summary>
    /// <param name="x">Input.</param>
    /// <param name="derivativeAtZero">relu'(0).</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Relu), Kind = DerivativeKind.Tangent)]
    public static void ReluTangent<T>(ReadOnlySpan<T> x, [NoDerivative] T derivativeAtZero, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool active = RequireUnaryTangent(x, result, tx, tresult);
        Relu(x, result);
        if (active)
        {
            tresult.Clear();
            MaskedAccumulate(x, tx, tresult);
            AccumulateAtZero(x, tx, derivativeAtZero, tresult);
            CountReluKinks(x);
        }
    }

    /// <summary><c>destination[i] += scale · values[i]</c> where <c>x[i] == 0</c>.</summary>
    private static void AccumulateAtZero<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> values, T scale, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scale == T.Zero)
        {
            return;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] == T.Zero)
            {
                destination[i] += scale * values[i];
            }
        }
    }

    /// <summary>Counts the inputs exactly at 0 for <see cref="KinkCounters"/>, when counting is on.</summary>
    private static void CountReluKinks<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!KinkCounters.IsEnabled)
        {
            return;
        }

        long zeros = 0;
        foreach (var value in x)
        {
            if (value == T.Zero)
            {
                zeros++;
            }
        }

        KinkCounters.Record(ReluKinkName, zeros);
    }
}
