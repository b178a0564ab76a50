using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>A blittable boolean for <see cref="IElementRule"/> fields: rules are passed by value to ILGPU kernels, which
/// accept only blittable structs (<c>bool</c> is not). Converts implicitly to and from <c>bool</c>.</summary>
public readonly struct RuleFlag
{
    private readonly byte _value;

    private RuleFlag(bool value) => _value = value ? (byte)1 : (byte)0;

    /// <summary>Reads the flag.</summary>
    /// <param name="flag">The flag.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator bool(RuleFlag flag) => flag._value != 0;

    /// <summary>Makes a flag.</summary>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static implicit operator RuleFlag(bool value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => ((bool)this).ToString();
}
