using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="Mul{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Mul(ReadOnlySpan<Dual> a, ReadOnlySpan<Dual> b, Span<Dual> result)
        => BinaryDual<double>(MulTangent, DualSpans.Flat(a), DualSpans.Flat(b), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Mul{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Mul(ReadOnlySpan<DualF> a, ReadOnlySpan<DualF> b, Span<DualF> result)
        => BinaryDual<float>(MulTangent, DualSpans.Flat(a), DualSpans.Flat(b), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="Mul{T}"/>: its pullback over dual numbers, bilinear in the operands.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Mul))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MulPullback(ReadOnlySpan<Dual> a, ReadOnlySpan<Dual> b, Span<Dual> result,
                                  ReadOnlySpan<Dual> dresult, Span<Dual> da, Span<Dual> db)
        => BinaryPullbackDual<double>(MulPullback, bilinear: true, DualSpans.Flat(a), DualSpans.Flat(b), DualSpans.Flat(result),
                                     DualSpans.Flat(dresult), DualSpans.Flat(da), DualSpans.Flat(db));

    /// <summary>Second-order rule of <see cref="Mul{T}"/>: its pullback over dual numbers, bilinear in the operands.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Mul))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MulPullback(ReadOnlySpan<DualF> a, ReadOnlySpan<DualF> b, Span<DualF> result,
                                  ReadOnlySpan<DualF> dresult, Span<DualF> da, Span<DualF> db)
        => BinaryPullbackDual<float>(MulPullback, bilinear: true, DualSpans.Flat(a), DualSpans.Flat(b), DualSpans.Flat(result),
                                     DualSpans.Flat(dresult), DualSpans.Flat(da), DualSpans.Flat(db));
}
