using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// Generated gradients of CopySign, MaxMagnitude and MinMagnitude pinned at their kinks under the default
/// settings (abs'(0) = 0, ties split 1/2, the argument returned at a = -b), and forward mode equal to
/// &lt;gradient, v&gt; there (both apply the same rule).
/// </summary>
public class LibraryMathKinkTests
{
    [Theory]
    [InlineData(0.7, 0.7, 0.5, 0.5)]     // a tie of equal values: the seed split evenly
    [InlineData(-0.4, -0.4, 0.5, 0.5)]
    [InlineData(0.5, -0.5, 1.0, 0.0)]    // a jump: MaxMagnitude returns the positive argument, a
    [InlineData(-0.5, 0.5, 0.0, 1.0)]
    [InlineData(0.3, -0.9, 0.0, 1.0)]    // away from ties: the larger magnitude
    public void MaxMagnitude_Gradient_AtTies(double a, double b, double da, double db)
    {
        LibraryMathFunctions.MaxMagnitudeOfGradient(a, b, out double ga, out double gb);
        Assert.Equal((da, db), (ga, gb));
        Assert.Equal(0.3 * da - 1.1 * db, LibraryMathFunctions.MaxMagnitudeOfTangent(a, b, 0.3, -1.1).Tangent, 12);
    }

    [Theory]
    [InlineData(0.7, 0.7, 0.5, 0.5)]
    [InlineData(0.5, -0.5, 0.0, 1.0)]    // MinMagnitude returns the negative argument, b
    [InlineData(-0.5, 0.5, 1.0, 0.0)]
    public void MinMagnitude_Gradient_AtTies(double a, double b, double da, double db)
    {
        LibraryMathFunctions.MinMagnitudeOfGradient(a, b, out double ga, out double gb);
        Assert.Equal((da, db), (ga, gb));
        Assert.Equal(0.3 * da - 1.1 * db, LibraryMathFunctions.MinMagnitudeOfTangent(a, b, 0.3, -1.1).Tangent, 12);
    }

    [Theory]
    [InlineData(0.0, -1.0, 0.0)]     // abs'(0) = 0
    [InlineData(0.0, 2.0, 0.0)]
    [InlineData(0.5, -1.0, -1.0)]
    [InlineData(-0.5, -0.0, 1.0)]    // y = -0.0: CopySign(x, -0.0) = -|x|
    public void CopySign_Gradient_AtTheKinkAndTheSignBit(double x, double y, double dx)
    {
        LibraryMathFunctions.CopySignPlainGradient(x, y, out double gx, out double gy);
        Assert.Equal(dx, gx);
        Assert.Equal(0.0, gy);
        Assert.Equal(0.7 * dx, LibraryMathFunctions.CopySignPlainTangent(x, y, 0.7, 3.0).Tangent, 12);
    }

    [Fact]
    public void CopySign_Directional_AtZero_IsTheSignOfYTimesAbsOfTheTangent()
    {
        Assert.Equal(0.7, LibraryMathFunctions.CopySignPlainDirectional(0.0, 2.0, -0.7, 0).Tangent);
        Assert.Equal(-0.7, LibraryMathFunctions.CopySignPlainDirectional(0.0, -2.0, 0.7, 0).Tangent);
    }
}
