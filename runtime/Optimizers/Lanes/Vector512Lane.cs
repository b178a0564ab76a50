using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DiffGen.Optimizers;

/// <summary>A 512-bit SIMD vector of <typeparamref name="T"/> as a lane of the update rules.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public readonly struct Vector512Lane<T> : ILoadStoreLane<Vector512Lane<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The vector.</summary>
    public readonly Vector512<T> Value;

    /// <summary>Wraps a vector.</summary>
    /// <param name="value">The vector.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Lane(Vector512<T> value) => Value = value;

    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Load(ref T source) => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector512Lane<T> value) => double.CreateTruncating(Vector512.Sum(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lane<T> value, ref T destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> operator +(Vector512Lane<T> left, Vector512Lane<T> right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> operator -(Vector512Lane<T> left, Vector512Lane<T> right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> operator *(Vector512Lane<T> left, Vector512Lane<T> right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> operator /(Vector512Lane<T> left, Vector512Lane<T> right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> operator -(Vector512Lane<T> value) => new(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Constant(double value) => new(Vector512.Create(LaneConstant.From<T>(value)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Sqrt(Vector512Lane<T> value) => new(Vector512.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Abs(Vector512Lane<T> value) => new(Vector512.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Max(Vector512Lane<T> left, Vector512Lane<T> right) => new(Vector512.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Min(Vector512Lane<T> left, Vector512Lane<T> right) => new(Vector512.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> GreaterThan(Vector512Lane<T> left, Vector512Lane<T> right) => new(Vector512.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> LessThan(Vector512Lane<T> left, Vector512Lane<T> right) => new(Vector512.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane<T> Select(Vector512Lane<T> mask, Vector512Lane<T> ifTrue, Vector512Lane<T> ifFalse) => new(Vector512.ConditionalSelect(mask.Value, ifTrue.Value, ifFalse.Value));
}
