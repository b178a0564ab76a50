using System;

namespace DiffGen;

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute"/> method as data: it gets no shadow,
/// no tangent and no gradient. On a field or auto-property of a type with instance
/// <see cref="DifferentiableAttribute"/> methods, marks that member as configuration: it is read, never
/// differentiated, and has no member in the type's <c>Tangent</c>. Integer and <see cref="bool"/>
/// parameters and members are never differentiable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
