using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Sigmoid{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Sigmoid(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(SigmoidTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Sigmoid{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Sigmoid(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(SigmoidTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Sigmoid{T}"/>: its pullback over dual numbers (σ'' / σ' = 1 - 2σ).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sigmoid))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SigmoidPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => UnaryPullbackDual<double>(SigmoidPullback, SigmoidCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>Second-order rule of <see cref="Sigmoid{T}"/>: its pullback over dual numbers (σ'' / σ' = 1 - 2σ).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sigmoid))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void SigmoidPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => UnaryPullbackDual<float>(SigmoidPullback, SigmoidCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>f''/f' of sigmoid: σ'' / σ' = 1 - 2σ.</summary>
    private static void SigmoidCurvature<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, Span<T> w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < w.Length; i++)
        {
            w[i] *= T.One - (result[i] + result[i]);
        }
    }
}
