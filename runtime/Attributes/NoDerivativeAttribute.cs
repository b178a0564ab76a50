using System;

namespace DiffGen;

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute"/> method as data: it gets no shadow,
/// no tangent and no gradient. Integer and <see cref="bool"/> parameters are never differentiable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
