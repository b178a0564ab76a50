using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// <c>result = alpha x + y</c> (BLAS axpy written to a separate output).
    /// </summary>
    /// <remarks>
    /// BLAS updates <c>y</c> in place; here <paramref name="y"/> is an input and the sum goes to
    /// <paramref name="result"/>, because a primitive's outputs are written without being read and its
    /// rules read the inputs after the primal ran (docs/custom-derivatives.md). An in-place update would
    /// destroy the <c>y</c> the tangent and the caller's adjoint need. <paramref name="result"/> must not
    /// overlap <paramref name="x"/> or <paramref name="y"/>.
    /// </remarks>
    /// <param name="alpha">Scale of <paramref name="x"/>.</param>
    /// <param name="x">Vector scaled by <paramref name="alpha"/>.</param>
    /// <param name="y">Vector added, the length of <paramref name="x"/>.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>.</param>
    public static void Axpy<T>(T alpha, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        RequireLength<T>(result, x.Length, nameof(result));
        RequireDisjoint<T>(result, x, nameof(result), nameof(x));
        RequireDisjoint<T>(result, y, nameof(result), nameof(y));
        TensorPrimitives.MultiplyAdd(x, alpha, y, result);
    }

    /// <summary>
    /// Pullback of <see cref="Axpy{T}"/>: <c>dalpha += dresult·x</c>, <c>dx += alpha dresult</c>,
    /// <c>dy += dresult</c>.
    /// </summary>
    /// <param name="alpha">Scale of <paramref name="x"/>.</param>
    /// <param name="x">Vector scaled by <paramref name="alpha"/>.</param>
    /// <param name="y">Vector added.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dalpha">Shadow of <paramref name="alpha"/> (accumulated).</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dy">Shadow of <paramref name="y"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(Axpy))]
    public static void AxpyPullback<T>(T alpha, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result,
                                       ReadOnlySpan<T> dresult, ref T dalpha, Span<T> dx, Span<T> dy)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameLength(x, y, nameof(y), nameof(x));
        RequireLength<T>(result, x.Length, nameof(result));
        RequireLength(dresult, x.Length, nameof(dresult));
        bool activeX = IsActive(dx, x.Length, nameof(dx));
        bool activeY = IsActive(dy, x.Length, nameof(dy));
        RequireDisjoint<T>(dx, x, nameof(dx), nameof(x));
        RequireDisjoint<T>(dx, dresult, nameof(dx), nameof(dresult));
        RequireDisjoint<T>(dy, dresult, nameof(dy), nameof(dresult));
        RequireDisjoint<T>(dy, x, nameof(dy), nameof(x));
        dalpha += TensorPrimitives.Dot(dresult, x);
        if (activeX)
        {
            TensorPrimitives.MultiplyAdd(dresult, alpha, dx, dx);
        }

        if (activeY)
        {
            TensorPrimitives.Add(dy, dresult, dy);
        }
    }

    /// <summary>
    /// Tangent of <see cref="Axpy{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult = talpha x + alpha tx + ty</c>.
    /// </summary>
    /// <param name="alpha">Scale of <paramref name="x"/>.</param>
    /// <param name="x">Vector scaled by <paramref name="alpha"/>.</param>
    /// <param name="y">Vector added.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="talpha">Tangent of <paramref name="alpha"/>.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="ty">Tangent of <paramref name="y"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(Axpy), Kind = DerivativeKind.Tangent)]
    public static void AxpyTangent<T>(T alpha, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result,
                                      T talpha, ReadOnlySpan<T> tx, ReadOnlySpan<T> ty, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool activeX = IsActive(tx, x.Length, nameof(tx));
        bool activeY = IsActive(ty, x.Length, nameof(ty));
        RequireLength<T>(tresult, x.Length, nameof(tresult));
        RequireDisjoint<T>(tresult, x, nameof(tresult), nameof(x));
        RequireDisjoint<T>(tresult, y, nameof(tresult), nameof(y));
        RequireDisjoint<T>(tresult, tx, nameof(tresult), nameof(tx));
        RequireDisjoint<T>(tresult, ty, nameof(tresult), nameof(ty));
        RequireDisjoint<T>(tresult, result, nameof(tresult), nameof(result));
        Axpy(alpha, x, y, result);
        if (activeX && activeY)
        {
            TensorPrimitives.MultiplyAdd(tx, alpha, ty, tresult);
        }
        else if (activeX)
        {
            TensorPrimitives.Multiply(tx, alpha, tresult);
        }
        else if (activeY)
        {
            ty.CopyTo(tresult);
        }
        else
        {
            tresult.Clear();
        }

        TensorPrimitives.MultiplyAdd(x, talpha, tresult, tresult);
    }
}
