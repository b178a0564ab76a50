using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise sum: <c>result[i] = a[i] + b[i]</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand, the length of <paramref name="a"/>.</param>
    /// <param name="result">Output, the length of <paramref name="a"/>; must not overlap the operands.</param>
    public static void Add<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireBinary(a, b, result, nameof(result));
        TensorPrimitives.Add(a, b, result);
    }

    /// <summary>Pullback of <see cref="Add{T}"/>: <c>da += dresult</c>, <c>db += dresult</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Add))]
    public static void AddPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                      ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryPullback(a, b, result, dresult, da, db);
        SumPullback(dresult, da, db, activeA, activeB, subtract: false);
    }

    /// <summary>Tangent of <see cref="Add{T}"/>: computes <paramref name="result"/> and <c>tresult = ta + tb</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="ta">Tangent of <paramref name="a"/>; empty: zero.</param>
    /// <param name="tb">Tangent of <paramref name="b"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Add), Kind = DerivativeKind.Tangent)]
    public static void AddTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                     ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryTangent(a, b, result, ta, tb, tresult);
        Add(a, b, result);
        SumTangent(ta, tb, tresult, activeA, activeB, subtract: false);
    }

    /// <summary>Pullback of <c>a ± b</c>, shared by Add and Sub: <c>da += dresult</c>, <c>db ±= dresult</c>.</summary>
    private static void SumPullback<T>(ReadOnlySpan<T> dresult, Span<T> da, Span<T> db, bool activeA, bool activeB, bool subtract)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activeA) TensorPrimitives.Add(da, dresult, da);
        if (activeB && subtract) TensorPrimitives.Subtract(db, dresult, db);
        else if (activeB) TensorPrimitives.Add(db, dresult, db);
    }

    /// <summary>Tangent of <c>a ± b</c>, shared by Add and Sub: <c>tresult = ta ± tb</c> (an empty tangent is zero).</summary>
    private static void SumTangent<T>(ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult, bool activeA, bool activeB, bool subtract)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activeA && activeB)
        {
            if (subtract) TensorPrimitives.Subtract(ta, tb, tresult);
            else TensorPrimitives.Add(ta, tb, tresult);
        }
        else if (activeA)
        {
            ta.CopyTo(tresult);
        }
        else if (activeB)
        {
            if (subtract) TensorPrimitives.Negate(tb, tresult);
            else tb.CopyTo(tresult);
        }
    }
}
