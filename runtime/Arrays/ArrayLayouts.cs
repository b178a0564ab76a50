using System;
using System.Runtime.InteropServices;

namespace DiffGen;

/// <summary>
/// How generated code passes 2-D (<c>T[,]</c>) and jagged (<c>T[][]</c>) arrays to a method's derivative
/// bodies, which see every array as one run of elements in row-major order: a rectangular array is
/// viewed in place (its shadow too, so gradients accumulate into the caller's array), a jagged one is
/// copied into a flat array with the offset of each row (its shadow is added back row by row).
/// </summary>
public static class ArrayLayouts
{
    /// <summary>The elements of <paramref name="array"/> in row-major order, in place (<c>a[i, j]</c> is element <c>i * cols + j</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is null.</exception>
    public static Span<T> Flat<T>(T[,] array, string name)
    {
        if (array is null) throw new ArgumentNullException(name);
        return array.Length == 0 ? Span<T>.Empty : MemoryMarshal.CreateSpan(ref array[0, 0], array.Length);
    }

    /// <summary>The rows of <paramref name="array"/> one after the other, copied, and where each row starts (one more offset than rows: the last is the total).</summary>
    /// <exception cref="ArgumentException">A row is null.</exception>
    public static T[] Pack<T>(T[][] array, string name, out int[] offsets)
    {
        offsets = Offsets(array, name);
        var flat = new T[offsets[offsets.Length - 1]];
        for (int i = 0; i < array.Length; i++) array[i].AsSpan().CopyTo(flat.AsSpan(offsets[i]));
        return flat;
    }

    /// <summary>Adds the packed <paramref name="flat"/> (laid out by <see cref="Pack{T}(T[][], string, out int[])"/>) into the rows of <paramref name="array"/>.</summary>
    public static void AddUnpacked(ReadOnlySpan<double> flat, double[][] array)
    {
        int k = 0;
        foreach (var row in array)
            for (int j = 0; j < row.Length; j++) row[j] += flat[k++];
    }

    /// <inheritdoc cref="AddUnpacked(ReadOnlySpan{double}, double[][])"/>
    public static void AddUnpacked(ReadOnlySpan<float> flat, float[][] array)
    {
        int k = 0;
        foreach (var row in array)
            for (int j = 0; j < row.Length; j++) row[j] += flat[k++];
    }

    /// <summary>A rectangular array of <paramref name="rows"/> by <paramref name="columns"/> holding <paramref name="flat"/> (row-major): the flat form back in the caller's shape.</summary>
    public static T[,] Rectangular<T>(ReadOnlySpan<T> flat, int rows, int columns)
    {
        var array = new T[rows, columns];
        if (array.Length > 0) flat.Slice(0, array.Length).CopyTo(MemoryMarshal.CreateSpan(ref array[0, 0], array.Length));
        return array;
    }

    /// <summary>A jagged array whose row <c>i</c> holds <paramref name="flat"/> from <c>offsets[i]</c> to <c>offsets[i + 1]</c>.</summary>
    public static T[][] Jagged<T>(ReadOnlySpan<T> flat, ReadOnlySpan<int> offsets)
    {
        var array = new T[offsets.Length - 1][];
        for (int i = 0; i < array.Length; i++) array[i] = flat.Slice(offsets[i], offsets[i + 1] - offsets[i]).ToArray();
        return array;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless <paramref name="other"/> has the shape of <paramref name="array"/> (<paramref name="arrayName"/>).</summary>
    public static void CheckShape<T>(T[,] array, T[,] other, string arrayName, string name)
    {
        if (other is null) throw new ArgumentNullException(name);
        if (other.GetLength(0) != array.GetLength(0) || other.GetLength(1) != array.GetLength(1))
            throw new ArgumentException($"{name} must have the shape of {arrayName} ({array.GetLength(0)} x {array.GetLength(1)}), not {other.GetLength(0)} x {other.GetLength(1)}.", name);
    }

    /// <inheritdoc cref="CheckShape{T}(T[,], T[,], string, string)"/>
    public static void CheckShape<T>(T[][] array, T[][] other, string arrayName, string name)
    {
        if (other is null) throw new ArgumentNullException(name);
        if (other.Length != array.Length)
            throw new ArgumentException($"{name} must have the shape of {arrayName} ({array.Length} rows), not {other.Length} rows.", name);
        for (int i = 0; i < array.Length; i++)
            if (other[i] is null || other[i].Length != array[i].Length)
                throw new ArgumentException($"{name} must have the shape of {arrayName}: row {i} has {array[i].Length} elements in {arrayName}, {other[i]?.Length.ToString() ?? "null"} in {name}.", name);
    }

    private static int[] Offsets<T>(T[][] array, string name)
    {
        if (array is null) throw new ArgumentNullException(name);
        var offsets = new int[array.Length + 1];
        for (int i = 0; i < array.Length; i++)
        {
            if (array[i] is null) throw new ArgumentException($"{name}[{i}] is null; every row of a jagged array a [Differentiable] method reads must exist.", name);
            offsets[i + 1] = checked(offsets[i] + array[i].Length);
        }
        return offsets;
    }
}
