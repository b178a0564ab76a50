using System;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Rules;

/// <summary>
/// Everything the generator and the analyzer know about one scalar primitive, in one place: which
/// library methods it is, how many leading arguments carry derivatives, the partial derivative with
/// respect to each, the exact one-sided directional rule of a nonsmooth primitive, the kink setting it
/// obeys and how the analyzer describes the rule applied there. Forward mode multiplies the partials by
/// tangents and reverse mode by the seed, so the two modes cannot disagree.
/// </summary>
/// <param name="Name">The primitive's id in the IR (<see cref="Ir.Primitive"/>).</param>
/// <param name="Sources">The library methods that are this primitive.</param>
/// <param name="Arity">Leading arguments that carry derivatives (the rest, like rounding digits, are data).</param>
/// <param name="Partials">∂result/∂argument for each of the <paramref name="Arity"/> arguments; empty when <paramref name="ZeroDerivative"/>.</param>
/// <param name="Directional">The exact one-sided directional derivative f'(x; t) of a nonsmooth primitive, or null when the partials give it.</param>
/// <param name="Kink">The kink setting the partials read.</param>
/// <param name="DescribeKink">The rule applied at the kink, in words, for the analyzer's nonsmooth-site note; null for smooth primitives.</param>
/// <param name="ZeroDerivative">Piecewise constant (floor, round, ...): the derivative is zero wherever it exists, so the result is passive.</param>
/// <param name="KinkHit">The condition, over the arguments, of an exact hit of the point where the rule makes a choice (relu at 0, a max tie, ...): what the opt-in kink counters count; null where there is none.</param>
public sealed record PrimitiveRule(
    string Name,
    MethodSource[] Sources,
    int Arity,
    Formula[] Partials,
    Formula? Directional = null,
    KinkSetting Kink = KinkSetting.None,
    Func<NonsmoothSettings, string>? DescribeKink = null,
    bool ZeroDerivative = false,
    Formula? KinkHit = null)
{
    /// <summary>Whether the primitive has a kink whose derivative the assembly chooses (relu, abs, max, min, clamp).</summary>
    public bool IsNonsmooth => DescribeKink is not null;
}

/// <summary>Where a primitive comes from: a static method of <c>Math</c>/<c>MathF</c>, of <c>double</c>/<c>float</c>, or of <c>DiffGen.DiffMath</c>.</summary>
/// <param name="Parameters">The overload's parameter count, or null for every overload with that name.</param>
public sealed record MethodSource(MethodLibrary Library, string Method, int? Parameters = null);

/// <summary>The classes primitives are found in.</summary>
public enum MethodLibrary
{
    /// <summary><c>System.Math</c> and <c>System.MathF</c>.</summary>
    Math,
    /// <summary><c>DiffGen.DiffMath</c>, the runtime's nonsmooth functions.</summary>
    DiffMath,
    /// <summary>The generic-math statics of <c>double</c> and <c>float</c> (<c>double.Exp</c>, <c>float.LogP1</c>, ...).</summary>
    FloatingPoint,
}
