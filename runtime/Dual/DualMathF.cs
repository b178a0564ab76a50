using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>The float twins of the <see cref="DualMath"/> functions, over <see cref="DualF"/>.</summary>
public static partial class DualMath
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DualF Chain(float value, float partial, DualF x) => new(value, x.Tangent == 0 ? 0f : partial * x.Tangent);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Part(float partial, float tangent) => tangent == 0 ? 0 : partial * tangent;

    /// <summary>sin.</summary>
    public static DualF Sin(DualF x) => Chain(MathF.Sin(x.Value), MathF.Cos(x.Value), x);

    /// <summary>cos.</summary>
    public static DualF Cos(DualF x) => Chain(MathF.Cos(x.Value), -MathF.Sin(x.Value), x);

    /// <summary>tan.</summary>
    public static DualF Tan(DualF x)
    {
        float y = MathF.Tan(x.Value);
        return Chain(y, 1 + y * y, x);
    }

    /// <summary>asin.</summary>
    public static DualF Asin(DualF x) => Chain(MathF.Asin(x.Value), 1 / MathF.Sqrt(1 - x.Value * x.Value), x);

    /// <summary>acos.</summary>
    public static DualF Acos(DualF x) => Chain(MathF.Acos(x.Value), -1 / MathF.Sqrt(1 - x.Value * x.Value), x);

    /// <summary>atan.</summary>
    public static DualF Atan(DualF x) => Chain(MathF.Atan(x.Value), 1 / (1 + x.Value * x.Value), x);

    /// <summary>atan2(y, x).</summary>
    public static DualF Atan2(DualF y, DualF x)
    {
        float r = x.Value * x.Value + y.Value * y.Value;
        return new(MathF.Atan2(y.Value, x.Value), Part(x.Value / r, y.Tangent) + Part(-y.Value / r, x.Tangent));
    }

    /// <summary>sinh.</summary>
    public static DualF Sinh(DualF x) => Chain(MathF.Sinh(x.Value), MathF.Cosh(x.Value), x);

    /// <summary>cosh.</summary>
    public static DualF Cosh(DualF x) => Chain(MathF.Cosh(x.Value), MathF.Sinh(x.Value), x);

    /// <summary>tanh.</summary>
    public static DualF Tanh(DualF x)
    {
        float y = MathF.Tanh(x.Value);
        return Chain(y, 1 - y * y, x);
    }

    /// <summary>exp.</summary>
    public static DualF Exp(DualF x)
    {
        float y = MathF.Exp(x.Value);
        return Chain(y, y, x);
    }

    /// <summary>Natural logarithm.</summary>
    public static DualF Log(DualF x) => Chain(MathF.Log(x.Value), 1 / x.Value, x);

    /// <summary>Logarithm in base <paramref name="b"/>: ln a / ln b.</summary>
    public static DualF Log(DualF a, DualF b)
    {
        float y = MathF.Log(a.Value, b.Value), lnB = MathF.Log(b.Value);
        return new(y, Part(1 / (a.Value * lnB), a.Tangent) + Part(-y / (b.Value * lnB), b.Tangent));
    }

    /// <summary>Base-2 logarithm.</summary>
    public static DualF Log2(DualF x) => Chain(MathF.Log2(x.Value), 1 / (x.Value * MathF.Log(2)), x);

    /// <summary>Base-10 logarithm.</summary>
    public static DualF Log10(DualF x) => Chain(MathF.Log10(x.Value), 1 / (x.Value * MathF.Log(10)), x);

    /// <summary>Square root.</summary>
    public static DualF Sqrt(DualF x)
    {
        float y = MathF.Sqrt(x.Value);
        return Chain(y, 0.5f / y, x);
    }

    /// <summary>Cube root.</summary>
    public static DualF Cbrt(DualF x)
    {
        float y = MathF.Cbrt(x.Value);
        return Chain(y, 1 / (3 * y * y), x);
    }

    /// <summary>a^b with PyTorch's rule: the base partial is 0 for a zero exponent, the exponent partial 0 at a zero base and non-negative exponent.</summary>
    public static DualF Pow(DualF a, DualF b)
    {
        float y = MathF.Pow(a.Value, b.Value);
        float tangent = 0;
        if (a.Tangent != 0) tangent += b.Value == 0 ? 0 : b.Value * MathF.Pow(a.Value, b.Value - 1) * a.Tangent;
        if (b.Tangent != 0) tangent += a.Value == 0 && b.Value >= 0 ? 0 : y * MathF.Log(a.Value) * b.Tangent;
        return new(y, tangent);
    }

    /// <summary>a b + c, rounded once.</summary>
    public static DualF FusedMultiplyAdd(DualF a, DualF b, DualF c)
        => new(MathF.FusedMultiplyAdd(a.Value, b.Value, c.Value), a.Tangent * b.Value + a.Value * b.Tangent + c.Tangent);

    /// <summary>asinh.</summary>
    public static DualF Asinh(DualF x) => Chain(MathF.Asinh(x.Value), 1 / MathF.Sqrt(x.Value * x.Value + 1), x);

    /// <summary>acosh.</summary>
    public static DualF Acosh(DualF x) => Chain(MathF.Acosh(x.Value), 1 / MathF.Sqrt(x.Value * x.Value - 1), x);

    /// <summary>atanh.</summary>
    public static DualF Atanh(DualF x) => Chain(MathF.Atanh(x.Value), 1 / (1 - x.Value * x.Value), x);

    /// <summary>sqrt(x² + y²); partials 0 at the origin (a subgradient).</summary>
    public static DualF Hypot(DualF x, DualF y)
    {
        float h = float.Hypot(x.Value, y.Value);
        return h == 0 ? new(h, 0f) : new(h, Part(x.Value / h, x.Tangent) + Part(y.Value / h, y.Tangent));
    }

    /// <summary>exp(x) - 1.</summary>
    public static DualF ExpM1(DualF x)
    {
        float y = float.ExpM1(x.Value);
        return Chain(y, y + 1, x);
    }

    /// <summary>2^x.</summary>
    public static DualF Exp2(DualF x)
    {
        float y = float.Exp2(x.Value);
        return Chain(y, y * MathF.Log(2), x);
    }

    /// <summary>10^x.</summary>
    public static DualF Exp10(DualF x)
    {
        float y = float.Exp10(x.Value);
        return Chain(y, y * MathF.Log(10), x);
    }

    /// <summary>2^x - 1.</summary>
    public static DualF Exp2M1(DualF x)
    {
        float y = float.Exp2M1(x.Value);
        return Chain(y, (y + 1) * MathF.Log(2), x);
    }

    /// <summary>10^x - 1.</summary>
    public static DualF Exp10M1(DualF x)
    {
        float y = float.Exp10M1(x.Value);
        return Chain(y, (y + 1) * MathF.Log(10), x);
    }

    /// <summary>ln(1 + x).</summary>
    public static DualF LogP1(DualF x) => Chain(float.LogP1(x.Value), 1 / (1 + x.Value), x);

    /// <summary>log2(1 + x).</summary>
    public static DualF Log2P1(DualF x) => Chain(float.Log2P1(x.Value), 1 / ((1 + x.Value) * MathF.Log(2)), x);

    /// <summary>log10(1 + x).</summary>
    public static DualF Log10P1(DualF x) => Chain(float.Log10P1(x.Value), 1 / ((1 + x.Value) * MathF.Log(10)), x);

    /// <summary>sin(πx).</summary>
    public static DualF SinPi(DualF x) => Chain(float.SinPi(x.Value), MathF.PI * MathF.Cos(MathF.PI * x.Value), x);

    /// <summary>cos(πx).</summary>
    public static DualF CosPi(DualF x) => Chain(float.CosPi(x.Value), -MathF.PI * MathF.Sin(MathF.PI * x.Value), x);

    /// <summary>tan(πx).</summary>
    public static DualF TanPi(DualF x)
    {
        float y = float.TanPi(x.Value);
        return Chain(y, MathF.PI * (1 + y * y), x);
    }

    /// <summary>asin(x)/π.</summary>
    public static DualF AsinPi(DualF x) => Chain(float.AsinPi(x.Value), 1 / (MathF.PI * MathF.Sqrt(1 - x.Value * x.Value)), x);

    /// <summary>acos(x)/π.</summary>
    public static DualF AcosPi(DualF x) => Chain(float.AcosPi(x.Value), -1 / (MathF.PI * MathF.Sqrt(1 - x.Value * x.Value)), x);

    /// <summary>atan(x)/π.</summary>
    public static DualF AtanPi(DualF x) => Chain(float.AtanPi(x.Value), 1 / (MathF.PI * (1 + x.Value * x.Value)), x);

    /// <summary>atan2(y, x)/π.</summary>
    public static DualF Atan2Pi(DualF y, DualF x)
    {
        float r = MathF.PI * (x.Value * x.Value + y.Value * y.Value);
        return new(float.Atan2Pi(y.Value, x.Value), Part(x.Value / r, y.Tangent) + Part(-y.Value / r, x.Tangent));
    }

    /// <summary>|x|, with abs'(0) = <paramref name="atZero"/> (the assembly's setting).</summary>
    public static DualF Abs(DualF x, float atZero) => Chain(MathF.Abs(x.Value), NonsmoothRules.AbsPartial(x.Value, atZero), x);

    /// <summary>max(x, 0), with relu'(0) = <paramref name="atZero"/>.</summary>
    public static DualF Relu(DualF x, float atZero) => Chain(DiffMath.Relu(x.Value), NonsmoothRules.ReluPartial(x.Value, atZero), x);

    /// <summary>max(a, b); at a tie a share <paramref name="tieShareFirst"/> of the tangent comes from a.</summary>
    public static DualF Max(DualF a, DualF b, float tieShareFirst)
    {
        float p = NonsmoothRules.MaxPartialFirst(a.Value, b.Value, tieShareFirst);
        return new(MathF.Max(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <summary>min(a, b); at a tie a share <paramref name="tieShareFirst"/> of the tangent comes from a.</summary>
    public static DualF Min(DualF a, DualF b, float tieShareFirst)
    {
        float p = NonsmoothRules.MinPartialFirst(a.Value, b.Value, tieShareFirst);
        return new(MathF.Min(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <summary>Clamp(x, lo, hi); the tangent is that of the argument the gradient routes the seed to.</summary>
    public static DualF Clamp(DualF x, DualF lo, DualF hi, bool passesAtBound)
    {
        int route = NonsmoothRules.ClampRoute(x.Value, lo.Value, hi.Value, passesAtBound);
        return new(Math.Clamp(x.Value, lo.Value, hi.Value), route == 0 ? x.Tangent : route == 1 ? lo.Tangent : hi.Tangent);
    }

    /// <summary>Floor: tangent zero.</summary>
    public static DualF Floor(DualF x) => MathF.Floor(x.Value);

    /// <summary>Ceiling: tangent zero.</summary>
    public static DualF Ceiling(DualF x) => MathF.Ceiling(x.Value);

    /// <summary>Truncate: tangent zero.</summary>
    public static DualF Truncate(DualF x) => MathF.Truncate(x.Value);

    /// <summary>Round: tangent zero.</summary>
    public static DualF Round(DualF x) => MathF.Round(x.Value);

    /// <summary>Round to <paramref name="digits"/> digits: tangent zero.</summary>
    public static DualF Round(DualF x, int digits) => MathF.Round(x.Value, digits);

    /// <summary>Round with <paramref name="mode"/>: tangent zero.</summary>
    public static DualF Round(DualF x, MidpointRounding mode) => MathF.Round(x.Value, mode);

    /// <summary>Round to <paramref name="digits"/> digits with <paramref name="mode"/>: tangent zero.</summary>
    public static DualF Round(DualF x, int digits, MidpointRounding mode) => MathF.Round(x.Value, digits, mode);
}
