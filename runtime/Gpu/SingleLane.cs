using System;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers.Gpu;

/// <summary>One <c>float</c> as a lane of the update rules inside ILGPU kernels. It differs from
/// <see cref="ScalarLane{T}"/> only in avoiding generic-math conversions (<c>T.CreateTruncating</c> boxes inside the BCL,
/// which ILGPU cannot compile): constants are converted with a plain cast and the math goes through <c>MathF</c>,
/// which ILGPU maps to device intrinsics. The rules themselves are the CPU ones, unchanged.</summary>
public readonly struct SingleLane : ILane<SingleLane>
{
    /// <summary>The element.</summary>
    public readonly float Value;

    /// <summary>Wraps an element.</summary>
    /// <param name="value">The element.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SingleLane(float value) => Value = value;

    /// <inheritdoc/>
    public static SingleLane operator +(SingleLane left, SingleLane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    public static SingleLane operator -(SingleLane left, SingleLane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    public static SingleLane operator *(SingleLane left, SingleLane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    public static SingleLane operator /(SingleLane left, SingleLane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    public static SingleLane operator -(SingleLane value) => new(-value.Value);

    /// <inheritdoc/>
    public static SingleLane Constant(double value) => new((float)value);

    /// <inheritdoc/>
    public static SingleLane Sqrt(SingleLane value) => new(MathF.Sqrt(value.Value));

    /// <inheritdoc/>
    public static SingleLane Abs(SingleLane value) => new(MathF.Abs(value.Value));

    /// <inheritdoc/>
    public static SingleLane Max(SingleLane left, SingleLane right) => new(MathF.Max(left.Value, right.Value));

    /// <inheritdoc/>
    public static SingleLane Min(SingleLane left, SingleLane right) => new(MathF.Min(left.Value, right.Value));

    /// <inheritdoc/>
    public static SingleLane GreaterThan(SingleLane left, SingleLane right) => new(left.Value > right.Value ? 1 : 0);

    /// <inheritdoc/>
    public static SingleLane LessThan(SingleLane left, SingleLane right) => new(left.Value < right.Value ? 1 : 0);

    /// <inheritdoc/>
    public static SingleLane Select(SingleLane mask, SingleLane ifTrue, SingleLane ifFalse) => mask.Value != 0 ? ifTrue : ifFalse;
}
