using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Elementwise quotient: <c>result[i] = a[i] / b[i]</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand, the length of <paramref name="a"/>.</param>
    /// <param name="result">Output, the length of <paramref name="a"/>; must not overlap the operands.</param>
    public static void Div<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireBinary(a, b, result, nameof(result));
        TensorPrimitives.Divide(a, b, result);
    }

    /// <summary>Pullback of <see cref="Div{T}"/>: <c>da += dresult / b</c>, <c>db -= dresult result / b</c> (reads <paramref name="result"/>, so the primal must have run).</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Div))]
    public static void DivPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                      ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryPullback(a, b, result, dresult, da, db);
        if (!activeA && !activeB)
        {
            return;
        }

        // Chunked through a stack scratch so the quotient dresult / b is computed once.
        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < a.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, a.Length - start);
            Span<T> q = scratch[..len];
            TensorPrimitives.Divide(dresult.Slice(start, len), b.Slice(start, len), q);
            if (activeA)
            {
                TensorPrimitives.Add(da.Slice(start, len), q, da.Slice(start, len));
            }

            if (activeB)
            {
                TensorPrimitives.Multiply(q, result.Slice(start, len), q);
                TensorPrimitives.Subtract(db.Slice(start, len), q, db.Slice(start, len));
            }
        }
    }

    /// <summary>Tangent of <see cref="Div{T}"/>: computes <paramref name="result"/> and <c>tresult = (ta - result tb) / b</c>.</summary>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="ta">Tangent of <paramref name="a"/>; empty: zero.</param>
    /// <param name="tb">Tangent of <paramref name="b"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Div), Kind = DerivativeKind.Tangent)]
    public static void DivTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result,
                                     ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (bool activeA, bool activeB) = RequireBinaryTangent(a, b, result, ta, tb, tresult);
        Div(a, b, result);
        if (activeB)
        {
            TensorPrimitives.Multiply(result, tb, tresult);
            if (activeA)
            {
                TensorPrimitives.Subtract(ta, tresult, tresult);
            }
            else
            {
                TensorPrimitives.Negate(tresult, tresult);
            }

            TensorPrimitives.Divide(tresult, b, tresult);
        }
        else if (activeA)
        {
            TensorPrimitives.Divide(ta, b, tresult);
        }
    }
}
