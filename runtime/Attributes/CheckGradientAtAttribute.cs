using System;

namespace DiffGen;

/// <summary>
/// Registers a point at which <see cref="GradientChecks.RunAll"/> and <see cref="GradientChecks.AssertAll"/>
/// compare the method's reverse-mode gradient, forward-mode derivatives and central finite differences.
/// One value per parameter of the method, in order (integer parameters take integral values,
/// <see cref="bool"/> parameters 0 or 1).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CheckGradientAtAttribute : Attribute
{
    /// <summary>Registers the point <paramref name="arguments"/>.</summary>
    public CheckGradientAtAttribute(params double[] arguments) => Arguments = arguments;

    /// <summary>The argument values, one per parameter.</summary>
    public double[] Arguments { get; }
}
