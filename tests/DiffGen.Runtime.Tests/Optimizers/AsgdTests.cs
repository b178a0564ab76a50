using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AsgdTests
{
    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Asgd<T>([p], new AsgdOptions
            {
                Lr = f.H("lr"), Lambd = f.H("lambd"), Alpha = f.H("alpha"), T0 = f.H("t0"), WeightDecay = f.H("weight_decay"), Maximize = f.Flag("maximize"),
            });
            return (o, o.Step);
        };

    [Theory]
    [InlineData("asgd.json")]
    [InlineData("asgd_t0_10.json")]
    public void Fixture_Float64_MatchesTorch(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [InlineData("asgd.json")]
    [InlineData("asgd_t0_10.json")]
    public void Fixture_Float32_MatchesTorchToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void AveragedParameters_FollowTorchAfterEveryStep()
    {
        var f = OptimFixture.Load("asgd_t0_10.json");
        var expected = OptimFixture.Matrix(f.Root.GetProperty("ax_trajectory"));
        var p = new Parameter<double>((double[])f.Theta0.Clone());
        var o = new Asgd<double>([p], new AsgdOptions { Lr = f.H("lr"), T0 = f.H("t0") });
        for (int k = 0; k < expected.Length; k++)
        {
            f.Gradient(p.Data, k, p.Grad);
            o.Step();
            FixtureRunner.AssertVector(expected[k], o.GetState(p)!["ax"], FixtureRunner.Float64Tolerance, $"ax after step {k + 1}");
        }
    }
}
