using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// The stack on which generated reverse-mode code records what the adjoint sweep needs: values that
/// loops overwrite, and the sequence of straight-line segments taken. Starts on a caller-provided
/// (usually stack-allocated) buffer and moves to <see cref="ArrayPool{T}"/> memory only when that is
/// full, so straight-line and short code allocates nothing and long loops reuse pooled arrays.
/// </summary>
/// <typeparam name="T">The recorded element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct ValueTape<T>
{
    /// <summary>The longest run <see cref="PushAll"/> and <see cref="PopAll"/> copy element by element.</summary>
    private const int SmallCopy = 8;

    private Span<T> _items;
    private T[]? _rented;
    private int _count;

    /// <summary>Creates a tape that first fills <paramref name="initialBuffer"/>.</summary>
    public ValueTape(Span<T> initialBuffer)
    {
        _items = initialBuffer;
        _rented = null;
        _count = 0;
    }

    /// <summary>Number of recorded elements.</summary>
    public readonly int Count => _count;

    /// <summary>Records <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T value)
    {
        if ((uint)_count < (uint)_items.Length)
        {
            _items[_count++] = value;
            return;
        }
        GrowAndPush(value);
    }

    /// <summary>Removes and returns the most recently recorded element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop()
    {
        if (_count == 0) ThrowEmpty();
        return _items[--_count];
    }

    /// <summary>Records every element of <paramref name="values"/>, in order (one copy, not one push per element).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PushAll(ReadOnlySpan<T> values)
    {
        if (values.Length > _items.Length - _count) Grow(values.Length);
        var destination = _items.Slice(_count, values.Length);
        // A few elements (a small model's per-point buffers) copy faster element by element than through a memmove call.
        if (values.Length <= SmallCopy)
        {
            for (int i = 0; i < values.Length; i++) destination[i] = values[i];
        }
        else
        {
            values.CopyTo(destination);
        }
        _count += values.Length;
    }

    /// <summary>
    /// Removes the <paramref name="destination"/>.Length most recent elements and writes them back in
    /// the order <see cref="PushAll"/> recorded them: the inverse of <see cref="PushAll"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PopAll(Span<T> destination)
    {
        if (destination.Length > _count) ThrowEmpty();
        _count -= destination.Length;
        var source = _items.Slice(_count, destination.Length);
        if (destination.Length <= SmallCopy)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = source[i];
        }
        else
        {
            source.CopyTo(destination);
        }
    }

    /// <summary>Returns pooled memory. Safe to call more than once.</summary>
    public void Dispose()
    {
        T[]? rented = _rented;
        _rented = null;
        _items = default;
        _count = 0;
        if (rented is not null) ArrayPool<T>.Shared.Return(rented);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowAndPush(T value)
    {
        Grow(1);
        _items[_count++] = value;
    }

    /// <summary>Moves to a pooled array with room for at least <paramref name="extra"/> more elements.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int extra)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(Math.Max(64, _items.Length * 2), _count + extra));
        _items.Slice(0, _count).CopyTo(larger);
        if (_rented is not null) ArrayPool<T>.Shared.Return(_rented);
        _rented = larger;
        _items = larger;
    }

    private static void ThrowEmpty()
        => throw new InvalidOperationException("The reverse-mode tape is empty: the adjoint sweep read more than the primal sweep recorded.");
}
