using System;

namespace DiffGen;

/// <summary>
/// Chooses, for the whole assembly, the derivative that reverse and forward mode use at the kinks of
/// nonsmooth primitives. The defaults match PyTorch. Directional mode (<c>{M}Directional</c>) ignores
/// these choices: it computes the exact one-sided directional derivative.
/// </summary>
/// <remarks>
/// Backpropagation through nonsmooth code returns an element of a conservative field, not a Clarke
/// subgradient: with the default relu'(0) = 0, the gradients at 0 of relu(x), relu(-x) + x and
/// (relu(x) + relu(-x) + x) / 2 are 0, 1 and 1/2 although the three functions are equal.
/// See docs/nonsmooth.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class NonsmoothDerivativesAttribute : Attribute
{
    /// <summary>Derivative of <see cref="DiffMath.Relu(double)"/> at 0. Default 0.</summary>
    public double ReluAtZero { get; set; }

    /// <summary>Derivative of <c>Math.Abs</c> at 0. Default 0.</summary>
    public double AbsAtZero { get; set; }

    /// <summary>
    /// Share of the seed that <c>Math.Max(a, b)</c> and <c>Math.Min(a, b)</c> pass to <c>a</c> when
    /// <c>a == b</c>; <c>b</c> gets the rest. Default 0.5 (an even split).
    /// </summary>
    public double TieShareFirst { get; set; } = 0.5;

    /// <summary>
    /// Whether <c>Math.Clamp(x, lo, hi)</c> passes the seed to <c>x</c> when <c>x</c> sits exactly at a
    /// bound (default <see langword="true"/>); when <see langword="false"/> the bound gets it.
    /// </summary>
    public bool ClampPassesAtBound { get; set; } = true;
}
