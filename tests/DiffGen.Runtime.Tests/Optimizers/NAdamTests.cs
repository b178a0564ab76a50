using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class NAdamTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new NAdam<T>([p], new NAdamOptions
            {
                Lr = f.H("lr"), Betas = f.Pair("betas"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay"), MomentumDecay = f.H("momentum_decay"),
            });
            return (o, o.Step);
        };

    [Fact]
    public void ForeachFixture_Float64_MatchesTorch() => FixtureRunner.AssertParity64("nadam_foreach.json", Make<double>);

    [Fact]
    public void ForeachFixture_Float32_MatchesTorchToFloatTolerance() => FixtureRunner.AssertParity32("nadam_foreach.json", Make<float>);

    /// <summary>Documented exception (issue 4): nadam.json records torch 1.13's single-tensor bug (mu_t multiplied in twice);
    /// DiffGen follows the corrected product, so it matches the first step (where the bug is invisible) and then departs.</summary>
    [Fact]
    public void SingleTensorFixture_DiffersAfterFirstStep_BecauseOfTorch113Bug()
    {
        var f = OptimFixture.Load("nadam.json");
        var r = FixtureRunner.Run(f, Make<double>(f));
        double maxDiff = 0;
        for (int k = 0; k < f.Trajectory.Length; k++)
            for (int i = 0; i < f.Trajectory[k].Length; i++)
                maxDiff = Math.Max(maxDiff, Math.Abs(f.Trajectory[k][i] - r.Trajectory[k][i]));
        Assert.InRange(maxDiff, 1e-6, 1e-3);
        var foreachRef = OptimFixture.Load("nadam_foreach.json");
        FixtureRunner.AssertVector(foreachRef.Trajectory[^1], r.Trajectory[^1], FixtureRunner.Float64Tolerance, "nadam.json run vs foreach reference");
    }

    [Fact]
    public void InvalidMomentumDecay_Throws_NamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NAdamOptions { MomentumDecay = -1 }.Validate());
        Assert.Equal("MomentumDecay", ex.ParamName);
        Assert.StartsWith("Invalid momentum_decay value: -1.0", ex.Message);
    }
}
