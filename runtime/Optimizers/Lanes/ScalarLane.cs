using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>One element of type <typeparamref name="T"/>: the reference instantiation of every update rule,
/// also used for the SIMD tail and, per thread, by the ILGPU kernels.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public readonly struct ScalarLane<T> : ILoadStoreLane<ScalarLane<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The element.</summary>
    public readonly T Value;

    /// <summary>Wraps an element.</summary>
    /// <param name="value">The element.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScalarLane(T value) => Value = value;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    public static bool IsSupported => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Load(ref T source) => new(source);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(ScalarLane<T> value) => double.CreateTruncating(value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane<T> value, ref T destination) => destination = value.Value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> operator +(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> operator -(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> operator *(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> operator /(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> operator -(ScalarLane<T> value) => new(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Constant(double value) => new(LaneConstant.From<T>(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Sqrt(ScalarLane<T> value) => new(T.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Abs(ScalarLane<T> value) => new(T.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Max(ScalarLane<T> left, ScalarLane<T> right) => new(T.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Min(ScalarLane<T> left, ScalarLane<T> right) => new(T.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> GreaterThan(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value > right.Value ? T.One : T.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> LessThan(ScalarLane<T> left, ScalarLane<T> right) => new(left.Value < right.Value ? T.One : T.Zero);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane<T> Select(ScalarLane<T> mask, ScalarLane<T> ifTrue, ScalarLane<T> ifFalse) => mask.Value != T.Zero ? ifTrue : ifFalse;
}
