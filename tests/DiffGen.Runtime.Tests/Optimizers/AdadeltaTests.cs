using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdadeltaTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Adadelta<T>([p], new AdadeltaOptions
            {
                Lr = f.H("lr"), Rho = f.H("rho"), Eps = f.H("eps"), WeightDecay = f.H("weight_decay"), Maximize = f.Flag("maximize"),
            });
            return (o, o.Step);
        };

    [Fact]
    public void Fixture_Float64_MatchesTorch() => FixtureRunner.AssertParity64("adadelta.json", Make<double>);

    [Fact]
    public void Fixture_Float32_MatchesTorchToFloatTolerance() => FixtureRunner.AssertParity32("adadelta.json", Make<float>);

    [Theory]
    [InlineData(1.5, 1e-6, "Rho", "Invalid rho value: 1.5")]
    [InlineData(0.9, 0.0, "Eps", "Invalid epsilon value: 0.0")]
    public void InvalidHyperParameter_Throws_NamingIt(double rho, double eps, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AdadeltaOptions { Rho = rho, Eps = eps }.Validate());
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
