using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// What the central-difference table (<see cref="FiniteDifferenceGradientTests"/>) cannot check for the
/// generic-math statics: float precision, and hypot at the origin, where it has a cone.
/// </summary>
public class LibraryMathTests
{
    [Theory]
    [InlineData(0.4f, -0.7f)]
    [InlineData(-1.1f, 0.3f)]
    public void FloatLibrary_Gradient_MatchesForwardModeAndFiniteDifferencesToFloatPrecision(float x, float y)
    {
        var check = LibraryMathFunctions.FloatLibraryGradientCheck(x, y);
        Assert.True(check.Passed(2e-3, 1e-4), check.ToString());
        Assert.True(check.MaxForwardReverseRelativeError < 1e-5 || check.MaxForwardReverseAbsoluteError < 1e-5, check.ToString());
    }

    [Fact]
    public void Hypot_AtTheOrigin_HasZeroPartials_InBothModes()
    {
        // hypot(x, y) * x at (0, 0): the product rule gives hypot'(0, 0) * 0 + hypot(0, 0) = 0 in both arguments,
        // and the partials of hypot itself there are 0 (documented subgradient), not NaN.
        double value = LibraryMathFunctions.HypotTimesXGradient(0.0, 0.0, out double dx, out double dy);
        Assert.Equal(0.0, value);
        Assert.Equal(0.0, dx);
        Assert.Equal(0.0, dy);
        var (_, tangent) = LibraryMathFunctions.HypotTimesXTangent(0.0, 0.0, 0.6, -0.8);
        Assert.Equal(0.0, tangent);
        Assert.False(double.IsNaN(LibraryMathFunctions.Atan2PiOfGradient(0.0, 1.0, out double d0, out double d1)) || double.IsNaN(d0) || double.IsNaN(d1));
    }
}
