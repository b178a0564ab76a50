using System;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers.Gpu;

/// <summary>One <c>double</c> as a lane of the update rules inside ILGPU kernels. It differs from
/// <see cref="ScalarLane{T}"/> only in avoiding generic-math conversions (<c>T.CreateTruncating</c> boxes inside the BCL,
/// which ILGPU cannot compile): constants are converted with a plain cast and the math goes through <c>Math</c>,
/// which ILGPU maps to device intrinsics. The rules themselves are the CPU ones, unchanged.</summary>
public readonly struct DoubleLane : ILane<DoubleLane>
{
    /// <summary>The element.</summary>
    public readonly double Value;

    /// <summary>Wraps an element.</summary>
    /// <param name="value">The element.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DoubleLane(double value) => Value = value;

    /// <inheritdoc/>
    public static DoubleLane operator +(DoubleLane left, DoubleLane right) => new(left.Value + right.Value);

    /// <inheritdoc/>
    public static DoubleLane operator -(DoubleLane left, DoubleLane right) => new(left.Value - right.Value);

    /// <inheritdoc/>
    public static DoubleLane operator *(DoubleLane left, DoubleLane right) => new(left.Value * right.Value);

    /// <inheritdoc/>
    public static DoubleLane operator /(DoubleLane left, DoubleLane right) => new(left.Value / right.Value);

    /// <inheritdoc/>
    public static DoubleLane operator -(DoubleLane value) => new(-value.Value);

    /// <inheritdoc/>
    public static DoubleLane Constant(double value) => new((double)value);

    /// <inheritdoc/>
    public static DoubleLane Sqrt(DoubleLane value) => new(Math.Sqrt(value.Value));

    /// <inheritdoc/>
    public static DoubleLane Abs(DoubleLane value) => new(Math.Abs(value.Value));

    /// <inheritdoc/>
    public static DoubleLane Max(DoubleLane left, DoubleLane right) => new(Math.Max(left.Value, right.Value));

    /// <inheritdoc/>
    public static DoubleLane Min(DoubleLane left, DoubleLane right) => new(Math.Min(left.Value, right.Value));

    /// <inheritdoc/>
    public static DoubleLane GreaterThan(DoubleLane left, DoubleLane right) => new(left.Value > right.Value ? 1 : 0);

    /// <inheritdoc/>
    public static DoubleLane LessThan(DoubleLane left, DoubleLane right) => new(left.Value < right.Value ? 1 : 0);

    /// <inheritdoc/>
    public static DoubleLane Select(DoubleLane mask, DoubleLane ifTrue, DoubleLane ifFalse) => mask.Value != 0 ? ifTrue : ifFalse;
}
