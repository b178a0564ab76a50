using Xunit;

namespace DiffGen.Gradients.Tests.Loops;

/// <summary>Secondary counters are recomputed in the adjoint sweep, not recorded: the gradients must not change.</summary>
public class InductionTests
{
    /// <summary>Central differences to 1e-6 and forward against reverse mode to 1e-12, relative.</summary>
    private static void AssertAgrees(DiffGen.GradientCheckResult check)
    {
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseRelativeError < 1e-12, check.ToString());
    }

    [Fact]
    public void PackedTriangular_Gradient_MatchesFiniteDifferencesAndForwardMode()
    {
        var check = InductionFunctions.PackedTriangularGradientCheck(new[] { 0.3, -0.2, 0.5, 0.9, -0.4, 0.1 }, new[] { 0.7, -0.3, 1.1 });
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(-1.3)]
    public void BeforeAndAfter_Gradient_MatchesFiniteDifferencesAndForwardMode(double t)
    {
        var check = InductionFunctions.BeforeAndAfterGradientCheck(new[] { 0.3, -0.2, 0.5, 0.9, -0.4 }, t);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());
    }

    [Fact]
    public void ColumnMajorTriangle_Gradient_MatchesFiniteDifferencesAndForwardMode()
    {
        var check = InductionFunctions.ColumnMajorTriangleGradientCheck(new[] { 0.3, -0.2, 0.5, 0.9, -0.4, 0.1 }, new[] { 0.7, -0.3, 1.1, 0.2 });
        AssertAgrees(check);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void SteppedReads_Gradient_MatchesFiniteDifferencesAndForwardMode(int n)
    {
        var w = new double[n * (n + 1) / 2 + 2];
        for (int i = 0; i < w.Length; i++) w[i] = System.Math.Sin(1.3 * i + 0.2);
        var check = InductionFunctions.SteppedReadsGradientCheck(w, n);
        AssertAgrees(check);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SteppingDown_Gradient_MatchesFiniteDifferencesAndForwardMode(int stride)
    {
        var w = new double[10];
        for (int i = 0; i < w.Length; i++) w[i] = System.Math.Cos(0.9 * i - 0.4);
        var check = InductionFunctions.SteppingDownGradientCheck(w, stride);
        AssertAgrees(check);
    }

    [Fact]
    public void ScaledMean_GradientAndPullback_MatchFiniteDifferencesAndScaleWithTheSeed()
    {
        double[] w = { 0.4, -0.7, 0.2 };
        var x = new double[3 * 5];
        for (int i = 0; i < x.Length; i++) x[i] = System.Math.Sin(0.7 * i + 0.1);
        var check = InductionFunctions.ScaledMeanGradientCheck(w, x, 5);
        AssertAgrees(check);
        var dw = new double[3];
        InductionFunctions.ScaledMeanGradient(w, x, 5, dw);
        var pw = new double[3];
        InductionFunctions.ScaledMeanPullback(w, x, 5, -1.5, pw);
        for (int j = 0; j < 3; j++) Assert.True(System.Math.Abs(pw[j] + 1.5 * dw[j]) <= 1e-13 * System.Math.Abs(dw[j]), $"w[{j}]: {pw[j]:R} vs -1.5 × {dw[j]:R}");
    }

    [Fact]
    public void IndexByFormula_Gradient_MatchesFiniteDifferencesAndForwardMode()
    {
        var check = InductionFunctions.IndexByFormulaGradientCheck(new[] { 0.3, -0.2, 0.5, 0.9, -0.4, 0.1 }, new[] { 0.7, -0.3, 1.1, 0.2 }, 3);
        AssertAgrees(check);
    }
}
