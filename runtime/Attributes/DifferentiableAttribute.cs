using System;

namespace DiffGen;

/// <summary>
/// Marks a static method of a <c>partial</c> type for differentiation at build time. The generator
/// adds <c>{M}Gradient</c> (reverse mode), <c>{M}Tangent</c> (forward mode), <c>{M}Directional</c>
/// (exact one-sided directional derivative) and <c>{M}GradientCheck</c> next to the method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}
