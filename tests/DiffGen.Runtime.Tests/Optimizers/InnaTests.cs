using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class InnaTests
{
    internal static InnaOptions Options(OptimFixture f) => new()
    {
        Lr = f.H("lr"),
        Alpha = f.H("alpha"),
        Beta = f.H("beta"),
        DecayPower = f.H("decaypower"),
        WeightDecay = f.H("weight_decay"),
        Psi0 = f.Hyper.GetProperty("psi0").GetString()!.Contains("g0", StringComparison.Ordinal)
            ? InnaPsiInitialization.WithGradient
            : InnaPsiInitialization.ParametersOnly,
    };

    internal static FixtureRunner.Factory<T> Make<T>(OptimFixture f) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        p =>
        {
            var o = new Inna<T>([p], Options(f));
            return (o, o.Step);
        };

    public static TheoryData<string> Files() => new(OptimFixture.Files("inna_"));

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_Float64_MatchesReferenceCode(string file) => FixtureRunner.AssertParity64(file, Make<double>);

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_Float32_MatchesReferenceToFloatTolerance(string file) => FixtureRunner.AssertParity32(file, Make<float>);

    [Fact]
    public void FixtureFiles_CoverBothPsiInitialisations() => Assert.Equal(8, Files().Count);

    /// <summary>With lr = 0 nothing moves after the initialisation, so psi equals the file's psi_0.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Psi0_MatchesInitialState(string file)
    {
        var f = OptimFixture.Load(file);
        var p = new Parameter<double>((double[])f.Theta0.Clone());
        f.Gradient(p.Data, 0, p.Grad);
        var o = new Inna<double>([p], Options(f) with { Lr = 0.0 });
        o.Step();
        var expected = OptimFixture.Vector(f.Root.GetProperty("initial_state").GetProperty("psi"));
        FixtureRunner.AssertVector(expected, o.GetState(p)!["psi"], FixtureRunner.Float64Tolerance, "psi_0");
    }

    [Fact]
    public void DefaultPsi0_IsThesisFormula_FirstStepAlongMinusGradient()
    {
        var p = new Parameter<double>([1.0, -2.0]);
        p.Grad[0] = 0.5; p.Grad[1] = 4.0;
        new Inna<double>([p], new InnaOptions { Lr = 0.01, Alpha = 1.3, Beta = 0.7 }).Step();
        Assert.Equal(1.0 - 0.01 * 0.5, p.Data[0], 14);
        Assert.Equal(-2.0 - 0.01 * 4.0, p.Data[1], 14);
    }

    [Theory]
    [InlineData(0.0, "Beta", "Invalid beta value: 0.0")]
    [InlineData(-0.1, "Beta", "Invalid beta value: -0.1")]
    public void NonPositiveBeta_Throws_NamingIt(double beta, string name, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Inna<double>([new Parameter<double>([1.0])], new InnaOptions { Beta = beta }));
        Assert.Equal(name, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", ex.Message);
    }
}
