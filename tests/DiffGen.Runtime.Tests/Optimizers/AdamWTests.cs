using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdamWTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new AdamW<T>([p], AdamTests.Options(f));
            return (o, o.Step);
        };

    [Theory]
    [InlineData("adamw.json")]
    [InlineData("adamw_amsgrad.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("adamw.json")]
    [InlineData("adamw_amsgrad.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void DefaultOptions_UseTorchAdamWWeightDecay()
    {
        var o = new AdamW<double>([new Parameter<double>([1.0])]);
        Assert.Equal(1e-2, o.ParamGroups[0].Options.WeightDecay);
    }
}
