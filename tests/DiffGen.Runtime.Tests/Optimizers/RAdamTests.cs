using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class RAdamTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new RAdam<T>([p], new RAdamOptions { Lr = f.H("lr"), Betas = f.Pair("betas"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay") });
            return (o, o.Step);
        };

    [Fact]
    public void Fixture_Float64_MatchesTorch() => FixtureRunner.AssertParity64("radam.json", Make<double>);

    [Fact]
    public void Fixture_Float32_MatchesTorchToFloatTolerance() => FixtureRunner.AssertParity32("radam.json", Make<float>);

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void Rectification_StartsAtStepSix_WithDefaultBeta2(long step, bool rectified) =>
        Assert.Equal(rectified, (bool)new RAdamRule(new RAdamOptions(), step).Rectified);
}
