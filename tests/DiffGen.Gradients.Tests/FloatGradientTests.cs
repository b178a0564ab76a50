using System;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// Single-precision corpus: generated gradient checks (float finite differences) at a float
/// tolerance, float gradients against double closed forms, and forward against reverse mode.
/// </summary>
public sealed class FloatGradientTests
{
    private const double CheckRelative = 2e-3;
    private const double CheckAbsolute = 1e-4;

    private static void AssertPassed(GradientCheckResult result)
        => Assert.True(result.Passed(CheckRelative, CheckAbsolute), result.ToString());

    private static void AssertNear(double expected, float actual, double relative = 1e-5)
    {
        double error = Math.Abs(expected - actual);
        Assert.True(error <= relative * Math.Max(1e-3, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E3})");
    }

    [Fact]
    public void GradientCheck_SmoothFloatFunctions_PassesFloatTolerance()
    {
        AssertPassed(FloatFunctions.CubicFGradientCheck(0.7f));
        AssertPassed(FloatFunctions.CubicFGradientCheck(-1.3f));
        AssertPassed(FloatFunctions.SinTimesCosFGradientCheck(0.9f, -0.4f));
        AssertPassed(FloatFunctions.TangentAndArcsFGradientCheck(0.3f));
        AssertPassed(FloatFunctions.TangentAndArcsFGradientCheck(-0.5f));
        AssertPassed(FloatFunctions.ArcTangent2FGradientCheck(0.7f, 1.2f));
        AssertPassed(FloatFunctions.ArcTangent2FGradientCheck(-1.4f, 0.5f));
        AssertPassed(FloatFunctions.HyperbolicFGradientCheck(0.45f));
        AssertPassed(FloatFunctions.HyperbolicFGradientCheck(-0.9f));
        AssertPassed(FloatFunctions.ExpLogFGradientCheck(1.5f));
        AssertPassed(FloatFunctions.ExpLogFGradientCheck(0.6f));
        AssertPassed(FloatFunctions.LogWithBaseFGradientCheck(2.5f, 3.0f));
        AssertPassed(FloatFunctions.SqrtCbrtFGradientCheck(0.8f));
        AssertPassed(FloatFunctions.SqrtCbrtFGradientCheck(3.3f));
        AssertPassed(FloatFunctions.PowVariableFGradientCheck(1.6f, 2.3f));
        AssertPassed(FloatFunctions.PowVariableFGradientCheck(0.5f, -1.2f));
        AssertPassed(FloatFunctions.FusedMultiplyAddFGradientCheck(1.5f, -0.5f, 0.3f));
        AssertPassed(FloatFunctions.ExplicitCastsFGradientCheck(0.8f));
        AssertPassed(FloatFunctions.CallsFloatHelperFGradientCheck(0.9f, -0.4f));
    }

    [Fact]
    public void GradientCheck_NonsmoothBranchAndLoopFloatFunctions_PassesFloatToleranceAwayFromKinks()
    {
        AssertPassed(FloatFunctions.NonsmoothFGradientCheck(0.8f, 0.3f));
        AssertPassed(FloatFunctions.NonsmoothFGradientCheck(-0.6f, 0.4f));
        AssertPassed(FloatFunctions.StepFunctionsFGradientCheck(2.3f));
        AssertPassed(FloatFunctions.StepFunctionsFGradientCheck(-1.3f));
        AssertPassed(FloatFunctions.HornerFGradientCheck(0.7f, 5));
        AssertPassed(FloatFunctions.HornerFGradientCheck(-0.9f, 3));
        AssertPassed(FloatFunctions.BranchFGradientCheck(1.8f));
        AssertPassed(FloatFunctions.BranchFGradientCheck(0.4f));
        AssertPassed(FloatFunctions.BranchFGradientCheck(-0.7f));
        AssertPassed(FloatFunctions.NewtonSqrtFGradientCheck(2.0f));
        AssertPassed(FloatFunctions.NewtonSqrtFGradientCheck(7.0f));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(-1.3)]
    public void CubicFGradient_AtPoint_MatchesClosedForm(double x)
    {
        float value = FloatFunctions.CubicFGradient((float)x, out float dx);
        Assert.Equal(FloatFunctions.CubicF((float)x), value);
        AssertNear(9 * x * x - 2, dx);
    }

