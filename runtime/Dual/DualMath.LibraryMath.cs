using System;

namespace DiffGen;

// The registry's ScaleB, RootN, CopySign, MaxMagnitude and MinMagnitude over dual numbers, double and float.
public static partial class DualMath
{
    /// <summary>x·2ⁿ: linear in x.</summary>
    public static Dual ScaleB(Dual x, int n) => new(Math.ScaleB(x.Value, n), Math.ScaleB(x.Tangent, n));

    /// <inheritdoc cref="ScaleB(Dual, int)"/>
    public static DualF ScaleB(DualF x, int n) => new(MathF.ScaleB(x.Value, n), MathF.ScaleB(x.Tangent, n));

    /// <summary>x^(1/n), with the registry's partial (vertical tangent at 0 for n ≥ 2).</summary>
    public static Dual RootN(Dual x, int n)
    {
        double y = double.RootN(x.Value, n);
        return Chain(y, NonsmoothRules.RootNPartial(x.Value, n, y), x);
    }

    /// <inheritdoc cref="RootN(Dual, int)"/>
    public static DualF RootN(DualF x, int n)
    {
        float y = float.RootN(x.Value, n);
        return Chain(y, NonsmoothRules.RootNPartial(x.Value, n, y), x);
    }

    /// <summary>|x| with the sign of y: abs's rule at x = 0 (<paramref name="absAtZero"/>), no tangent from y.</summary>
    public static Dual CopySign(Dual x, Dual y, double absAtZero)
        => Chain(Math.CopySign(x.Value, y.Value), NonsmoothRules.CopySignPartial(x.Value, y.Value, absAtZero), x);

    /// <inheritdoc cref="CopySign(Dual, Dual, double)"/>
    public static DualF CopySign(DualF x, DualF y, float absAtZero)
        => Chain(MathF.CopySign(x.Value, y.Value), NonsmoothRules.CopySignPartial(x.Value, y.Value, absAtZero), x);

    /// <summary>The argument of larger magnitude; the tangent from the argument the gradient's rule picks (a share at a tie).</summary>
    public static Dual MaxMagnitude(Dual a, Dual b, double tieShareFirst)
    {
        double p = NonsmoothRules.MaxMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);
        return new(Math.MaxMagnitude(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <inheritdoc cref="MaxMagnitude(Dual, Dual, double)"/>
    public static DualF MaxMagnitude(DualF a, DualF b, float tieShareFirst)
    {
        float p = NonsmoothRules.MaxMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);
        return new(MathF.MaxMagnitude(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <summary>The argument of smaller magnitude; the tangent from the argument the gradient's rule picks (a share at a tie).</summary>
    public static Dual MinMagnitude(Dual a, Dual b, double tieShareFirst)
    {
        double p = NonsmoothRules.MinMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);
        return new(Math.MinMagnitude(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }

    /// <inheritdoc cref="MinMagnitude(Dual, Dual, double)"/>
    public static DualF MinMagnitude(DualF a, DualF b, float tieShareFirst)
    {
        float p = NonsmoothRules.MinMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);
        return new(MathF.MinMagnitude(a.Value, b.Value), Part(p, a.Tangent) + Part(1 - p, b.Tangent));
    }
}
