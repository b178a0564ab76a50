using System;
using System.Numerics;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.Objects.ComplexFunctions;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>Complex values inside methods: lowered to real arithmetic on the parts, checked against central differences of the method (which runs System.Numerics.Complex itself), forward against reverse, and closed forms.</summary>
public class ComplexTests
{
    [Theory]
    [InlineData(2.0, 0.5, 1e-3, 1000.0)]
    [InlineData(0.7, 1.5, 2e-3, 400.0)]
    public void CurrentAmplitude_MatchesTheClosedForm(double r, double l, double c, double omega)
    {
        // |I| = (r² + x²)^(-1/2) with x = omega l - 1/(omega c). (The generic gradient check's differences step c = 1e-3
        // by an absolute 1e-6 or so, too coarse for it: closed forms here.)
        double x = omega * l - 1 / (omega * c), cube = Math.Pow(r * r + x * x, 1.5);
        double value = F.CurrentAmplitudeGradient(r, l, c, omega, out double dr, out double dl, out double dc, out double domega);
        Numeric.AssertClose(F.CurrentAmplitude(r, l, c, omega), value, 1e-14, 1e-17, "value");
        Numeric.AssertClose(-r / cube, dr, 1e-12, 1e-15, "d|I|/dr");
        Numeric.AssertClose(-x * omega / cube, dl, 1e-12, 1e-15, "d|I|/dl");
        Numeric.AssertClose(-x / (omega * c * c) / cube, dc, 1e-12, 1e-15, "d|I|/dc");
        Numeric.AssertClose(-x * (l + 1 / (omega * omega * c)) / cube, domega, 1e-12, 1e-15, "d|I|/domega");
        var (_, tangent) = F.CurrentAmplitudeTangent(r, l, c, omega, 0.3, -0.2, 1e-4, 5.0);
        Numeric.AssertClose(0.3 * dr - 0.2 * dl + 1e-4 * dc + 5.0 * domega, tangent, 1e-12, 1e-18, "tangent against <gradient, t>");
    }

    [Theory]
    [InlineData(0.8, -0.6, 0.4)]
    [InlineData(-1.2, 0.3, 1.7)]
    public void EveryOperation_GradientCheckPasses(double a, double b, double t)
    {
        var check = F.MixedGradientCheck(a, b, t);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Numeric.AssertClose(F.Mixed(a, b, t), check.Value, 1e-13, 1e-13, "value of the lowered arithmetic against System.Numerics.Complex");
    }

    [Fact]
    public void ComplexInALoop_WithSpans_MatchesCentralDifferences()
    {
        double[] frequencies = { 0.1, 0.5, 1.0, 2.0, 7.5 };
        var check = F.FilterGainGradientCheck(1.3, 0.4, frequencies);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(F.SpiralGradientCheck(0.97, 0.35, 12).Passed(1e-6, 1e-9));
        Assert.True(ComplexHelpers.TotalGainGradientCheck(2.5, new[] { 0.5, 1.0, 4.0 }).Passed(1e-6, 1e-9));
    }
}
