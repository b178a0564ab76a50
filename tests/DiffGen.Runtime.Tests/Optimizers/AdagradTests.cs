using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdagradTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Adagrad<T>([p], new AdagradOptions
            {
                Lr = f.H("lr"), LrDecay = f.H("lr_decay"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay"),
                InitialAccumulatorValue = f.H("initial_accumulator_value"), Maximize = f.Flag("maximize"),
            });
            return (o, o.Step);
        };

    [Theory]
    [InlineData("adagrad.json")]
    [InlineData("adagrad_lrdecay_wd.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("adagrad.json")]
    [InlineData("adagrad_lrdecay_wd.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void InitialAccumulatorValue_FillsSum()
    {
        var p = new Parameter<double>([1.0, 2.0]);
        var o = new Adagrad<double>([p], new AdagradOptions { InitialAccumulatorValue = 0.25 });
        o.Step();
        Assert.Equal([0.25, 0.25], o.GetState(p)!["sum"]);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 0.0, 1e-10, "Lr", "Invalid learning rate: -1.0")]
    [InlineData(0.1, -0.5, 0.0, 1e-10, "LrDecay", "Invalid lr_decay value: -0.5")]
    [InlineData(0.1, 0.0, -0.5, 1e-10, "InitialAccumulatorValue", "Invalid initial_accumulator_value value: -0.5")]
    [InlineData(0.1, 0.0, 0.0, -1.0, "Eps", "Invalid epsilon value: -1.0")]
    public void InvalidHyperParameter_Throws_NamingIt(double lr, double decay, double init, double eps, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AdagradOptions { Lr = lr, LrDecay = decay, InitialAccumulatorValue = init, Eps = eps }.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
