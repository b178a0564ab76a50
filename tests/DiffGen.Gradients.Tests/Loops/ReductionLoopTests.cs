using System;
using System.Linq;
using Xunit;
using F = DiffGen.Gradients.Tests.Loops.ReductionLoopFunctions;

namespace DiffGen.Gradients.Tests.Loops;

/// <summary>
/// Reduction loops reversed one iteration at a time, and near misses left to the general scheme:
/// reverse mode against forward mode and central differences, and the pullback's seed scaling.
/// </summary>
public class ReductionLoopTests
{
    private const int D = 4;
    private const int N = 7;
    private static readonly double[] W = { 0.7, -0.4, 1.1, 0.3 };
    private static readonly double[] X = Enumerable.Range(0, D * N).Select(i => Math.Sin(1.7 * i + 0.3) * 1.2).ToArray();

    private static void AssertAgrees(DiffGen.GradientCheckResult check)
    {
        Assert.False(check.HasNonFinite, check.ToString());
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseRelativeError < 1e-12 || check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());
    }

    [Fact]
    public void ScratchPerItem_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.ScratchPerItemGradientCheck(W, 0.4, X, D, N));

    [Fact]
    public void BranchesAndBreak_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.BranchesAndBreakGradientCheck(W, X, D, N));

    [Fact]
    public void SumInInnerLoop_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.SumInInnerLoopGradientCheck(W, X, D, N));

    [Fact]
    public void CarriedScalar_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.CarriedScalarGradientCheck(W, X, D, N));

    [Fact]
    public void PartlyRewrittenScratch_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.PartlyRewrittenScratchGradientCheck(W, X, D, N));

    [Fact]
    public void ScratchReadAfterLoop_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.ScratchReadAfterLoopGradientCheck(W, X, D, N));

    [Fact]
    public void SumReadInBody_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.SumReadInBodyGradientCheck(W, X, D, N));

    [Fact]
    public void TwoSums_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.TwoSumsGradientCheck(W, X, D, N));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void InPlaceUpdates_Gradient_MatchesForwardModeAndFiniteDifferences(int n)
        => AssertAgrees(F.InPlaceUpdatesGradientCheck(new[] { 0.3, -0.5, 0.8, 0.2 }, n));

    [Fact]
    public void SettledScratch_Gradient_MatchesForwardModeAndFiniteDifferences()
        => AssertAgrees(F.SettledScratchGradientCheck(W, X, D, N));

    [Fact]
    public void ScratchPerItemF_Gradient_MatchesForwardModeAndFiniteDifferencesToFloatPrecision()
    {
        // Float tolerances as in FloatGradientTests: the finite differences run in float.
        var check = F.ScratchPerItemFGradientCheck(W.Select(v => (float)v).ToArray(), 0.4f, X.Select(v => (float)v).ToArray(), D, N);
        Assert.True(check.Passed(2e-3, 1e-4), check.ToString());
        Assert.True(check.MaxForwardReverseRelativeError < 1e-5 || check.MaxForwardReverseAbsoluteError < 1e-5, check.ToString());
    }

    [Fact]
    public void ScratchPerItem_PullbackWithSeed_ScalesTheGradient()
    {
        var dw = new double[D];
        F.ScratchPerItemGradient(W, 0.4, X, D, N, dw, out double db);
        var pw = new double[D];
        double pb = 0;
        F.ScratchPerItemPullback(W, 0.4, X, D, N, -2.5, pw, ref pb);
        for (int j = 0; j < D; j++) Assert.True(Math.Abs(pw[j] + 2.5 * dw[j]) <= 1e-14 * Math.Abs(dw[j]), $"w[{j}]: {pw[j]:R} vs -2.5 × {dw[j]:R}");
        Assert.True(Math.Abs(pb + 2.5 * db) <= 1e-14 * Math.Abs(db), $"b: {pb:R} vs -2.5 × {db:R}");
    }

    [Fact]
    public void ScratchPerItem_CalledTwiceIntoSameShadow_Accumulates()
    {
        var once = new double[D];
        F.ScratchPerItemGradient(W, 0.4, X, D, N, once, out _);
        var twice = new double[D];
        F.ScratchPerItemGradient(W, 0.4, X, D, N, twice, out _);
        F.ScratchPerItemGradient(W, 0.4, X, D, N, twice, out _);
        for (int j = 0; j < D; j++) Assert.True(Math.Abs(twice[j] - 2 * once[j]) <= 1e-14 * Math.Abs(once[j]));
    }
}
