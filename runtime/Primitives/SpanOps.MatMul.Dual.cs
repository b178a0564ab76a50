using System;
using System.ComponentModel;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>Second-order rule of <see cref="MatMul{T}"/>: the product over dual numbers, by <see cref="MatMulTangent{T}"/> on the values and tangents.</summary>
    /// <inheritdoc cref="MatMul{T}" path="/param"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatMul(ReadOnlySpan<Dual> a, ReadOnlySpan<Dual> b, int m, int k, int n, bool transposeA, bool transposeB, Span<Dual> result)
        => MatMulDual(DualSpans.Flat(a), DualSpans.Flat(b), m, k, n, transposeA, transposeB, DualSpans.Flat(result));

    /// <inheritdoc cref="MatMul(ReadOnlySpan{Dual}, ReadOnlySpan{Dual}, int, int, int, bool, bool, Span{Dual})"/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatMul(ReadOnlySpan<DualF> a, ReadOnlySpan<DualF> b, int m, int k, int n, bool transposeA, bool transposeB, Span<DualF> result)
        => MatMulDual(DualSpans.Flat(a), DualSpans.Flat(b), m, k, n, transposeA, transposeB, DualSpans.Flat(result));

    /// <summary>
    /// Second-order rule of <see cref="MatMul{T}"/>: its pullback over dual numbers. The pullback is bilinear, so its
    /// tangent is four calls of <see cref="MatMulPullback{T}"/>: on the seed's values and tangents, and with A or B
    /// replaced by its tangent (<c>d op(A)˙ = Ġ op(B)ᵀ + G op(Ḃ)ᵀ</c>, <c>d op(B)˙ = op(A)ᵀ Ġ + op(Ȧ)ᵀ G</c>).
    /// </summary>
    /// <inheritdoc cref="MatMulPullback{T}" path="/param"/>
    [DerivativeOf(nameof(MatMul))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatMulPullback(ReadOnlySpan<Dual> a, ReadOnlySpan<Dual> b, int m, int k, int n, bool transposeA, bool transposeB, Span<Dual> result,
                                      ReadOnlySpan<Dual> dresult, Span<Dual> da, Span<Dual> db)
        => MatMulPullbackDual(DualSpans.Flat(a), DualSpans.Flat(b), m, k, n, transposeA, transposeB, DualSpans.Flat(result),
                              DualSpans.Flat(dresult), DualSpans.Flat(da), DualSpans.Flat(db));

    /// <inheritdoc cref="MatMulPullback(ReadOnlySpan{Dual}, ReadOnlySpan{Dual}, int, int, int, bool, bool, Span{Dual}, ReadOnlySpan{Dual}, Span{Dual}, Span{Dual})"/>
    [DerivativeOf(nameof(MatMul))]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatMulPullback(ReadOnlySpan<DualF> a, ReadOnlySpan<DualF> b, int m, int k, int n, bool transposeA, bool transposeB, Span<DualF> result,
                                      ReadOnlySpan<DualF> dresult, Span<DualF> da, Span<DualF> db)
        => MatMulPullbackDual(DualSpans.Flat(a), DualSpans.Flat(b), m, k, n, transposeA, transposeB, DualSpans.Flat(result),
                              DualSpans.Flat(dresult), DualSpans.Flat(da), DualSpans.Flat(db));

    private static void MatMulDual<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n, bool transposeA, bool transposeB, Span<T> result)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var pa = DualParts<T>.Of(a);
        using var pb = DualParts<T>.Of(b);
        using var pr = DualParts<T>.Zeros(result.Length / 2);
        MatMulTangent(pa.Values, pb.Values, m, k, n, transposeA, transposeB, pr.Values, pa.Tangents, pb.Tangents, pr.Tangents);
        pr.WriteTo(result);
    }

    private static void MatMulPullbackDual<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int m, int k, int n, bool transposeA, bool transposeB,
                                              ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var pa = DualParts<T>.Of(a);
        using var pb = DualParts<T>.Of(b);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pda = DualParts<T>.Zeros(da.Length / 2);
        using var pdb = DualParts<T>.Zeros(db.Length / 2);
        MatMulPullback(pa.Values, pb.Values, m, k, n, transposeA, transposeB, pr.Values, pg.Values, pda.Values, pdb.Values);
        if (!pg.Tangents.IsEmpty)
        {
            MatMulPullback(pa.Values, pb.Values, m, k, n, transposeA, transposeB, pr.Values, pg.Tangents, pda.Tangents, pdb.Tangents);
        }

        if (!pb.Tangents.IsEmpty && !pda.Values.IsEmpty)
        {
            MatMulPullback(pa.Values, pb.Tangents, m, k, n, transposeA, transposeB, pr.Values, pg.Values, pda.Tangents, default);
        }

        if (!pa.Tangents.IsEmpty && !pdb.Values.IsEmpty)
        {
            MatMulPullback(pa.Tangents, pb.Values, m, k, n, transposeA, transposeB, pr.Values, pg.Values, default, pdb.Tangents);
        }

        pda.AddTo(da);
        pdb.AddTo(db);
    }
}
