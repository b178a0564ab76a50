using System;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>Loops long enough to move the reverse-mode tape from the stack to pooled arrays.</summary>
public sealed class LongLoopTests
{
    [Theory]
    [InlineData(0.7, 100_000)]
    [InlineData(-2.1, 30_000)]
    public void LongLoopGradient_ManyIterations_MatchesProductOfStepDerivatives(double x, int n)
    {
        double s = x, expected = 1;
        for (int i = 0; i < n; i++)
        {
            expected *= 1 + 0.001 * Math.Cos(s);
            s += 0.001 * Math.Sin(s);
        }
        double value = EdgeCaseFunctions.LongLoopGradient(x, n, out double dx);
        Assert.Equal(EdgeCaseFunctions.LongLoop(x, n), value);
        // n rounded factors: allow n * eps relative.
        Assert.True(Math.Abs(dx - expected) <= 1e-10 * Math.Abs(expected), $"expected {expected:R}, got {dx:R}");
        Assert.True(Math.Abs(EdgeCaseFunctions.LongLoopTangent(x, n, 1.0).Tangent - expected) <= 1e-10 * Math.Abs(expected));
    }

    [Fact]
    public void RepeatedSineGradient_LongTripCount_MatchesClosedForm()
    {
        double x = 1.2, d = 1;
        for (int i = 0; i < 100_000; i++)
        {
            d *= Math.Cos(x);
            x = Math.Sin(x);
        }
        LoopFunctions.RepeatedSineGradient(1.2, 100_000, out double dx);
        Assert.True(Math.Abs(dx - d) <= 1e-10 * Math.Abs(d), $"expected {d:R}, got {dx:R}");
    }
}
