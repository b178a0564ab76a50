using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise difference: <c>result[i] = a[i] - b[i]</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand, the length of <paramref name="a"/>.</param>
    /// <param name="result">Output, the length of <paramref name="a"/>; must not overlap the operands.</param>
    public static void Sub<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireBinary(a, b, result, nameof(result));
        TensorPrimitives.Subtract(a, b, result);
    }

    /// <summary>Pullback of <see cref="Sub{T}"/>: <c>da += dresult</c>, <c>db -= dresult</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Sub))]
    public static void SubPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                      ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryPullback(a, b, result, dresult, da, db);
        SumPullback(dresult, da, db, activeA, activeB, subtract: true);
    }

    /// <summary>Tangent of <see cref="Sub{T}"/>: computes <paramref name="result"/> and <c>tresult = ta - tb</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="ta">Tangent of <paramref name="a"/>; empty: zero.</param>
    /// <param name="tb">Tangent of <paramref name="b"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Sub), Kind = DerivativeKind.Tangent)]
    public static void SubTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                     ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryTangent(a, b, result, ta, tb, tresult);
        Sub(a, b, result);
        SumTangent(ta, tb, tresult, activeA, activeB, subtract: true);
    }
}
