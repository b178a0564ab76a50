using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class RpropTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Rprop<T>([p], new RpropOptions { Lr = f.H("lr"), Etas = f.Pair("etas"), StepSizes = f.Pair("step_sizes"), Maximize = f.Flag("maximize") });
            return (o, o.Step);
        };

    [Fact]
    public void Fixture_Float64_MatchesTorch() => FixtureRunner.AssertParity64("rprop.json", Make<double>);

    [Fact]
    public void Fixture_Float32_MatchesTorchToFloatTolerance() => FixtureRunner.AssertParity32("rprop.json", Make<float>);

    [Fact]
    public void FirstStep_MovesEveryNonZeroGradientCoordinateByLr()
    {
        var p = new Parameter<double>([0.0, 0.0, 0.0]);
        p.Grad[0] = 3.0; p.Grad[1] = -1e-9; p.Grad[2] = 0.0;
        new Rprop<double>([p], new RpropOptions { Lr = 0.01 }).Step();
        Assert.Equal([-0.01, 0.01, 0.0], p.Data);
    }

    [Theory]
    [InlineData(1.5, 1.2, "Etas", "Invalid eta values: 1.5, 1.2")]
    [InlineData(0.5, 0.9, "Etas", "Invalid eta values: 0.5, 0.9")]
    public void InvalidEtas_Throw_NamingThem(double minus, double plus, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RpropOptions { Etas = (minus, plus) }.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
