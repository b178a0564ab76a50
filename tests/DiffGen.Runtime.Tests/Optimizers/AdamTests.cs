using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdamTests
{
    internal static AdamOptions Options(OptimFixture f) => new()
    {
        Lr = f.H("lr"),
        Betas = f.Pair("betas"),
        Eps = f.H("eps"),
        WeightDecay = f.H("weight_decay"),
        Amsgrad = f.Flag("amsgrad"),
        Maximize = f.Flag("maximize"),
    };

    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Adam<T>([p], Options(f));
            return (o, o.Step);
        };

    [Theory]
    [InlineData("adam.json")]
    [InlineData("adam_amsgrad.json")]
    [InlineData("adam_wd.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("adam.json")]
    [InlineData("adam_amsgrad.json")]
    [InlineData("adam_wd.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void Defaults_AreTorchDefaults()
    {
        var o = new AdamOptions();
        Assert.Equal((1e-3, (0.9, 0.999), 1e-8, 0.0, false, false), (o.Lr, o.Betas, o.Eps, o.WeightDecay, o.Amsgrad, o.Maximize));
    }

    [Theory]
    [InlineData(-0.1, 0.9, 0.999, 1e-8, 0, "Lr", "Invalid learning rate: -0.1")]
    [InlineData(1e-3, 1.0, 0.999, 1e-8, 0, "Betas", "Invalid beta parameter at index 0: 1.0")]
    [InlineData(1e-3, 0.9, -0.5, 1e-8, 0, "Betas", "Invalid beta parameter at index 1: -0.5")]
    [InlineData(1e-3, 0.9, 0.999, 0, 0, "Eps", "Invalid epsilon value: 0.0")]
    [InlineData(1e-3, 0.9, 0.999, -1e-8, 0, "Eps", "Invalid epsilon value: -1e-08")]
    [InlineData(1e-3, 0.9, 0.999, 1e-8, -0.1, "WeightDecay", "Invalid weight_decay value: -0.1")]
    public void InvalidHyperParameter_Throws_NamingIt(double lr, double b1, double b2, double eps, double wd, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Adam<double>([new Parameter<double>([1.0])], new AdamOptions { Lr = lr, Betas = (b1, b2), Eps = eps, WeightDecay = wd }));
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
