using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Matrix product <c>result = op(A) op(B)</c>, row-major, where op(A) is <c>m x k</c> and op(B) is
    /// <c>k x n</c>. A is stored <c>m x k</c>, or <c>k x m</c> when <paramref name="transposeA"/> (then
    /// op(A) = Aᵀ); B is stored <c>k x n</c>, or <c>n x k</c> when <paramref name="transposeB"/>.
    /// </summary>
    /// <remarks>
    /// A blocked, packed SIMD kernel (AVX-512 or AVX2 with FMA), in parallel over row blocks for large
    /// products; every transpose variant runs at the same speed. Tiny products use a scalar loop.
    /// </remarks>
    /// <param name="a">A, <c>m * k</c> elements.</param>
    /// <param name="b">B, <c>k * n</c> elements.</param>
    /// <param name="m">Rows of op(A) and of the result.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="n">Columns of op(B) and of the result.</param>
    /// <param name="transposeA">Whether A is stored transposed (<c>k x m</c>).</param>
    /// <param name="transposeB">Whether B is stored transposed (<c>n x k</c>).</param>
    /// <param name="result">Output, <c>m x n</c> row-major; must not overlap the inputs.</param>
    public static void MatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n,
                                 bool transposeA, bool transposeB, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatMul(a, b, m, k, n);
        RequireLength<T>(result, Product(m, n, nameof(m), nameof(n)), nameof(result));
        RequireDisjoint<T>(result, a, nameof(result), nameof(a));
        RequireDisjoint<T>(result, b, nameof(result), nameof(b));
        Gemm.Multiply(a, b, result, m, k, n, transposeA, transposeB, accumulate: false);
    }

    /// <summary>
    /// Pullback of <see cref="MatMul{T}"/>: with G = <paramref name="dresult"/>,
    /// <c>d op(A) += G op(B)ᵀ</c> and <c>d op(B) += op(A)ᵀ G</c>, each one call of the same kernel with
    /// the transposes that land it in A's and B's storage order.
    /// </summary>
    /// <param name="a">A.</param>
    /// <param name="b">B.</param>
    /// <param name="m">Rows of op(A).</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="n">Columns of op(B).</param>
    /// <param name="transposeA">Whether A is stored transposed.</param>
    /// <param name="transposeB">Whether B is stored transposed.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>, <c>m x n</c>.</param>
    /// <param name="da">Shadow of <paramref name="a"/> (accumulated), in A's storage order; empty: no derivative wanted.</param>
    /// <param name="db">Shadow of <paramref name="b"/> (accumulated), in B's storage order; empty: no derivative wanted.</param>
    [DerivativeOf(nameof(MatMul))]
    public static void MatMulPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n,
                                         bool transposeA, bool transposeB, Span<T> result,
                                         ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatMul(a, b, m, k, n);
        int mn = Product(m, n, nameof(m), nameof(n));
        RequireLength<T>(result, mn, nameof(result));
        RequireLength(dresult, mn, nameof(dresult));
        bool activeA = IsActive(da, a.Length, nameof(da));
        bool activeB = IsActive(db, b.Length, nameof(db));
        RequireShadowDisjoint<T>(da, nameof(da), a, b, dresult, default);
        RequireShadowDisjoint<T>(db, nameof(db), a, b, dresult, default);

        // A: d op(A) = G op(B)ᵀ (m x k). Stored k x m when transposed: dA = op(B) Gᵀ.
        if (activeA && transposeA)
        {
            Gemm.Multiply(b, dresult, da, k, n, m, transA: transposeB, transB: true, accumulate: true);
        }
        else if (activeA)
        {
            Gemm.Multiply(dresult, b, da, m, n, k, transA: false, transB: !transposeB, accumulate: true);
        }

        // B: d op(B) = op(A)ᵀ G (k x n). Stored n x k when transposed: dB = Gᵀ op(A).
        if (activeB && transposeB)
        {
            Gemm.Multiply(dresult, a, db, n, m, k, transA: true, transB: transposeA, accumulate: true);
        }
        else if (activeB)
        {
            Gemm.Multiply(a, dresult, db, k, m, n, transA: !transposeA, transB: false, accumulate: true);
        }
    }

    /// <summary>
    /// Tangent of <see cref="MatMul{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult = op(tA) op(B) + op(A) op(tB)</c>.
    /// </summary>
    /// <param name="a">A.</param>
    /// <param name="b">B.</param>
    /// <param name="m">Rows of op(A).</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="n">Columns of op(B).</param>
    /// <param name="transposeA">Whether A (and its tangent) is stored transposed.</param>
    /// <param name="transposeB">Whether B (and its tangent) is stored transposed.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="ta">Tangent of <paramref name="a"/>, in A's storage order; empty: zero.</param>
    /// <param name="tb">Tangent of <paramref name="b"/>, in B's storage order; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(MatMul), Kind = DerivativeKind.Tangent)]
    public static void MatMulTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n,
                                        bool transposeA, bool transposeB, Span<T> result,
                                        ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireMatMul(a, b, m, k, n);
        bool activeA = IsActive(ta, a.Length, nameof(ta));
        bool activeB = IsActive(tb, b.Length, nameof(tb));
        RequireLength<T>(tresult, Product(m, n, nameof(m), nameof(n)), nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), a, b, ta, tb);
        RequireDisjoint<T>(tresult, result, nameof(tresult), nameof(result));
        MatMul(a, b, m, k, n, transposeA, transposeB, result);
        if (activeA)
        {
            Gemm.Multiply(ta, b, tresult, m, k, n, transposeA, transposeB, accumulate: false);
        }

        if (activeB)
        {
            Gemm.Multiply(a, tb, tresult, m, k, n, transposeA, transposeB, accumulate: activeA);
        }
        else if (!activeA)
        {
            tresult.Clear();
        }
    }

    private static void RequireMatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n)
    {
        RequireLength(a, Product(m, k, nameof(m), nameof(k)), nameof(a));
        RequireLength(b, Product(k, n, nameof(k), nameof(n)), nameof(b));
    }
}
