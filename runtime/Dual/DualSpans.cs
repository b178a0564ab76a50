using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace DiffGen;

/// <summary>
/// Views of spans of dual numbers for the span primitives' second-order rules. A <see cref="Dual"/> is two
/// doubles (value, tangent) and a <see cref="DualF"/> two floats, so a span of them is an interleaved span of the
/// scalar type (<see cref="Flat(ReadOnlySpan{Dual})"/>); <see cref="DualParts{T}"/> splits one into a values span and
/// a tangents span, so a rule over dual numbers is a few calls of the existing kernels over the parts.
/// </summary>
internal static class DualSpans
{
    /// <summary>The values and tangents of <paramref name="x"/>, interleaved.</summary>
    public static ReadOnlySpan<double> Flat(ReadOnlySpan<Dual> x) => MemoryMarshal.Cast<Dual, double>(x);

    /// <inheritdoc cref="Flat(ReadOnlySpan{Dual})"/>
    public static Span<double> Flat(Span<Dual> x) => MemoryMarshal.Cast<Dual, double>(x);

    /// <inheritdoc cref="Flat(ReadOnlySpan{Dual})"/>
    public static ReadOnlySpan<float> Flat(ReadOnlySpan<DualF> x) => MemoryMarshal.Cast<DualF, float>(x);

    /// <inheritdoc cref="Flat(ReadOnlySpan{Dual})"/>
    public static Span<float> Flat(Span<DualF> x) => MemoryMarshal.Cast<DualF, float>(x);
}

/// <summary>
/// The values and tangents of an interleaved span of dual numbers in two rented buffers (returned by
/// <see cref="Dispose"/>). <see cref="Tangents"/> is empty when every tangent is zero, the span primitives'
/// convention for a zero tangent or an unwanted derivative, so a rule skips the kernel calls a zero would waste.
/// </summary>
internal ref struct DualParts<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[]? _rented;

    /// <summary>The values.</summary>
    public Span<T> Values;

    /// <summary>The tangents; empty when all are zero (<see cref="Of"/>) or the span is empty.</summary>
    public Span<T> Tangents;

    /// <summary>Splits <paramref name="flat"/> (value, tangent, value, tangent, ...).</summary>
    public static DualParts<T> Of(ReadOnlySpan<T> flat)
    {
        var parts = Rent(flat.Length / 2);
        bool anyTangent = false;
        for (int i = 0, j = 0; j < flat.Length; i++, j += 2)
        {
            parts.Values[i] = flat[j];
            T tangent = flat[j + 1];
            parts.Tangents[i] = tangent;
            anyTangent |= tangent != T.Zero;
        }

        if (!anyTangent)
        {
            parts.Tangents = default;
        }

        return parts;
    }

    /// <summary>
    /// Zeroed values and tangents of <paramref name="length"/> elements, for a shadow's increments (added to it by
    /// <see cref="AddTo"/>, so shadows that alias each other still receive every contribution); both empty when
    /// <paramref name="length"/> is 0, the primitives' "no derivative wanted".
    /// </summary>
    public static DualParts<T> Zeros(int length)
    {
        var parts = Rent(length);
        parts.Values.Clear();
        parts.Tangents.Clear();
        return parts;
    }

    /// <summary>Adds the values and tangents to <paramref name="flat"/>'s (nothing when this is empty).</summary>
    public readonly void AddTo(Span<T> flat)
    {
        for (int i = 0, j = 0; i < Values.Length; i++, j += 2)
        {
            flat[j] += Values[i];
            flat[j + 1] += Tangents[i];
        }
    }

    /// <summary>Writes the values and tangents (zeros where <see cref="Tangents"/> is empty) to <paramref name="flat"/>.</summary>
    public readonly void WriteTo(Span<T> flat)
    {
        bool zero = Tangents.IsEmpty;
        for (int i = 0, j = 0; i < Values.Length; i++, j += 2)
        {
            flat[j] = Values[i];
            flat[j + 1] = zero ? T.Zero : Tangents[i];
        }
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private static DualParts<T> Rent(int length)
    {
        if (length == 0)
        {
            return default;
        }

        var rented = ArrayPool<T>.Shared.Rent(2 * length);
        return new DualParts<T> { _rented = rented, Values = rented.AsSpan(0, length), Tangents = rented.AsSpan(length, length) };
    }
}
