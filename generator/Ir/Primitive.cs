namespace DiffGen.Generator.Ir;

/// <summary>
/// A scalar primitive (a Math/MathF function, a DiffMath function or an arithmetic operator), named by
/// its entry in <see cref="Rules.PrimitiveRegistry"/>, which holds everything known about it.
/// </summary>
public readonly record struct Primitive(string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
