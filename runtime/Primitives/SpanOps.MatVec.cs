using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Matrix-vector product <c>result = A x</c>, <c>A</c> row-major <c>m x n</c>.</summary>
    /// <param name="a">The matrix, <c>m * n</c> elements, row-major.</param>
    /// <param name="x">The vector, <paramref name="n"/> elements.</param>
    /// <param name="m">Rows of <c>A</c>.</param>
    /// <param name="n">Columns of <c>A</c>.</param>
    /// <param name="result">Output, <paramref name="m"/> elements; must not overlap the inputs.</param>
    public static void MatVec<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, int m, int n, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatVec(a, x, m, n);
        RequireLength<T>(result, m, nameof(result));
        RequireDisjoint<T>(result, a, nameof(result), nameof(a));
        RequireDisjoint<T>(result, x, nameof(result), nameof(x));
        for (int i = 0; i < m; i++)
        {
            result[i] = TensorPrimitives.Dot(a.Slice(i * n, n), x);
        }
    }

    /// <summary>
    /// Pullback of <see cref="MatVec{T}"/>: <c>da += dresult xᵀ</c>, <c>dx += Aᵀ dresult</c>.
    /// </summary>
    /// <param name="a">The matrix.</param>
    /// <param name="x">The vector.</param>
    /// <param name="m">Rows of <c>A</c>.</param>
    /// <param name="n">Columns of <c>A</c>.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(MatVec))]
    public static void MatVecPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, int m, int n, Span<T> result,
                                         ReadOnlySpan<T> dresult, Span<T> da, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatVec(a, x, m, n);
        RequireLength<T>(result, m, nameof(result));
        RequireLength(dresult, m, nameof(dresult));
        bool activeA = IsActive(da, a.Length, nameof(da));
        bool activeX = IsActive(dx, n, nameof(dx));
        RequireShadowDisjoint<T>(da, nameof(da), a, x, dresult, default);
        RequireShadowDisjoint<T>(dx, nameof(dx), a, x, dresult, default);
        if (!activeA && !activeX)
        {
            return;
        }

        for (int i = 0; i < m; i++)
        {
            T g = dresult[i];
            if (activeA)
            {
                Span<T> daRow = da.Slice(i * n, n);
                TensorPrimitives.MultiplyAdd(x, g, daRow, daRow);
            }

            if (activeX)
            {
                TensorPrimitives.MultiplyAdd(a.Slice(i * n, n), g, dx, dx);
            }
        }
    }

    /// <summary>
    /// Tangent of <see cref="MatVec{T}"/>: computes <paramref name="result"/> and <c>tresult = tA x + A tx</c>.
    /// </summary>
    /// <param name="a">The matrix.</param>
    /// <param name="x">The vector.</param>
    /// <param name="m">Rows of <c>A</c>.</param>
    /// <param name="n">Columns of <c>A</c>.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="ta">Tangent of <paramref name="a"/>; empty: zero.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(MatVec), Kind = DerivativeKind.Tangent)]
    public static void MatVecTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, int m, int n, Span<T> result,
                                        ReadOnlySpan<T> ta, ReadOnlySpan<T> tx, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatVec(a, x, m, n);
        bool activeA = IsActive(ta, a.Length, nameof(ta));
        bool activeX = IsActive(tx, n, nameof(tx));
        RequireLength<T>(tresult, m, nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), a, x, ta, tx);
        RequireDisjoint<T>(tresult, result, nameof(tresult), nameof(result));
        MatVec(a, x, m, n, result);
        for (int i = 0; i < m; i++)
        {
            tresult[i] = (activeA ? TensorPrimitives.Dot(ta.Slice(i * n, n), x) : T.Zero)
                         + (activeX ? TensorPrimitives.Dot(a.Slice(i * n, n), tx) : T.Zero);
        }
    }

    private static void RequireMatVec<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> x, int m, int n)
    {
        RequireLength(a, Product(m, n, nameof(m), nameof(n)), nameof(a));
        RequireLength(x, n, nameof(x));
    }
}
