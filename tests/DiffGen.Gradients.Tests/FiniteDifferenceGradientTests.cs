using System;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// Every double corpus function at 20 random points (fixed seed per function, away from kinks):
/// the generated reverse-mode gradient against our own five-point central differences to 1e-6
/// relative, and forward mode against reverse mode (the tangent along v equals &lt;gradient, v&gt;)
/// to 1e-12.
/// </summary>
public sealed class FiniteDifferenceGradientTests
{
    private const int PointsPerFunction = 20;

    public static TheoryData<string> Names => GradientCases.Names;

    [Fact]
    public void CaseTable_Size_CoversAtLeast60Functions()
    {
        Assert.True(GradientCases.All.Count >= 60, $"only {GradientCases.All.Count} functions in the table");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReverseMode_AtRandomPoints_MatchesCentralDifferences(string name)
    {
        var c = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name));
        for (int n = 0; n < PointsPerFunction; n++)
        {
            double[] x = c.Sample(random);
            var (value, gradient) = c.Gradient(x);
            // Rounding noise of the stencil is about eps |f| / h; allow it on top of the relative tolerance.
            double noise = 1e-8 * Math.Max(1.0, Math.Abs(value));
            for (int i = 0; i < c.Arity; i++)
            {
                double fd = Numeric.CentralDifference(c.Value, x, i);
                Numeric.AssertClose(fd, gradient[i], 1e-6, noise, $"{name} d/dx{i} at {Numeric.Format(x)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardMode_AtRandomPointsAndDirections_MatchesReverseMode(string name)
    {
        var c = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) ^ 0x5bd1e995);
        for (int n = 0; n < PointsPerFunction; n++)
        {
            double[] x = c.Sample(random);
            double[] v = Numeric.RandomDirection(random, c.Arity);
            var (_, gradient) = c.Gradient(x);
            double dot = 0, scale = 0;
            for (int i = 0; i < c.Arity; i++)
            {
                dot += gradient[i] * v[i];
                scale += Math.Abs(gradient[i] * v[i]);
            }
            double tangent = c.Tangent(x, v).Tangent;
            Numeric.AssertClose(dot, tangent, 1e-12, 1e-12 * scale + 1e-300,
                $"{name} at {Numeric.Format(x)} along {Numeric.Format(v)}");
        }
    }
}
