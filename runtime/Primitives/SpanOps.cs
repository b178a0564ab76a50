using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DiffGen;

/// <summary>
/// Differentiable primitives over spans: each primitive's kernel sits beside its pullback and tangent,
/// which are registered with <see cref="DerivativeOfAttribute"/> exactly as user rules are (see
/// docs/custom-derivatives.md for the signatures and docs/span-primitives.md for the list).
/// </summary>
/// <remarks>
/// <para>All methods are generic over <c>T</c>; <see cref="double"/> and <see cref="float"/> take the
/// SIMD paths (<c>TensorPrimitives</c> for elementwise work, our own blocked kernel for
/// <see cref="MatMul{T}"/>), other IEEE types run the same code on scalar paths.</para>
/// <para>Outputs are <see cref="Span{T}"/> parameters, written without being read. An output must not
/// share memory with any span the method reads (<see cref="MemoryExtensions.Overlaps{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>):
/// the rules read the inputs after the primal wrote its outputs, so aliasing would silently corrupt
/// derivatives; it throws <see cref="ArgumentException"/> naming the output. Shadows may alias each
/// other (the same input passed twice gets the same shadow twice) but not a span the rule reads.</para>
/// <para>An empty shadow or input tangent means the input carries no derivative at the call site
/// (docs/custom-derivatives.md, "Empty means inactive"): a pullback skips that shadow's work, a tangent
/// rule treats the tangent as zero (all of them empty gives a zero output tangent). Any other shadow,
/// tangent, seed or output of the wrong length throws <see cref="ArgumentException"/> naming the
/// parameter; seeds and output tangents are never optional. Shadows are accumulated (<c>+=</c>), never
/// overwritten.</para>
/// </remarks>
public static partial class SpanOps
{
    /// <summary>Elements processed per chunk by the rules that need a scratch buffer on the stack.</summary>
    private const int ScratchLength = 256;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireLength<T>(ReadOnlySpan<T> span, int expected, string name)
    {
        if (span.Length != expected)
        {
            ThrowLength(name, span.Length, expected);
        }
    }

    /// <summary>
    /// Whether a shadow takes a contribution: false when it is empty (its input carries no derivative),
    /// otherwise true once its length is checked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsActive<T>(Span<T> shadow, int length, string name) => IsActive((ReadOnlySpan<T>)shadow, length, name);

    /// <summary>
    /// Whether an input tangent is nonzero: false when it is empty (a zero tangent), otherwise true once
    /// its length is checked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsActive<T>(ReadOnlySpan<T> tangent, int length, string name)
    {
        if (tangent.IsEmpty)
        {
            return false;
        }

        RequireLength(tangent, length, name);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireSameLength<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second, string secondName, string firstName)
    {
        if (second.Length != first.Length)
        {
            throw new ArgumentException(
                $"{secondName} has length {second.Length} but {firstName} has length {first.Length}; they must match.", secondName);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireDisjoint<T>(ReadOnlySpan<T> written, ReadOnlySpan<T> read, string writtenName, string readName)
    {
        if (written.Overlaps(read))
        {
            ThrowOverlap(writtenName, readName);
        }
    }

    /// <summary>Checks an elementwise binary primal: equal lengths, output disjoint from the operands.</summary>
    private static void RequireBinary<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> result, string resultName)
    {
        RequireSameLength(a, b, "b", "a");
        RequireLength(result, a.Length, resultName);
        RequireDisjoint(result, a, resultName, "a");
        RequireDisjoint(result, b, resultName, "b");
    }

    /// <summary>Checks an elementwise unary primal: output the input's length and disjoint from it.</summary>
    private static void RequireUnary<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, string resultName)
    {
        RequireLength(result, x.Length, resultName);
        RequireDisjoint(result, x, resultName, "x");
    }

