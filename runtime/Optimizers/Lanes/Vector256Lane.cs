using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DiffGen.Optimizers;

/// <summary>A 256-bit SIMD vector of <typeparamref name="T"/> as a lane of the update rules.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public readonly struct Vector256Lane<T> : ILoadStoreLane<Vector256Lane<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The vector.</summary>
    public readonly Vector256<T> Value;

    /// <summary>Wraps a vector.</summary>
    /// <param name="value">The vector.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256Lane(Vector256<T> value) => Value = value;

    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Load(ref T source) => new(Vector256.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256Lane<T> value) => double.CreateTruncating(Vector256.Sum(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lane<T> value, ref T destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> operator +(Vector256Lane<T> left, Vector256Lane<T> right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> operator -(Vector256Lane<T> left, Vector256Lane<T> right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> operator *(Vector256Lane<T> left, Vector256Lane<T> right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> operator /(Vector256Lane<T> left, Vector256Lane<T> right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> operator -(Vector256Lane<T> value) => new(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Constant(double value) => new(Vector256.Create(LaneConstant.From<T>(value)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Sqrt(Vector256Lane<T> value) => new(Vector256.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Abs(Vector256Lane<T> value) => new(Vector256.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Max(Vector256Lane<T> left, Vector256Lane<T> right) => new(Vector256.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Min(Vector256Lane<T> left, Vector256Lane<T> right) => new(Vector256.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> GreaterThan(Vector256Lane<T> left, Vector256Lane<T> right) => new(Vector256.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> LessThan(Vector256Lane<T> left, Vector256Lane<T> right) => new(Vector256.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane<T> Select(Vector256Lane<T> mask, Vector256Lane<T> ifTrue, Vector256Lane<T> ifFalse) => new(Vector256.ConditionalSelect(mask.Value, ifTrue.Value, ifFalse.Value));
}
