namespace DiffGen.RandomPrograms.Tests.Checks;

/// <summary>How close the generated members must agree.</summary>
public static class Tolerances
{
    /// <summary>&lt;∇f, u&gt; against {M}Tangent, {M}Directional against {M}Tangent away from kinks, and {M}Pullback against seed·∇f: relative to the sum of the magnitudes involved.</summary>
    public const double Modes = 1e-10;
    /// <summary>
    /// Scales below this count as this: a derivative that cancels to about zero from terms of order one carries
    /// a few units of double rounding (2.2e-16 each) in one mode and not in the other, so the floor of the
    /// comparison is 1e-15 absolute. (At 1e-6, two of 14,000 random programs failed on 1.1e-16 against an exact
    /// zero and on 1.2e-16 between two 2.3e-14 values; both worked by hand and correct.)
    /// </summary>
    public const double SmallestScale = 1e-5;
    /// <summary>The value each generated member returns against the method's own value.</summary>
    public const double Value = 1e-12;
    /// <summary>Fourth-order central differences against the tangent, on smooth functions.</summary>
    public const double FiniteDifferences = 1e-6;
    /// <summary>
    /// The most rounding noise (relative to the scale of a comparison) that may excuse a disagreement between the
    /// modes: beyond it a point is too ill-conditioned for any excuse, and a disagreement fails.
    /// </summary>
    public const double RoundingNoise = 1e-6;
    /// <summary>Points where the value exceeds this are skipped as overflowing.</summary>
    public const double LargestValue = 1e8;

    /// <summary>|a - b| within <paramref name="relative"/> times the scale (exact when the scale is 0).</summary>
    public static bool Close(double a, double b, double scale, double relative)
        => a == b || System.Math.Abs(a - b) <= relative * scale;
}
