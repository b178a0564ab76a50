using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class RmsPropTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new RmsProp<T>([p], new RmsPropOptions
            {
                Lr = f.H("lr"), Alpha = f.H("alpha"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay"),
                Momentum = f.H("momentum"), Centered = f.Flag("centered"), Maximize = f.Flag("maximize"),
            });
            return (o, o.Step);
        };

    [Theory]
    [InlineData("rmsprop.json")]
    [InlineData("rmsprop_centered_momentum.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("rmsprop.json")]
    [InlineData("rmsprop_centered_momentum.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Theory]
    [InlineData(-0.5, 0.0, "Alpha", "Invalid alpha value: -0.5")]
    [InlineData(0.99, -0.1, "Momentum", "Invalid momentum value: -0.1")]
    public void InvalidHyperParameter_Throws_NamingIt(double alpha, double momentum, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RmsPropOptions { Alpha = alpha, Momentum = momentum }.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
