using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Tanh{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Tanh(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(TanhTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Tanh{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Tanh(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(TanhTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Tanh{T}"/>: its pullback over dual numbers (tanh'' / tanh' = -2 tanh).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Tanh))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void TanhPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => UnaryPullbackDual<double>(TanhPullback, TanhCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>Second-order rule of <see cref="Tanh{T}"/>: its pullback over dual numbers (tanh'' / tanh' = -2 tanh).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Tanh))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void TanhPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => UnaryPullbackDual<float>(TanhPullback, TanhCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>f''/f' of tanh: tanh'' / tanh' = -2 tanh.</summary>
    private static void TanhCurvature<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, Span<T> w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(w, result, w);
        TensorPrimitives.Multiply(w, T.CreateTruncating(-2), w);
    }
}
