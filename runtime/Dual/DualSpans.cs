using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
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
        int length = flat.Length / 2;
        var parts = Rent(length);
        if (length == 0)
        {
            return parts;
        }

        // Unchecked refs: the loops run once per element of every dual span a rule reads, so bounds checks show.
        ref T source = ref MemoryMarshal.GetReference(flat);
        ref T values = ref MemoryMarshal.GetReference(parts.Values);
        ref T tangents = ref MemoryMarshal.GetReference(parts.Tangents);
        bool anyTangent = false;
        for (nint i = 0; i < length; i++)
        {
            Unsafe.Add(ref values, i) = Unsafe.Add(ref source, 2 * i);
            T tangent = Unsafe.Add(ref source, 2 * i + 1);
            Unsafe.Add(ref tangents, i) = tangent;
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
        if (Values.IsEmpty)
        {
            return;
        }

        RequireFlatLength(flat);
        ref T target = ref MemoryMarshal.GetReference(flat);
        ref T values = ref MemoryMarshal.GetReference(Values);
        ref T tangents = ref MemoryMarshal.GetReference(Tangents);
        for (nint i = 0; i < Values.Length; i++)
        {
            Unsafe.Add(ref target, 2 * i) += Unsafe.Add(ref values, i);
            Unsafe.Add(ref target, 2 * i + 1) += Unsafe.Add(ref tangents, i);
        }
    }

    /// <summary>Writes the values and tangents (zeros where <see cref="Tangents"/> is empty) to <paramref name="flat"/>.</summary>
    public readonly void WriteTo(Span<T> flat)
    {
        if (Values.IsEmpty)
        {
            return;
        }

        RequireFlatLength(flat);
        bool zero = Tangents.IsEmpty;
        ref T target = ref MemoryMarshal.GetReference(flat);
        ref T values = ref MemoryMarshal.GetReference(Values);
        ref T tangents = ref MemoryMarshal.GetReference(Tangents);
        for (nint i = 0; i < Values.Length; i++)
        {
            Unsafe.Add(ref target, 2 * i) = Unsafe.Add(ref values, i);
            Unsafe.Add(ref target, 2 * i + 1) = zero ? T.Zero : Unsafe.Add(ref tangents, i);
        }
    }

    private readonly void RequireFlatLength(Span<T> flat)
    {
        if (flat.Length != 2 * Values.Length)
        {
            throw new ArgumentException($"The span of dual numbers has {flat.Length / 2} elements; the rule computed {Values.Length}.", nameof(flat));
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
