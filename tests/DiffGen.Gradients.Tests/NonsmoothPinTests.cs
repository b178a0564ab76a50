using System;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// The derivatives at kinks, pinned with the default (PyTorch) rules: relu'(0) = 0, abs'(0) = 0,
/// max/min at a tie split the seed evenly, clamp at a bound passes the seed to x, sign and the
/// rounding functions have derivative 0. {M}Directional gives exact one-sided directional derivatives.
/// The values are the conservative-field examples of Bolte and Pauwels.
/// </summary>
public sealed class NonsmoothPinTests
{
    public static TheoryData<double> Directions => new() { 1.0, -1.0, 2.5, -0.3 };

    // ---- Backprop through relu at 0 ----

    [Fact]
    public void ReluGradient_AtZero_IsZero()
    {
        Assert.Equal(0.0, NonsmoothFunctions.ReluGradient(0.0, out double dx));
        Assert.Equal(0.0, dx);
    }

    [Fact]
    public void ReluOfNegationPlusXGradient_AtZero_IsOne()
    {
        NonsmoothFunctions.ReluOfNegationPlusXGradient(0.0, out double dx);
        Assert.Equal(1.0, dx);
    }

    [Fact]
    public void ReluAverageGradient_AtZero_IsOneHalf()
    {
        NonsmoothFunctions.ReluAverageGradient(0.0, out double dx);
        Assert.Equal(0.5, dx);
    }

    [Fact]
    public void ReluDifferenceGradient_AtZero_IsOne()
    {
        NonsmoothFunctions.ReluDifferenceGradient(0.0, out double dx);
        Assert.Equal(1.0, dx);
    }

    [Fact]
    public void ReluIdentityTrapGradient_AtZero_IsZero()
    {
        Assert.Equal(0.0, NonsmoothFunctions.ReluIdentityTrapGradient(0.0, out double dx));
        Assert.Equal(0.0, dx);
    }

    [Fact]
    public void ReluFamilyTangent_AtZero_AgreesWithReverseMode()
    {
        // Forward mode uses the same kink rules as reverse mode: tangent along 1 is the backprop value.
        Assert.Equal(0.0, NonsmoothFunctions.ReluTangent(0.0, 1.0).Tangent);
        Assert.Equal(1.0, NonsmoothFunctions.ReluOfNegationPlusXTangent(0.0, 1.0).Tangent);
        Assert.Equal(0.5, NonsmoothFunctions.ReluAverageTangent(0.0, 1.0).Tangent);
        Assert.Equal(1.0, NonsmoothFunctions.ReluDifferenceTangent(0.0, 1.0).Tangent);
        Assert.Equal(0.0, NonsmoothFunctions.ReluIdentityTrapTangent(0.0, 1.0).Tangent);
    }

    // ---- Exact directional derivatives at 0 ----

