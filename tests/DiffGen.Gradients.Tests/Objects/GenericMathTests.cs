using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// Generic-math [Differentiable] methods: the double instantiation against central differences and
/// forward mode, the float instantiation against the double one to float precision.
/// </summary>
public class GenericMathTests
{
    private const double Step = 1e-6;

    private static void AssertRelative(double expected, double actual, double tolerance)
        => Assert.True(Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected}, got {actual}");

    [Theory]
    [InlineData(0.7, -0.3, 1.4)]
    [InlineData(-1.2, 0.5, 0.8)]
    public void ScalarGenericMethods_DoubleAgreesWithDifferences_FloatWithDouble(double x, double y, double z)
    {
        double soft = GenericFunctions.SoftPlusGradient(x, out double dx);
        Assert.Equal(GenericFunctions.SoftPlus(x), soft, 14);
        AssertRelative(1 / (1 + Math.Exp(-x)), dx, 1e-14);
        GenericFunctions.SoftPlusGradient((float)x, out float dxf);
        AssertRelative(dx, dxf, 1e-6);

        GenericFunctions.GaussianGradient(x, y, z, out double gx, out double gmu, out double gsigma);
        double G(double a, double b, double c) => GenericFunctions.Gaussian(a, b, c);
        AssertRelative((G(x + Step, y, z) - G(x - Step, y, z)) / (2 * Step), gx, 1e-7);
        AssertRelative((G(x, y + Step, z) - G(x, y - Step, z)) / (2 * Step), gmu, 1e-7);
        AssertRelative((G(x, y, z + Step) - G(x, y, z - Step)) / (2 * Step), gsigma, 1e-7);
        var (_, tangent) = GenericFunctions.GaussianTangent(x, y, z, 0.3, -0.6, 0.9);
        AssertRelative(0.3 * gx - 0.6 * gmu + 0.9 * gsigma, tangent, 1e-12);
        GenericFunctions.GaussianGradient((float)x, (float)y, (float)z, out float fx, out float fmu, out float fsigma);
        AssertRelative(gx, fx, 1e-5);
        AssertRelative(gsigma, fsigma, 1e-5);
    }

    [Fact]
    public void GenericSpanAndLoop_MatchClosedForms()
    {
        var values = new[] { 0.5, -1.5, 2.0 };
        var gradient = new double[3];
        GenericFunctions.SumOfSquaresGradient(values, gradient);
        Assert.Equal(values.Select(v => 2 * v), gradient);
        var floatGradient = new float[3];
        GenericFunctions.SumOfSquaresGradient(values.Select(v => (float)v).ToArray(), floatGradient);
        Assert.Equal(values.Select(v => (float)(2 * v)), floatGradient);

        // sum_k x^k / (k + 1), so the derivative is sum_k k x^(k-1) / (k + 1).
        double x = 0.6, expected = 0;
        for (int k = 1; k < 6; k++) expected += k * Math.Pow(x, k - 1) / (k + 1);
        GenericFunctions.SeriesGradient(x, 6, out double dseries);
        AssertRelative(expected, dseries, 1e-14);
    }

    [Theory]
    [InlineData(0.9, 0.4)]
    [InlineData(-0.7, 1.1)]
    public void GenericCalleesAndNonsmoothStatics_MatchDifferencesAndForwardMode(double x, double y)
    {
        GenericFunctions.MixedGradient(x, y, out double dx, out double dy);
        double M(double a, double b) => GenericFunctions.Mixed(a, b);
        AssertRelative((M(x + Step, y) - M(x - Step, y)) / (2 * Step), dx, 1e-7);
        AssertRelative((M(x, y + Step) - M(x, y - Step)) / (2 * Step), dy, 1e-7);
        var (_, tangent) = GenericFunctions.MixedTangent(x, y, -0.4, 0.7);
        AssertRelative(-0.4 * dx + 0.7 * dy, tangent, 1e-12);
        GenericFunctions.MixedGradient((float)x, (float)y, out float fx, out float fy);
        AssertRelative(dx, fx, 1e-5);
        AssertRelative(dy, fy, 1e-5);
    }
}
