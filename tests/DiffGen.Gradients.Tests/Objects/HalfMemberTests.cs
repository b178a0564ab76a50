using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// The Half members of generic-math methods: computed by the float members and rounded once per result, so they
/// agree with the double derivative to Half precision (2^-11 relative), equal the rounded float derivative exactly,
/// add to array shadows, and check lengths.
/// </summary>
public class HalfMemberTests
{
    /// <summary>Half has 11 significant bits: a value rounded once is within 2^-11 relative (plus float's rounding).</summary>
    private static void AssertHalfClose(double expected, Half actual, string what)
        => Assert.True(Math.Abs(expected - (double)actual) <= Math.Pow(2, -11) * Math.Abs(expected) + 1e-6, $"{what}: expected {expected}, got {(double)actual}");

    [Theory]
    [InlineData(0.7, -0.3, 1.4)]
    [InlineData(-1.2, 0.5, 0.8)]
    public void ScalarMethods_AgreeWithTheDoubleDerivative_ToHalfPrecision(double x, double y, double z)
    {
        double soft = GenericFunctions.SoftPlusGradient(x, out double dx);
        Half softHalf = GenericFunctions.SoftPlusGradient((Half)x, out Half dxHalf);
        // The point itself is rounded to Half first: compare with the double derivative at the rounded point.
        double xr = (double)(Half)x, yr = (double)(Half)y, zr = (double)(Half)z;
        GenericFunctions.SoftPlusGradient(xr, out double dxr);
        AssertHalfClose(dxr, dxHalf, "SoftPlus'");
        AssertHalfClose(GenericFunctions.SoftPlus(xr), softHalf, "SoftPlus");
        Assert.True(Math.Abs(dx - dxr) < 1e-2);

        GenericFunctions.GaussianGradient(xr, yr, zr, out double gx, out double gmu, out double gsigma);
        GenericFunctions.GaussianGradient((Half)x, (Half)y, (Half)z, out Half hx, out Half hmu, out Half hsigma);
        AssertHalfClose(gx, hx, "dG/dx");
        AssertHalfClose(gmu, hmu, "dG/dmu");
        AssertHalfClose(gsigma, hsigma, "dG/dsigma");
        var (_, tangent) = GenericFunctions.GaussianTangent((Half)x, (Half)y, (Half)z, (Half)0.25, (Half)(-0.5), (Half)1);
        AssertHalfClose(0.25 * gx - 0.5 * gmu + gsigma, tangent, "Gaussian tangent");
    }

    [Fact]
    public void Results_AreTheFloatMembersRoundedOnce()
    {
        var (x, y) = ((Half)0.8, (Half)(-0.6));
        float value = GenericFunctions.MixedGradient((float)x, (float)y, out float dx, out float dy);
        Half valueHalf = GenericFunctions.MixedGradient(x, y, out Half dxHalf, out Half dyHalf);
        Assert.Equal((Half)value, valueHalf);
        Assert.Equal((Half)dx, dxHalf);
        Assert.Equal((Half)dy, dyHalf);
        var (v, t) = GenericFunctions.MixedDirectional((float)x, (float)y, 1f, -1f);
        var (vHalf, tHalf) = GenericFunctions.MixedDirectional(x, y, (Half)1, (Half)(-1));
        Assert.Equal((Half)v, vHalf);
        Assert.Equal((Half)t, tHalf);
    }

    [Fact]
    public void Pullback_AddsSeedTimesTheGradient_ToScalarAndArrayShadows()
    {
        Half[] values = { (Half)0.5, (Half)(-1.25), (Half)2 };
        Half[] shadow = { (Half)1, (Half)1, (Half)1 };
        GenericFunctions.SumOfSquaresPullback(values, (Half)0.5, shadow);
        // d/dv sum v^2 = 2v; seed 0.5: v added to 1.
        Assert.Equal(new[] { 1.5, -0.25, 3.0 }, shadow.Select(h => (double)h));
        Half gradientShadow = (Half)10;
        GenericFunctions.SoftPlusPullback((Half)0, (Half)2, ref gradientShadow);
        Assert.Equal(11.0, (double)gradientShadow); // 10 + 2 * sigmoid(0)
        Half[] dvalues = new Half[3];
        Half sum = GenericFunctions.SumOfSquaresGradient(values, dvalues);
        Assert.Equal(0.25 + 1.5625 + 4, (double)sum, 3);
        Assert.Equal(new[] { 1.0, -2.5, 4.0 }, dvalues.Select(h => (double)h));
    }

    [Fact]
    public void IntParameters_StayData()
    {
        Half value = GenericFunctions.SeriesGradient((Half)0.5, 6, out Half dx);
        GenericFunctions.SeriesGradient(0.5, 6, out double dxDouble);
        AssertHalfClose(GenericFunctions.Series(0.5, 6), value, "Series");
        AssertHalfClose(dxDouble, dx, "Series'");
    }

    [Fact]
    public void ShadowOfTheWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => GenericFunctions.SumOfSquaresGradient(new Half[3], new Half[2]));
        Assert.Equal("dvalues", error.ParamName);
    }
}
