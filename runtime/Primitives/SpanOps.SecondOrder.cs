using System;
using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

/// <summary>
/// Second-order rules of the span primitives. A primitive's second-order rule is its primal and its pullback
/// over <see cref="Dual"/> and <see cref="DualF"/> spans, overloads written beside its first-order rules
/// (<c>SpanOps.X.Dual.cs</c>; the pullback carries the same <c>[DerivativeOf]</c>): <c>{M}HessianVector</c> runs the
/// reverse sweep over dual numbers and calls them where the gradient calls the primal and the pullback. Each is a
/// few calls of the first-order kernels on the values and tangents: the primal's tangent is the tangent rule; the
/// pullback's tangent is the pullback of the seed's tangent plus, for a nonlinear primitive, the pullback's own
/// derivative along the inputs' tangents (for a bilinear one, the pullback with one input replaced by its tangent).
/// Piecewise-linear primitives (relu) have no second term: at a kink the tangent follows the gradient's rule.
/// </summary>
public static partial class SpanOps
{
    private delegate void BinaryTangentRule<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result, ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult);

    private delegate void BinaryPullbackRule<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result, ReadOnlySpan<T> dresult, Span<T> da, Span<T> db);

    private delegate void UnaryTangentRule<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult);

    private delegate void UnaryPullbackRule<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx);

    /// <summary>Multiplies <paramref name="w"/> by f''(x) / f'(x), read from the input and the output.</summary>
    private delegate void CurvatureRule<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, Span<T> w);

    /// <summary>An elementwise binary primitive over interleaved dual spans: its tangent rule on the parts.</summary>
    private static void BinaryDual<T>(BinaryTangentRule<T> tangent, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var pa = DualParts<T>.Of(a);
        using var pb = DualParts<T>.Of(b);
        using var pr = DualParts<T>.Zeros(result.Length / 2);
        tangent(pa.Values, pb.Values, pr.Values, pa.Tangents, pb.Tangents, pr.Tangents);
        pr.WriteTo(result);
    }

    /// <summary>
    /// The pullback of a binary primitive over interleaved dual spans: the pullback of the seed's values and of its
    /// tangents and, when <paramref name="bilinear"/>, the pullback with each input replaced by its tangent (the
    /// derivative of a bilinear pullback along the other input). Linear primitives pass false.
    /// </summary>
    private static void BinaryPullbackDual<T>(BinaryPullbackRule<T> pullback, bool bilinear, ReadOnlySpan<T> a, ReadOnlySpan<T> b,
                                              ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> da, Span<T> db)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var pa = DualParts<T>.Of(a);
        using var pb = DualParts<T>.Of(b);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pda = DualParts<T>.Zeros(da.Length / 2);
        using var pdb = DualParts<T>.Zeros(db.Length / 2);
        pullback(pa.Values, pb.Values, pr.Values, pg.Values, pda.Values, pdb.Values);
        if (!pg.Tangents.IsEmpty)
        {
            pullback(pa.Values, pb.Values, pr.Values, pg.Tangents, pda.Tangents, pdb.Tangents);
        }

        if (bilinear && !pb.Tangents.IsEmpty && !pda.Values.IsEmpty)
        {
            pullback(pa.Values, pb.Tangents, pr.Values, pg.Values, pda.Tangents, default);
        }

        if (bilinear && !pa.Tangents.IsEmpty && !pdb.Values.IsEmpty)
        {
            pullback(pa.Tangents, pb.Values, pr.Values, pg.Values, default, pdb.Tangents);
        }

        pda.AddTo(da);
        pdb.AddTo(db);
    }

    /// <summary>An elementwise unary primitive over interleaved dual spans: its tangent rule on the parts.</summary>
    private static void UnaryDual<T>(UnaryTangentRule<T> tangent, ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Zeros(result.Length / 2);
        tangent(px.Values, pr.Values, px.Tangents, pr.Tangents);
        pr.WriteTo(result);
    }

    /// <summary>
    /// The pullback <c>dx += f'(x) g</c> of an elementwise primitive over interleaved dual spans: its tangent is
    /// <c>f'(x) ġ + f''(x) ẋ g</c>, the pullback of ġ plus the pullback of <c>(f''/f')(x) ẋ g</c>.
    /// </summary>
    private static void UnaryPullbackDual<T>(UnaryPullbackRule<T> pullback, CurvatureRule<T> curvature, ReadOnlySpan<T> x,
                                             ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var px = DualParts<T>.Of(x);
        using var pr = DualParts<T>.Of(result);
        using var pg = DualParts<T>.Of(dresult);
        using var pdx = DualParts<T>.Zeros(dx.Length / 2);
        pullback(px.Values, pr.Values, pg.Values, pdx.Values);
        if (pdx.Values.IsEmpty)
        {
            return;
        }

        if (!pg.Tangents.IsEmpty)
        {
            pullback(px.Values, pr.Values, pg.Tangents, pdx.Tangents);
        }

        if (!px.Tangents.IsEmpty)
        {
            T[] rented = ArrayPool<T>.Shared.Rent(px.Values.Length);
            Span<T> w = rented.AsSpan(0, px.Values.Length);
            TensorPrimitives.Multiply<T>(px.Tangents, pg.Values, w);
            curvature(px.Values, pr.Values, w);
            pullback(px.Values, pr.Values, w, pdx.Tangents);
            ArrayPool<T>.Shared.Return(rented);
        }

        pdx.AddTo(dx);
    }
}