    [Theory]
    [InlineData(0.9, -0.4)]
    [InlineData(-2.1, 1.3)]
    public void SinTimesCosFGradient_AtPoint_MatchesClosedForm(double x, double y)
    {
        FloatFunctions.SinTimesCosFGradient((float)x, (float)y, out float dx, out float dy);
        double fx = (float)x, fy = (float)y;
        AssertNear(Math.Cos(fx) * Math.Cos(fy), dx);
        AssertNear(-Math.Sin(fx) * Math.Sin(fy), dy);
    }

    [Theory]
    [InlineData(1.6, 2.3)]
    [InlineData(0.5, -1.2)]
    public void PowVariableFGradient_AtPoint_MatchesClosedForm(double x, double y)
    {
        FloatFunctions.PowVariableFGradient((float)x, (float)y, out float dx, out float dy);
        double fx = (float)x, fy = (float)y;
        AssertNear(fy * Math.Pow(fx, fy - 1), dx);
        AssertNear(Math.Pow(fx, fy) * Math.Log(fx), dy);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(7.0)]
    public void NewtonSqrtFGradient_AtPoint_MatchesClosedForm(double a)
    {
        FloatFunctions.NewtonSqrtFGradient((float)a, out float da);
        AssertNear(0.5 / Math.Sqrt(a), da);
    }

    [Theory]
    [InlineData(0.7, 5)]
    [InlineData(-0.9, 3)]
    public void HornerFGradient_AtPoint_MatchesClosedForm(double x, int degree)
    {
        FloatFunctions.HornerFGradient((float)x, degree, out float dx);
        double fx = (float)x, expected = 0;
        for (int i = 1; i <= degree; i++) expected += i * Math.Pow(fx, i - 1) / (i + 1);
        AssertNear(expected, dx);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(-1.5)]
    public void ExplicitCastsFGradient_AtPoint_MatchesClosedForm(double x)
    {
        FloatFunctions.ExplicitCastsFGradient((float)x, out float dx);
        double fx = (float)x;
        AssertNear(Math.Exp(0.5 * fx) * (1 + 0.5 * fx), dx);
    }

    [Fact]
    public void NonsmoothFGradient_AtZero_UsesDefaultKinkRules()
    {
        // relu(x - y) + |x| + max(x, y) - min(x, y / 2) + clamp(y, -1, 1) at (0, 0):
        // relu'(0) = abs'(0) = 0, both ties split evenly, clamp inside its bounds.
        FloatFunctions.NonsmoothFGradient(0f, 0f, out float dx, out float dy);
        Assert.Equal(0f, dx);
        Assert.Equal(1.25f, dy);
    }

    [Fact]
    public void StepFunctionsFGradient_AtPoint_HasZeroDerivativeForRounding()
    {
        // sign(x) x + floor(x) x + ceiling(x) + round(x) x + truncate(x) at 2.3: 1 + 2 + 2.
        FloatFunctions.StepFunctionsFGradient(2.3f, out float dx);
        Assert.Equal(5f, dx);
    }

    [Theory]
    [InlineData(0.4, 0.7)]
    [InlineData(1.8, -1.1)]
    [InlineData(-0.7, 0.3)]
    public void BranchFTangent_AlongDirection_MatchesReverse(double x, double d)
    {
        FloatFunctions.BranchFGradient((float)x, out float dx);
        var (value, tangent) = FloatFunctions.BranchFTangent((float)x, (float)d);
        Assert.Equal(FloatFunctions.BranchF((float)x), value);
        AssertNear(dx * (float)d, tangent, 1e-5);
    }

    [Theory]
    [InlineData(0.9, -0.4, 0.6, -1.0)]
    [InlineData(-0.3, 1.2, 1.0, 0.5)]
    public void CallsFloatHelperFTangent_AlongDirection_MatchesReverse(double x, double y, double tx, double ty)
    {
        FloatFunctions.CallsFloatHelperFGradient((float)x, (float)y, out float dx, out float dy);
        var (_, tangent) = FloatFunctions.CallsFloatHelperFTangent((float)x, (float)y, (float)tx, (float)ty);
        AssertNear((double)dx * (float)tx + (double)dy * (float)ty, tangent, 1e-5);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(-1.9)]
    public void DoubleLocalInFloatFGradient_AtPoint_MatchesClosedForm(double x)
    {
        float value = FloatFunctions.DoubleLocalInFloatFGradient((float)x, out float dx);
        Assert.Equal(FloatFunctions.DoubleLocalInFloatF((float)x), value);
        AssertNear(2 * (double)(float)x + 1, dx);
        AssertPassed(FloatFunctions.DoubleLocalInFloatFGradientCheck((float)x));
    }
}
