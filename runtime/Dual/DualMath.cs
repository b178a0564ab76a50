using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// The scalar primitives of <c>Math</c>, <c>double</c> and <c>DiffMath</c> over <see cref="Dual"/>: the
/// value as the primitive computes it, the tangent by the same partial derivatives as
/// <c>generator/Rules/PrimitiveRegistry.cs</c> (PyTorch's pow rule, hypot's zero at the origin). The
/// nonsmooth ones take the assembly's kink setting, so the tangent at an exact kink follows the rule the
/// gradient uses there; piecewise-constant functions have tangent zero. A tangent multiplies its partial
/// only where the tangent is nonzero, so a constant argument never turns an infinite partial into NaN.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class DualMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Dual Chain(double value, double partial, Dual x) => new(value, x.Tangent == 0 ? 0 : partial * x.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Part(double partial, double tangent) => tangent == 0 ? 0 : partial * tangent;

    /// <summary>sin.</summary>
    public static Dual Sin(Dual x) => Chain(Math.Sin(x.Value), Math.Cos(x.Value), x);

    /// <summary>cos.</summary>
    public static Dual Cos(Dual x) => Chain(Math.Cos(x.Value), -Math.Sin(x.Value), x);

    /// <summary>tan.</summary>
    public static Dual Tan(Dual x)
    {
        double y = Math.Tan(x.Value);
        return Chain(y, 1 + y * y, x);
    }

    /// <summary>asin.</summary>
    public static Dual Asin(Dual x) => Chain(Math.Asin(x.Value), 1 / Math.Sqrt(1 - x.Value * x.Value), x);

    /// <summary>acos.</summary>
    public static Dual Acos(Dual x) => Chain(Math.Acos(x.Value), -1 / Math.Sqrt(1 - x.Value * x.Value), x);

    /// <summary>atan.</summary>
    public static Dual Atan(Dual x) => Chain(Math.Atan(x.Value), 1 / (1 + x.Value * x.Value), x);

    /// <summary>atan2(y, x).</summary>
    public static Dual Atan2(Dual y, Dual x)
    {
        double r = x.Value * x.Value + y.Value * y.Value;
        return new(Math.Atan2(y.Value, x.Value), Part(x.Value / r, y.Tangent) + Part(-y.Value / r, x.Tangent));
    }

    /// <summary>sinh.</summary>
    public static Dual Sinh(Dual x) => Chain(Math.Sinh(x.Value), Math.Cosh(x.Value), x);

    /// <summary>cosh.</summary>
    public static Dual Cosh(Dual x) => Chain(Math.Cosh(x.Value), Math.Sinh(x.Value), x);

    /// <summary>tanh.</summary>
    public static Dual Tanh(Dual x)
    {
        double y = Math.Tanh(x.Value);
        return Chain(y, 1 - y * y, x);
    }

    /// <summary>exp.</summary>
    public static Dual Exp(Dual x)
    {
        double y = Math.Exp(x.Value);
        return Chain(y, y, x);
    }

    /// <summary>Natural logarithm.</summary>
    public static Dual Log(Dual x) => Chain(Math.Log(x.Value), 1 / x.Value, x);

    /// <summary>Logarithm in base <paramref name="b"/>: ln a / ln b.</summary>
    public static Dual Log(Dual a, Dual b)
    {
        double y = Math.Log(a.Value, b.Value), lnB = Math.Log(b.Value);
        return new(y, Part(1 / (a.Value * lnB), a.Tangent) + Part(-y / (b.Value * lnB), b.Tangent));
    }

    /// <summary>Base-2 logarithm.</summary>
    public static Dual Log2(Dual x) => Chain(Math.Log2(x.Value), 1 / (x.Value * Math.Log(2)), x);

    /// <summary>Base-10 logarithm.</summary>
    public static Dual Log10(Dual x) => Chain(Math.Log10(x.Value), 1 / (x.Value * Math.Log(10)), x);

    /// <summary>Square root.</summary>
    public static Dual Sqrt(Dual x)
    {
        double y = Math.Sqrt(x.Value);
        return Chain(y, 0.5 / y, x);
    }

    /// <summary>Cube root.</summary>
    public static Dual Cbrt(Dual x)
    {
        double y = Math.Cbrt(x.Value);
        return Chain(y, 1 / (3 * y * y), x);
    }

    /// <summary>a^b with PyTorch's rule: the base partial is 0 for a zero exponent, the exponent partial 0 at a zero base and non-negative exponent.</summary>
    public static Dual Pow(Dual a, Dual b)
    {
        double y = Math.Pow(a.Value, b.Value);
        double tangent = 0;
        if (a.Tangent != 0) tangent += b.Value == 0 ? 0 : b.Value * Math.Pow(a.Value, b.Value - 1) * a.Tangent;
        if (b.Tangent != 0) tangent += a.Value == 0 && b.Value >= 0 ? 0 : y * Math.Log(a.Value) * b.Tangent;
        return new(y, tangent);
    }

    /// <summary>a b + c, rounded once.</summary>
    public static Dual FusedMultiplyAdd(Dual a, Dual b, Dual c)
        => new(Math.FusedMultiplyAdd(a.Value, b.Value, c.Value), a.Tangent * b.Value + a.Value * b.Tangent + c.Tangent);

    /// <summary>asinh.</summary>
    public static Dual Asinh(Dual x) => Chain(Math.Asinh(x.Value), 1 / Math.Sqrt(x.Value * x.Value + 1), x);

    /// <summary>acosh.</summary>
    public static Dual Acosh(Dual x) => Chain(Math.Acosh(x.Value), 1 / Math.Sqrt(x.Value * x.Value - 1), x);

    /// <summary>atanh.</summary>
    public static Dual Atanh(Dual x) => Chain(Math.Atanh(x.Value), 1 / (1 - x.Value * x.Value), x);

    /// <summary>sqrt(x² + y²); partials 0 at the origin (a subgradient).</summary>
    public static Dual Hypot(Dual x, Dual y)
    {
        double h = double.Hypot(x.Value, y.Value);
        return h == 0 ? new(h, 0) : new(h, Part(x.Value / h, x.Tangent) + Part(y.Value / h, y.Tangent));
    }

    /// <summary>exp(x) - 1.</summary>
    public static Dual ExpM1(Dual x)
    {
        double y = double.ExpM1(x.Value);
        return Chain(y, y + 1, x);
    }

    /// <summary>2^x.</summary>
    public static Dual Exp2(Dual x)
    {
        double y = double.Exp2(x.Value);
        return Chain(y, y * Math.Log(2), x);
    }

    /// <summary>10^x.</summary>
    public static Dual Exp10(Dual x)
    {
        double y = double.Exp10(x.Value);
        return Chain(y, y * Math.Log(10), x);
    }

    /// <summary>2^x - 1.</summary>
    public static Dual Exp2M1(Dual x)
    {
        double y = double.Exp2M1(x.Value);
        return Chain(y, (y + 1) * Math.Log(2), x);
    }

    /// <summary>10^x - 1.</summary>
    public static Dual Exp10M1(Dual x)
    {
        double y = double.Exp10M1(x.Value);
        return Chain(y, (y + 1) * Math.Log(10), x);
    }

    /// <summary>ln(1 + x).</summary>
    public static Dual LogP1(Dual x) => Chain(double.LogP1(x.Value), 1 / (1 + x.Value), x);

    /// <summary>log2(1 + x).</summary>
    public static Dual Log2P1(Dual x) => Chain(double.Log2P1(x.Value), 1 / ((1 + x.Value) * Math.Log(2)), x);

    /// <summary>log10(1 + x).</summary>
    public static Dual Log10P1(Dual x) => Chain(double.Log10P1(x.Value), 1 / ((1 + x.Value) * Math.Log(10)), x);

    /// <summary>sin(πx).</summary>
    public static Dual SinPi(Dual x) => Chain(double.SinPi(x.Value), Math.PI * Math.Cos(Math.PI * x.Value), x);

    /// <summary>cos(πx).</summary>
    public static Dual CosPi(Dual x) => Chain(double.CosPi(x.Value), -Math.PI * Math.Sin(Math.PI * x.Value), x);

    /// <summary>tan(πx).</summary>
    public static Dual TanPi(Dual x)
    {
        double y = double.TanPi(x.Value);
        return Chain(y, Math.PI * (1 + y * y), x);
    }

    /// <summary>asin(x)/π.</summary>
    public static Dual AsinPi(Dual x) => Chain(double.AsinPi(x.Value), 1 / (Math.PI * Math.Sqrt(1 - x.Value * x.Value)), x);

    /// <summary>acos(x)/π.</summary>
    public static Dual AcosPi(Dual x) => Chain(double.AcosPi(x.Value), -1 / (Math.PI * Math.Sqrt(1 - x.Value * x.Value)), x);

    /// <summary>atan(x)/π.</summary>
    public static Dual AtanPi(Dual x) => Chain(double.AtanPi(x.Value), 1 / (Math.PI * (1 + x.Value * x.Value)), x);

    /// <summary>atan2(y, x)/π.</summary>
    public static Dual Atan2Pi(Dual y, Dual x)
    {
        double r = Math.PI * (x.Value * x.Value + y.Value * y.Value);
        return new(double.Atan2Pi(y.Value, x.Value), Part(x.Value / r, y.Tangent) + Part(-y.Value / r, x.Tangent));
    }

    /// <summary>|x|, with abs'(0) = <paramref name="atZero"/> (the assembly's setting).</summary>
    public static Dual Abs(Dual x, double atZero) => Chain(Math.Abs(x.Value), NonsmoothRules.AbsPartial(x.Value, atZero), x);

    /// <summary>max(x, 0), with relu'(0) = <paramref name="atZero"/>.</summary>
    public static Dual Relu(Dual x, double atZero) => Chain(DiffMath.Relu(x.Value), NonsmoothRules.ReluPartial(x.Value, atZero), x);

    /// <summary>max(a, b); at a tie a share <paramref name="tieShareFirst"/> of the tangent comes from a.</summary>
    public static Dual Max(Dual a, Dual b, double tieShareFirst)
    {
        double p = NonsmoothRules.MaxPartialFirst(a.Value, b.Value, tieShareFirst);
        return new(Math.Max(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <summary>min(a, b); at a tie a share <paramref name="tieShareFirst"/> of the tangent comes from a.</summary>
    public static Dual Min(Dual a, Dual b, double tieShareFirst)
    {
        double p = NonsmoothRules.MinPartialFirst(a.Value, b.Value, tieShareFirst);
        return new(Math.Min(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <summary>Clamp(x, lo, hi); the tangent is that of the argument the gradient routes the seed to.</summary>
    public static Dual Clamp(Dual x, Dual lo, Dual hi, bool passesAtBound)
    {
        int route = NonsmoothRules.ClampRoute(x.Value, lo.Value, hi.Value, passesAtBound);
        return new(Math.Clamp(x.Value, lo.Value, hi.Value), route == 0 ? x.Tangent : route == 1 ? lo.Tangent : hi.Tangent);
    }

    /// <summary>Floor: tangent zero.</summary>
    public static Dual Floor(Dual x) => Math.Floor(x.Value);

    /// <summary>Ceiling: tangent zero.</summary>
    public static Dual Ceiling(Dual x) => Math.Ceiling(x.Value);

    /// <summary>Truncate: tangent zero.</summary>
    public static Dual Truncate(Dual x) => Math.Truncate(x.Value);

    /// <summary>Round: tangent zero.</summary>
    public static Dual Round(Dual x) => Math.Round(x.Value);

    /// <summary>Round to <paramref name="digits"/> digits: tangent zero.</summary>
    public static Dual Round(Dual x, int digits) => Math.Round(x.Value, digits);

    /// <summary>Round with <paramref name="mode"/>: tangent zero.</summary>
    public static Dual Round(Dual x, MidpointRounding mode) => Math.Round(x.Value, mode);

    /// <summary>Round to <paramref name="digits"/> digits with <paramref name="mode"/>: tangent zero.</summary>
    public static Dual Round(Dual x, int digits, MidpointRounding mode) => Math.Round(x.Value, digits, mode);
}
