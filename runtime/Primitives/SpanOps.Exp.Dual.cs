using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Exp{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Exp(ReadOnlySpan<Dual> x, Span<Dual> result)
        => UnaryDual<double>(ExpTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Exp{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Exp(ReadOnlySpan<DualF> x, Span<DualF> result)
        => UnaryDual<float>(ExpTangent, DualSpans.Flat(x), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Exp{T}"/>: its pullback over dual numbers (exp'' / exp' = 1).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Exp))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ExpPullback(ReadOnlySpan<Dual> x, Span<Dual> result, ReadOnlySpan<Dual> dresult, Span<Dual> dx)
        => UnaryPullbackDual<double>(ExpPullback, ExpCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>Second-order rule of <see cref="Exp{T}"/>: its pullback over dual numbers (exp'' / exp' = 1).</summary>
    /// <param name="x">Input.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Exp))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void ExpPullback(ReadOnlySpan<DualF> x, Span<DualF> result, ReadOnlySpan<DualF> dresult, Span<DualF> dx)
        => UnaryPullbackDual<float>(ExpPullback, ExpCurvature, DualSpans.Flat(x), DualSpans.Flat(result), DualSpans.Flat(dresult), DualSpans.Flat(dx));

    /// <summary>f''/f' of exp: exp'' / exp' = 1.</summary>
    private static void ExpCurvature<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, Span<T> w)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // exp'' = exp': the pullback of ẋ g as it is.
    }
}
