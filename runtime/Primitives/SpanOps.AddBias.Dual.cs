using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="AddBias{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">First operand.</param>
    /// <param name="bias">Second operand.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddBias(ReadOnlySpan<Dual> x, ReadOnlySpan<Dual> bias, Span<Dual> result)
        => BinaryDual<double>(AddBiasTangent, DualSpans.Flat(x), DualSpans.Flat(bias), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="AddBias{T}"/>: the primal over dual numbers, for <c>{M}HessianVector</c> (see the remarks of <c>SpanOps.SecondOrder.cs</c>).</summary>
    /// <param name="x">First operand.</param>
    /// <param name="bias">Second operand.</param>
    /// <param name="result">Output.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddBias(ReadOnlySpan<DualF> x, ReadOnlySpan<DualF> bias, Span<DualF> result)
        => BinaryDual<float>(AddBiasTangent, DualSpans.Flat(x), DualSpans.Flat(bias), DualSpans.Flat(result));

    /// <summary>Second-order rule of <see cref="AddBias{T}"/>: its pullback over dual numbers, linear in the operands.</summary>
    /// <param name="x">First operand.</param>
    /// <param name="bias">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dbias">Shadow of <paramref name="bias"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(AddBias))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddBiasPullback(ReadOnlySpan<Dual> x, ReadOnlySpan<Dual> bias, Span<Dual> result,
                                  ReadOnlySpan<Dual> dresult, Span<Dual> dx, Span<Dual> dbias)
        => BinaryPullbackDual<double>(AddBiasPullback, bilinear: false, DualSpans.Flat(x), DualSpans.Flat(bias), DualSpans.Flat(result),
                                     DualSpans.Flat(dresult), DualSpans.Flat(dx), DualSpans.Flat(dbias));

    /// <summary>Second-order rule of <see cref="AddBias{T}"/>: its pullback over dual numbers, linear in the operands.</summary>
    /// <param name="x">First operand.</param>
    /// <param name="bias">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dbias">Shadow of <paramref name="bias"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(AddBias))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddBiasPullback(ReadOnlySpan<DualF> x, ReadOnlySpan<DualF> bias, Span<DualF> result,
                                  ReadOnlySpan<DualF> dresult, Span<DualF> dx, Span<DualF> dbias)
        => BinaryPullbackDual<float>(AddBiasPullback, bilinear: false, DualSpans.Flat(x), DualSpans.Flat(bias), DualSpans.Flat(result),
                                     DualSpans.Flat(dresult), DualSpans.Flat(dx), DualSpans.Flat(dbias));
}
