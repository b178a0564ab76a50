namespace DiffGen.RandomPrograms.Tests.Checks;

/// <summary>How close the generated members must agree.</summary>
public static class Tolerances
{
    /// <summary>&lt;∇f, u&gt; against {M}Tangent, {M}Directional against {M}Tangent away from kinks, and {M}Pullback against seed·∇f: relative to the sum of the magnitudes involved.</summary>
    public const double Modes = 1e-10;
    /// <summary>Scales below this count as this, so that exact zeros against 1e-17 of rounding pass.</summary>
    public const double SmallestScale = 1e-6;
    /// <summary>The value each generated member returns against the method's own value.</summary>
    public const double Value = 1e-12;
    /// <summary>Fourth-order central differences against the tangent, on smooth functions.</summary>
    public const double FiniteDifferences = 1e-6;
    /// <summary>Points where the value exceeds this are skipped as overflowing.</summary>
    public const double LargestValue = 1e8;

    /// <summary>|a - b| within <paramref name="relative"/> times the scale (exact when the scale is 0).</summary>
    public static bool Close(double a, double b, double scale, double relative)
        => a == b || System.Math.Abs(a - b) <= relative * scale;
}
