using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// A forward-mode dual number of <c>float</c> (the twin of <see cref="Dual"/>): a value and its tangent (the derivative along one
/// direction). Generated <c>{M}HessianVector</c> code runs the reverse sweep of a method over these
/// numbers, so the tangent of every adjoint is the derivative of the gradient along the direction:
/// H·v. Arithmetic carries the tangent; comparisons read the value only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DualF : IEquatable<DualF>
{
    /// <summary>The value.</summary>
    public readonly float Value;

    /// <summary>The derivative of the value along the direction.</summary>
    public readonly float Tangent;

    /// <summary>A dual number of value <paramref name="value"/> and tangent <paramref name="tangent"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DualF(float value, float tangent)
    {
        Value = value;
        Tangent = tangent;
    }

    /// <summary>A constant: tangent 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator DualF(float value) => new(value, 0f);

    /// <summary>The value, for code that uses a number the direction does not move (its tangent is zero there).</summary>
    public static explicit operator float(DualF x) => x.Value;

    /// <summary>The value rounded toward zero, as a C# cast of the value would.</summary>
    public static explicit operator int(DualF x) => (int)x.Value;

    /// <summary>The value rounded toward zero, as a C# cast of the value would.</summary>
    public static explicit operator long(DualF x) => (long)x.Value;

    /// <summary>The same number in double precision, tangent included.</summary>
    public static implicit operator Dual(DualF x) => new(x.Value, x.Tangent);

    /// <summary>Sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator +(DualF a, DualF b) => new(a.Value + b.Value, a.Tangent + b.Tangent);

    /// <summary>Sum with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator +(DualF a, float b) => new(a.Value + b, a.Tangent);

    /// <summary>Sum with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator +(float a, DualF b) => new(a + b.Value, b.Tangent);

    /// <summary>Difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator -(DualF a, DualF b) => new(a.Value - b.Value, a.Tangent - b.Tangent);

    /// <summary>Difference with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator -(DualF a, float b) => new(a.Value - b, a.Tangent);

    /// <summary>Difference with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator -(float a, DualF b) => new(a - b.Value, -b.Tangent);

    /// <summary>Product: (a b)' = a' b + a b'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator *(DualF a, DualF b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    /// <summary>Product with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator *(DualF a, float b) => new(a.Value * b, a.Tangent * b);

    /// <summary>Product with a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator *(float a, DualF b) => new(a * b.Value, a * b.Tangent);

    /// <summary>Quotient: (a / b)' = (a' - (a / b) b') / b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator /(DualF a, DualF b)
    {
        float q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    /// <summary>Quotient by a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator /(DualF a, float b) => new(a.Value / b, a.Tangent / b);

    /// <summary>Quotient of a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator /(float a, DualF b)
    {
        float q = a / b.Value;
        return new(q, -q * b.Tangent / b.Value);
    }

    /// <summary>Remainder: the tangent of a - n b with n held (an integer where the remainder is differentiable).</summary>
    public static DualF operator %(DualF a, DualF b) => new(a.Value % b.Value, a.Tangent - MathF.Truncate(a.Value / b.Value) * b.Tangent);

    /// <summary>Negation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DualF operator -(DualF a) => new(-a.Value, -a.Tangent);

    /// <summary>Identity.</summary>
    public static DualF operator +(DualF a) => a;

    /// <summary>Compares the values.</summary>
    public static bool operator <(DualF a, DualF b) => a.Value < b.Value;

    /// <summary>Compares the values.</summary>
    public static bool operator >(DualF a, DualF b) => a.Value > b.Value;

    /// <summary>Compares the values.</summary>
    public static bool operator <=(DualF a, DualF b) => a.Value <= b.Value;

    /// <summary>Compares the values.</summary>
    public static bool operator >=(DualF a, DualF b) => a.Value >= b.Value;

    /// <summary>Compares the values, as the primal's <c>==</c> does.</summary>
    public static bool operator ==(DualF a, DualF b) => a.Value == b.Value;

    /// <summary>Compares the values, as the primal's <c>!=</c> does.</summary>
    public static bool operator !=(DualF a, DualF b) => a.Value != b.Value;

    /// <summary>Whether both value and tangent are equal.</summary>
    public bool Equals(DualF other) => Value.Equals(other.Value) && Tangent.Equals(other.Tangent);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DualF other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Tangent);

    /// <summary>The value and the tangent, e.g. <c>2 + 0.5ε</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " + " + Tangent.ToString(CultureInfo.InvariantCulture) + "ε";
}