    [Theory]
    [MemberData(nameof(Directions))]
    public void ReluIdentityTrapDirectional_AtZero_IsDirection(double d)
    {
        var (value, tangent) = NonsmoothFunctions.ReluIdentityTrapDirectional(0.0, d);
        Assert.Equal(0.0, value);
        Assert.Equal(d, tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void ReluDirectional_AtZero_IsPositivePartOfDirection(double d)
    {
        Assert.Equal(Math.Max(d, 0), NonsmoothFunctions.ReluDirectional(0.0, d).Tangent);
        Assert.Equal(Math.Max(d, 0), NonsmoothFunctions.ReluOfNegationPlusXDirectional(0.0, d).Tangent);
        Assert.Equal(Math.Max(d, 0), NonsmoothFunctions.ReluAverageDirectional(0.0, d).Tangent);
        Assert.Equal(0.0, NonsmoothFunctions.ReluDifferenceDirectional(0.0, d).Tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void AbsoluteValueDirectional_AtZero_IsAbsoluteDirection(double d)
    {
        Assert.Equal(Math.Abs(d), NonsmoothFunctions.AbsoluteValueDirectional(0.0, d).Tangent);
        Assert.Equal(Math.Abs(d), BranchFunctions.AbsByBranchDirectional(0.0, d).Tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void MaxOfSelfAndNegationDirectional_AtZero_IsAbsoluteDirection(double d)
    {
        Assert.Equal(Math.Abs(d), NonsmoothFunctions.MaxOfSelfAndNegationDirectional(0.0, d).Tangent);
        Assert.Equal(-Math.Abs(d), NonsmoothFunctions.MinOfSelfAndNegationDirectional(0.0, d).Tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void KinkBranchDirectional_AtZero_TakesTheBranchTheDirectionEnters(double d)
    {
        // x > 0 ? x^2 : -x. Along d > 0 the x^2 branch (slope 0), along d < 0 the -x branch.
        Assert.Equal(d > 0 ? 0.0 : -d, BranchFunctions.KinkBranchDirectional(0.0, d).Tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void DirectionalAwayFromKinks_EqualsTangent(double d)
    {
        foreach (double x in new[] { -1.3, 0.4, 2.0 })
        {
            Assert.Equal(NonsmoothFunctions.ReluIdentityTrapTangent(x, d).Tangent, NonsmoothFunctions.ReluIdentityTrapDirectional(x, d).Tangent, 12);
            Assert.Equal(NonsmoothFunctions.AbsoluteValueTangent(x, d).Tangent, NonsmoothFunctions.AbsoluteValueDirectional(x, d).Tangent, 12);
            Assert.Equal(BranchFunctions.PiecewiseTangent(x, d).Tangent, BranchFunctions.PiecewiseDirectional(x, d).Tangent, 12);
        }
    }

    // ---- abs, max, min, clamp, sign and rounding ----

    [Fact]
    public void AbsoluteValueGradient_AtZero_IsZero()
    {
        NonsmoothFunctions.AbsoluteValueGradient(0.0, out double dx);
        Assert.Equal(0.0, dx);
    }

    [Fact]
    public void MaxOfGradient_AtTie_SplitsSeedEvenly()
    {
        NonsmoothFunctions.MaxOfGradient(0.7, 0.7, out double dx, out double dy);
        Assert.Equal(0.5, dx);
        Assert.Equal(0.5, dy);
    }

    [Fact]
    public void MinOfGradient_AtTie_SplitsSeedEvenly()
    {
        NonsmoothFunctions.MinOfGradient(-1.25, -1.25, out double dx, out double dy);
        Assert.Equal(0.5, dx);
        Assert.Equal(0.5, dy);
    }

    [Fact]
    public void MaxOfSelfAndNegationGradient_AtZero_IsZero()
    {
        // The tie splits the seed: 1/2 * 1 + 1/2 * (-1).
        NonsmoothFunctions.MaxOfSelfAndNegationGradient(0.0, out double dx);
        Assert.Equal(0.0, dx);
    }

    [Theory]
    [InlineData(1.0, -0.5)]
    [InlineData(-2.0, 3.0)]
    [InlineData(0.5, 0.5)]
    public void MaxOfDirectional_AtTie_IsMaxOfTangents(double dx, double dy)
    {
        Assert.Equal(Math.Max(dx, dy), NonsmoothFunctions.MaxOfDirectional(0.7, 0.7, dx, dy).Tangent);
        Assert.Equal(Math.Min(dx, dy), NonsmoothFunctions.MinOfDirectional(0.7, 0.7, dx, dy).Tangent);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ClampUnitGradient_AtBound_PassesSeedToX(double x)
    {
        NonsmoothFunctions.ClampUnitGradient(x, out double dx);
        Assert.Equal(1.0, dx);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(1.5)]
    public void ClampUnitGradient_OutsideBounds_IsZero(double x)
    {
        NonsmoothFunctions.ClampUnitGradient(x, out double dx);
        Assert.Equal(0.0, dx);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void ClampUnitDirectional_AtBounds_IsOneSided(double d)
    {
        Assert.Equal(Math.Max(d, 0), NonsmoothFunctions.ClampUnitDirectional(0.0, d).Tangent);
        Assert.Equal(Math.Min(d, 0), NonsmoothFunctions.ClampUnitDirectional(1.0, d).Tangent);
    }

    [Theory]
    [InlineData(-1.0, -1.0, 1.0, 1.0, 0.0, 0.0)]   // x at the lower bound: seed to x
    [InlineData(1.0, -1.0, 1.0, 1.0, 0.0, 0.0)]    // x at the upper bound: seed to x
    [InlineData(-2.0, -1.0, 1.0, 0.0, 1.0, 0.0)]   // below: seed to lo
    [InlineData(2.0, -1.0, 1.0, 0.0, 0.0, 1.0)]    // above: seed to hi
    [InlineData(0.25, -1.0, 1.0, 1.0, 0.0, 0.0)]   // inside: seed to x
    public void ClampBetweenGradient_RoutesSeed(double x, double lo, double hi, double ex, double elo, double ehi)
    {
        NonsmoothFunctions.ClampBetweenGradient(x, lo, hi, out double dx, out double dlo, out double dhi);
        Assert.Equal(ex, dx);
        Assert.Equal(elo, dlo);
        Assert.Equal(ehi, dhi);
    }

    [Fact]
    public void StepFunctionsMixGradient_AtIntegers_HasZeroDerivativeForSignAndRounding()
    {
        // sign(x) x^2 + floor(x) x + ceiling(x) - round(x) / 2 + truncate(x) x, with sign, floor,
        // ceiling, round and truncate contributing derivative 0 even at their jumps.
        NonsmoothFunctions.StepFunctionsMixGradient(2.0, out double atTwo);
        Assert.Equal(1 * 2 * 2.0 + 2.0 + 2.0, atTwo);
        NonsmoothFunctions.StepFunctionsMixGradient(0.0, out double atZero);
        Assert.Equal(0.0, atZero);
        NonsmoothFunctions.StepFunctionsMixGradient(-3.0, out double atMinusThree);
        Assert.Equal(-1 * 2 * -3.0 + -3.0 + -3.0, atMinusThree);
    }

    [Fact]
    public void SoftThresholdGradient_AtThreshold_SplitsTheMaxTie()
    {
        // max(|x| - lambda, 0) ties at |x| = lambda: half the seed reaches |x|.
        NonsmoothFunctions.SoftThresholdGradient(0.5, 0.5, out double dx);
        Assert.Equal(0.5, dx);
        NonsmoothFunctions.SoftThresholdGradient(-0.5, 0.5, out double dxNegative);
        Assert.Equal(0.5, dxNegative);
    }

    [Fact]
    public void HingeLossGradient_AtHinge_SplitsTheMaxTie()
    {
        // 1 - y (w x + b) = 0 at w = 0.5, b = 0.25, x = 1.5, y = 1.
        NonsmoothFunctions.HingeLossGradient(0.5, 0.25, 1.5, 1.0, out double dw, out double db);
        Assert.Equal(0.5 * -1.5 + 0.02 * 0.5, dw, 15);
        Assert.Equal(-0.5, db);
    }

    [Fact]
    public void KinkBranchGradient_AtZero_DifferentiatesTheBranchTaken()
    {
        // x > 0 is false at 0, so the -x branch is taken.
        BranchFunctions.KinkBranchGradient(0.0, out double dx);
        Assert.Equal(-1.0, dx);
    }

    [Fact]
    public void BranchMaxLikeGradient_AtTie_DifferentiatesTheElseBranch()
    {
        // x > y ? 2x - y : x at x == y takes the else branch; x + relu(x - y) gives the same with relu'(0) = 0.
        EdgeCaseFunctions.BranchMaxLikeGradient(0.5, 0.5, out double dx, out double dy);
        Assert.Equal(1.0, dx);
        Assert.Equal(0.0, dy);
        EdgeCaseFunctions.ReluMaxLikeGradient(0.5, 0.5, out double rdx, out double rdy);
        Assert.Equal(1.0, rdx);
        Assert.Equal(0.0, rdy);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(-0.5, -2.0)]
    [InlineData(2.0, 2.0)]
    [InlineData(-1.0, 0.25)]
    public void BranchMaxLikeDirectional_AtTie_IsExactOneSidedDerivative(double d1, double d2)
    {
        // f = x + relu(x - y): f'((t, t); (d1, d2)) = d1 + max(d1 - d2, 0), whether written with a branch or relu.
        double expected = d1 + Math.Max(d1 - d2, 0);
        Assert.Equal(expected, EdgeCaseFunctions.BranchMaxLikeDirectional(0.5, 0.5, d1, d2).Tangent);
        Assert.Equal(expected, EdgeCaseFunctions.ReluMaxLikeDirectional(0.5, 0.5, d1, d2).Tangent);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void EqualityBranch_AtTheIsolatedPoint_BackpropTakesTheBranchButDirectionalLeavesIt(double d)
    {
        // x == 1 ? 5 : x^2. At x = 1 reverse and forward mode differentiate the branch taken (a constant);
        // along any nonzero direction the comparison is false, so Directional follows x^2.
        Assert.Equal(5.0, BranchFunctions.EqualityBranchGradient(1.0, out double dx));
        Assert.Equal(0.0, dx);
        Assert.Equal(0.0, BranchFunctions.EqualityBranchTangent(1.0, d).Tangent);
        Assert.Equal(2 * d, BranchFunctions.EqualityBranchDirectional(1.0, d).Tangent);
        // x != 1 holds along d, so r = x^2 (slope 2); u = -1 < 0 adds u^2 - u^2 / 2 (slope u = -1): d in all.
        Assert.Equal(d, BranchFunctions.InequalityBranchesDirectional(1.0, d).Tangent);
        Assert.Equal(0.0, BranchFunctions.InequalityBranchesGradient(1.0, out double atOne) - 5.0 - 0.5);
        Assert.Equal(-1.0, atOne);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void InequalityBranchesDirectional_AtTwo_IsOneSided(double d)
    {
        // u = x - 2 = 0: u <= 0 along d holds for d <= 0, u < 0 along d for d < 0; both added terms have
        // zero slope at u = 0, so the directional derivative is that of x^2: 4 d.
        Assert.Equal(4 * d, BranchFunctions.InequalityBranchesDirectional(2.0, d).Tangent, 14);
    }

    [Fact]
    public void NonsmoothFDirectional_AtZero_IsExactInFloat()
    {
        // relu(x - y) + |x| + max(x, y) - min(x, y / 2) + clamp(y, -1, 1) at (0, 0).
        foreach (var (dx, dy) in new[] { (1f, 0f), (-1f, 0f), (0f, 1f), (0f, -1f), (0.5f, -2f), (-1.5f, 0.25f) })
        {
            float expected = Math.Max(dx - dy, 0f) + Math.Abs(dx) + Math.Max(dx, dy) - Math.Min(dx, 0.5f * dy) + dy;
            Assert.Equal(expected, FloatFunctions.NonsmoothFDirectional(0f, 0f, dx, dy).Tangent);
        }
    }

    // ---- The nonsmooth Rosenbrock J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1| ----

    [Theory]
    [InlineData(-1.0, 1.5, 99.0, 100.0)]      // u = 0.5: dt1 = -200 u sign(t1) - sign(1 - t1) = 100 - 1
    [InlineData(0.5, 2.0, -301.0, 300.0)]     // u = 1.5: -300 - 1
    [InlineData(2.0, 1.0, 201.0, -200.0)]     // u = -1: 200 + 1
    [InlineData(0.0, 1.0, -1.0, 200.0)]       // abs'(0) = 0 kills the first term; |1 - t1| still gives -1
    [InlineData(0.0, -0.5, -1.0, -100.0)]
    [InlineData(1.0, 2.0, -200.0, 200.0)]     // kink of |1 - t1|: abs'(0) = 0
    [InlineData(1.0, 1.0, 0.0, 0.0)]          // the minimiser
    public void NonsmoothRosenbrockGradient_AtPoint_MatchesHandDerivation(double t1, double t2, double e1, double e2)
    {
        double value = NonsmoothFunctions.NonsmoothRosenbrockGradient(t1, t2, out double d1, out double d2);
        double u = t2 - Math.Abs(t1);
        Assert.Equal(100 * u * u + Math.Abs(1 - t1), value);
        Assert.Equal(e1, d1, 12);
        Assert.Equal(e2, d2, 12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(-2.0, -0.25)]
    public void NonsmoothRosenbrockDirectional_AtTOneZero_IsExact(double d1, double d2)
    {
        // At (0, 1): u = 1, |t1|'(0; d1) = |d1|, 1 - t1 = 1 > 0.
        double expected = 200 * (d2 - Math.Abs(d1)) - d1;
        Assert.Equal(expected, NonsmoothFunctions.NonsmoothRosenbrockDirectional(0.0, 1.0, d1, d2).Tangent, 12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(-1.0, 0.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(-2.0, -0.25)]
    public void NonsmoothRosenbrockDirectional_AtTOneOne_IsExact(double d1, double d2)
    {
        // At (1, 2): u = 1, t1 > 0 so |t1|' = d1, and |1 - t1|'(0; -d1) = |d1|.
        double expected = 200 * (d2 - d1) + Math.Abs(d1);
        Assert.Equal(expected, NonsmoothFunctions.NonsmoothRosenbrockDirectional(1.0, 2.0, d1, d2).Tangent, 12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(-0.7, 0.3)]
    public void NonsmoothRosenbrockDirectional_AtSmoothPoint_EqualsGradientDotDirection(double d1, double d2)
    {
        NonsmoothFunctions.NonsmoothRosenbrockGradient(-1.0, 1.5, out double g1, out double g2);
        Assert.Equal(g1 * d1 + g2 * d2, NonsmoothFunctions.NonsmoothRosenbrockDirectional(-1.0, 1.5, d1, d2).Tangent, 12);
    }
}
