using Xunit;

namespace DiffGen.Gradients.Tests.Loops;

/// <summary>Secondary counters are recomputed in the adjoint sweep, not recorded: the gradients must not change.</summary>
public class InductionTests
{
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
}
