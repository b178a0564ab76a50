using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Adds a bias to every row of a row-major matrix: <c>result[r * c + j] = x[r * c + j] + bias[j]</c>,
    /// where <c>c = bias.Length</c> and the number of rows is <c>x.Length / c</c> (the affine layer's
    /// broadcast after <see cref="MatMul{T}"/>).
    /// </summary>
    /// <param name="x">Input, <c>rows * bias.Length</c> elements.</param>
    /// <param name="bias">One value per column; not empty.</param>
    /// <param name="result">Output, the length of <paramref name="x"/>; must not overlap the inputs.</param>
    public static void AddBias<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireAddBias(x, bias);
        RequireLength<T>(result, x.Length, nameof(result));
        RequireDisjoint<T>(result, x, nameof(result), nameof(x));
        RequireDisjoint<T>(result, bias, nameof(result), nameof(bias));
        BroadcastRows(x, bias, result);
    }

    /// <summary>
    /// Pullback of <see cref="AddBias{T}"/>: <c>dx += dresult</c> and <c>dbias[j] += sum_r dresult[r * c + j]</c>.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="bias">Bias.</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dbias">Shadow of <paramref name="bias"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(AddBias))]
    public static void AddBiasPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias, Span<T> result,
                                          ReadOnlySpan<T> dresult, Span<T> dx, Span<T> dbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireAddBias(x, bias);
        RequireLength<T>(result, x.Length, nameof(result));
        RequireLength(dresult, x.Length, nameof(dresult));
        bool activeX = IsActive(dx, x.Length, nameof(dx));
        bool activeBias = IsActive(dbias, bias.Length, nameof(dbias));
        RequireShadowDisjoint(dx, nameof(dx), x, bias, result, dresult);
        RequireShadowDisjoint(dbias, nameof(dbias), x, bias, result, dresult);
        if (activeX) TensorPrimitives.Add(dx, dresult, dx);
        if (activeBias)
        {
            int columns = bias.Length;
            for (int row = 0; row < x.Length; row += columns)
            {
                TensorPrimitives.Add(dbias, dresult.Slice(row, columns), dbias);
            }
        }
    }

    /// <summary>
    /// Tangent of <see cref="AddBias{T}"/>: computes <paramref name="result"/> and
    /// <c>tresult[r * c + j] = tx[r * c + j] + tbias[j]</c>.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="bias">Bias.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tbias">Tangent of <paramref name="bias"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(AddBias), Kind = DerivativeKind.Tangent)]
    public static void AddBiasTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias, Span<T> result,
                                         ReadOnlySpan<T> tx, ReadOnlySpan<T> tbias, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireAddBias(x, bias);
        bool activeX = IsActive(tx, x.Length, nameof(tx));
        bool activeBias = IsActive(tbias, bias.Length, nameof(tbias));
        RequireLength<T>(tresult, x.Length, nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), x, bias, tx, tbias);
        RequireDisjoint<T>(tresult, result, nameof(tresult), nameof(result));
        AddBias(x, bias, result);
        if (activeX && activeBias) BroadcastRows(tx, tbias, tresult);
        else if (activeX) tx.CopyTo(tresult);
        else if (activeBias) BroadcastRows(default, tbias, tresult);
        else tresult.Clear();
    }

    /// <summary><c>result = x + bias</c> row by row; an empty <paramref name="x"/> stands for zeros.</summary>
    private static void BroadcastRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int columns = bias.Length;
        for (int row = 0; row < result.Length; row += columns)
        {
            if (x.IsEmpty) bias.CopyTo(result.Slice(row, columns));
            else TensorPrimitives.Add(x.Slice(row, columns), bias, result.Slice(row, columns));
        }
    }

    private static void RequireAddBias<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias)
    {
        if (bias.IsEmpty) throw new ArgumentException("bias is empty; it needs one value per column.", nameof(bias));
        if (x.Length % bias.Length != 0)
        {
            throw new ArgumentException(
                $"x has length {x.Length}, which is not a whole number of rows of bias.Length = {bias.Length} columns.", nameof(x));
        }
    }
}