    /// <summary>
    /// Checks an elementwise unary pullback: lengths, and the shadow disjoint from what the rule reads.
    /// Returns whether <paramref name="dx"/> is active (non-empty).
    /// </summary>
    private static bool RequireUnaryPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, ReadOnlySpan<T> dx)
    {
        RequireLength(result, x.Length, "result");
        RequireLength(dresult, x.Length, "dresult");
        bool active = IsActive(dx, x.Length, "dx");
        RequireShadowDisjoint(dx, "dx", x, result, dresult, default);
        return active;
    }

    /// <summary>
    /// Checks an elementwise unary tangent: lengths, and the tangent output disjoint from everything read.
    /// Returns whether <paramref name="tx"/> is active (non-empty); when it is not, clears
    /// <paramref name="tresult"/> (a zero tangent in gives a zero tangent out).
    /// </summary>
    private static bool RequireUnaryTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> result, ReadOnlySpan<T> tx, Span<T> tresult)
    {
        bool active = IsActive(tx, x.Length, "tx");
        RequireLength<T>(tresult, x.Length, "tresult");
        RequireShadowDisjoint<T>(tresult, "tresult", x, result, tx, default);
        if (!active)
        {
            tresult.Clear();
        }

        return active;
    }

    /// <summary><c>destination[i] += values[i]</c> where <c>x[i] &gt; 0</c> (the rectifier's derivative, 0 at 0).</summary>
    private static void MaskedAccumulate<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> values, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && x.Length >= Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> xv = MemoryMarshal.Cast<T, Vector<T>>(x);
            ReadOnlySpan<Vector<T>> vv = MemoryMarshal.Cast<T, Vector<T>>(values);
            Span<Vector<T>> dv = MemoryMarshal.Cast<T, Vector<T>>(destination);
            for (int v = 0; v < xv.Length; v++)
            {
                dv[v] += Vector.ConditionalSelect(Vector.GreaterThan(xv[v], Vector<T>.Zero), vv[v], Vector<T>.Zero);
            }

            i = xv.Length * Vector<T>.Count;
        }

        for (; i < x.Length; i++)
        {
            if (x[i] > T.Zero)
            {
                destination[i] += values[i];
            }
        }
    }

    /// <summary>
    /// Checks an elementwise binary pullback: lengths, and shadows disjoint from what the rule reads.
    /// Returns which shadows are active (non-empty).
    /// </summary>
    private static (bool A, bool B) RequireBinaryPullback<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> result,
                                                             ReadOnlySpan<T> dresult, ReadOnlySpan<T> da, ReadOnlySpan<T> db)
    {
        RequireSameLength(a, b, "b", "a");
        RequireLength(result, a.Length, "result");
        RequireLength(dresult, a.Length, "dresult");
        bool activeA = IsActive(da, a.Length, "da");
        bool activeB = IsActive(db, a.Length, "db");
        RequireShadowDisjoint(da, "da", a, b, result, dresult);
        RequireShadowDisjoint(db, "db", a, b, result, dresult);
        return (activeA, activeB);
    }

    /// <summary>
    /// Checks an elementwise binary tangent: lengths, and the tangent output disjoint from everything read.
    /// Returns which input tangents are active (non-empty); when neither is, clears <paramref name="tresult"/>.
    /// </summary>
    private static (bool A, bool B) RequireBinaryTangent<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> result,
                                                            ReadOnlySpan<T> ta, ReadOnlySpan<T> tb, Span<T> tresult)
    {
        RequireSameLength(a, b, "b", "a");
        bool activeA = IsActive(ta, a.Length, "ta");
        bool activeB = IsActive(tb, a.Length, "tb");
        RequireLength<T>(tresult, a.Length, "tresult");
        RequireShadowDisjoint<T>(tresult, "tresult", a, b, ta, tb);
        RequireDisjoint<T>(tresult, result, "tresult", "result");
        if (!activeA && !activeB)
        {
            tresult.Clear();
        }

        return (activeA, activeB);
    }

    /// <summary>
    /// Checks that a written span (shadow or tangent output) overlaps none of four spans the rule reads
    /// (an empty span overlaps nothing, so inactive shadows and tangents pass).
    /// </summary>
    private static void RequireShadowDisjoint<T>(ReadOnlySpan<T> written, string name, ReadOnlySpan<T> r0,
                                                 ReadOnlySpan<T> r1, ReadOnlySpan<T> r2, ReadOnlySpan<T> r3)
    {
        if (written.Overlaps(r0) || written.Overlaps(r1) || written.Overlaps(r2) || written.Overlaps(r3))
        {
            throw new ArgumentException(
                $"{name} overlaps a span the rule reads: a span a primitive writes must not share memory with a span it reads.", name);
        }
    }

    private static void ThrowLength(string name, int actual, int expected)
        => throw new ArgumentException($"{name} has length {actual}; expected {expected}.", name);

    private static void ThrowOverlap(string writtenName, string readName)
        => throw new ArgumentException(
            $"{writtenName} overlaps {readName}: a span a primitive writes must not share memory with a span it reads.", writtenName);

    private static void RequireNonEmpty<T>(ReadOnlySpan<T> span, string name)
    {
        if (span.IsEmpty)
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
    }

    private static void RequireDimensions(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
        }
    }

    private static int Product(int rows, int columns, string rowsName, string columnsName)
    {
        RequireDimensions(rows, rowsName);
        RequireDimensions(columns, columnsName);
        long size = (long)rows * columns;
        if (size > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(columnsName, $"{rowsName} x {columnsName} exceeds the largest span length.");
        }

        return (int)size;
    }

    private static T Count<T>(int n)
        where T : INumberBase<T> => T.CreateChecked(n);

    /// <summary>
    /// The partial derivative g = f'(x) of an elementwise primitive y = f(x) whose derivative is a function
    /// of its result (tanh: 1 - y², sigmoid: y - y²), written once and used by both the pullback and the tangent.
    /// </summary>
    private delegate void PartialFromResult<T>(ReadOnlySpan<T> result, Span<T> partial);

    /// <summary><c>dx += dresult · g(result)</c>, through a stack scratch buffer.</summary>
    private static void AccumulateThroughPartial<T>(ReadOnlySpan<T> result, ReadOnlySpan<T> dresult, Span<T> dx, PartialFromResult<T> partial)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> scratch = stackalloc T[ScratchLength];
        for (int start = 0; start < result.Length; start += ScratchLength)
        {
            int len = Math.Min(ScratchLength, result.Length - start);
            Span<T> g = scratch[..len];
            partial(result.Slice(start, len), g);
            TensorPrimitives.MultiplyAdd(dresult.Slice(start, len), g, dx.Slice(start, len), dx.Slice(start, len));
        }
    }

    /// <summary><c>tresult = tx · g(result)</c>.</summary>
    private static void TangentThroughPartial<T>(ReadOnlySpan<T> result, ReadOnlySpan<T> tx, Span<T> tresult, PartialFromResult<T> partial)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        partial(result, tresult);
        TensorPrimitives.Multiply(tresult, tx, tresult);
    }
}
