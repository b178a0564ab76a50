using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class SgdTests
{
    internal static SgdOptions Options(OptimFixture f) => new()
    {
        Lr = f.H("lr"),
        Momentum = f.H("momentum"),
        Dampening = f.H("dampening"),
        WeightDecay = f.H("weight_decay"),
        Nesterov = f.Flag("nesterov"),
        Maximize = f.Flag("maximize"),
    };

    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Sgd<T>([p], Options(f));
            return (o, o.Step);
        };

    [Theory]
    [InlineData("sgd.json")]
    [InlineData("sgd_momentum.json")]
    [InlineData("sgd_momentum_nesterov.json")]
    [InlineData("sgd_momentum_dampening_wd.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("sgd.json")]
    [InlineData("sgd_momentum_nesterov.json")]
    [InlineData("sgd_momentum_dampening_wd.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void Maximize_MovesUphill_AsNegatedGradient()
    {
        var a = new Parameter<double>([1.0, 2.0]);
        var b = new Parameter<double>([1.0, 2.0]);
        a.Grad[0] = 0.5; a.Grad[1] = -1.0;
        b.Grad[0] = -0.5; b.Grad[1] = 1.0;
        new Sgd<double>([a], new SgdOptions { Lr = 0.1, Momentum = 0.9, Maximize = true }).Step();
        new Sgd<double>([b], new SgdOptions { Lr = 0.1, Momentum = 0.9 }).Step();
        Assert.Equal(b.Data, a.Data);
        Assert.Equal(1.05, a.Data[0], 15);
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0, false, "Lr", "Invalid learning rate: -0.1")]
    [InlineData(0.1, -0.5, 0, 0, false, "Momentum", "Invalid momentum value: -0.5")]
    [InlineData(0.1, 0.9, 0, -1e-3, false, "WeightDecay", "Invalid weight_decay value: -0.001")]
    [InlineData(0.1, 0.9, 1.5, 0, false, "Dampening", "Invalid dampening value: 1.5")]
    [InlineData(0.1, 0, 0, 0, true, "Nesterov", "Nesterov momentum requires a momentum and zero dampening")]
    [InlineData(0.1, 0.9, 0.1, 0, true, "Nesterov", "Nesterov momentum requires a momentum and zero dampening")]
    public void InvalidHyperParameter_Throws_NamingIt(double lr, double momentum, double dampening, double wd, bool nesterov, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Sgd<double>([new Parameter<double>([1.0])], new SgdOptions { Lr = lr, Momentum = momentum, Dampening = dampening, WeightDecay = wd, Nesterov = nesterov }));
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
