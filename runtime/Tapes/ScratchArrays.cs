using System;
using System.ComponentModel;

namespace DiffGen;

/// <summary>
/// Exact-length scratch arrays reused across calls on the same thread, for generated reverse-mode code: the local
/// arrays of a <c>[Differentiable]</c> method and their adjoints are rented at the top of <c>{M}Gradient</c> and
/// returned at its end. A training step that allocates its activations with <c>new T[batch * width]</c> would
/// otherwise put every one of them on the large-object heap and pay for full collections.
/// </summary>
/// <remarks>A rented array is zeroed, exactly as <c>new T[length]</c>. Arrays are never shared between threads and
/// are only returned by the method that rented them, after its last use; an exception simply leaves them to the
/// garbage collector.</remarks>
/// <typeparam name="T">Element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScratchArrays<T> where T : unmanaged
{
    /// <summary>Shorter arrays are cheaper to allocate than to look up.</summary>
    private const int MinPooledLength = 1024;

    /// <summary>Arrays kept per thread and element type.</summary>
    private const int Capacity = 32;

    [ThreadStatic]
    private static T[]?[]? t_cache;

    /// <summary>A zeroed array of exactly <paramref name="length"/> elements.</summary>
    /// <param name="length">Number of elements (a negative length throws as <c>new T[length]</c> does).</param>
    /// <returns>The array.</returns>
    public static T[] Rent(int length)
    {
        if (length >= MinPooledLength && t_cache is { } cache)
        {
            for (int i = 0; i < cache.Length; i++)
            {
                if (cache[i] is { } array && array.Length == length)
                {
                    cache[i] = null;
                    Array.Clear(array);
                    return array;
                }
            }
        }

        return new T[length];
    }

    /// <summary>Gives back an array from <see cref="Rent"/> once nothing reads it any more; null is ignored.</summary>
    /// <param name="array">The array.</param>
    public static void Return(T[]? array)
    {
        if (array is null || array.Length < MinPooledLength) return;
        var cache = t_cache ??= new T[Capacity][];
        int free = -1;
        for (int i = 0; i < cache.Length; i++)
        {
            if (ReferenceEquals(cache[i], array)) return; // Returned twice (two locals named it): keep one copy.
            if (free < 0 && cache[i] is null) free = i;
        }

        if (free >= 0) cache[free] = array;
    }
}
