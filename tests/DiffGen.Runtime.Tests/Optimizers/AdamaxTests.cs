using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdamaxTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Adamax<T>([p], new AdamaxOptions
            {
                Lr = f.H("lr"), Betas = f.Pair("betas"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay"), Maximize = f.Flag("maximize"),
            });
            return (o, o.Step);
        };

    [Fact]
    public void Fixture_Float64_MatchesTorch() => FixtureRunner.AssertParity64("adamax.json", Make<double>);

    [Fact]
    public void Fixture_Float32_MatchesTorchToFloatTolerance() => FixtureRunner.AssertParity32("adamax.json", Make<float>);

    [Fact]
    public void InvalidBeta_Throws_NamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AdamaxOptions { Betas = (0.9, 1.0) }.Validate());
        Assert.Equal("Betas", ex.ParamName);
        Assert.StartsWith("Invalid beta parameter at index 1: 1.0", ex.Message);
    }
}
