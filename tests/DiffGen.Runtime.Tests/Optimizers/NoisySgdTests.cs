using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class NoisySgdTests
{
    [Fact]
    public void PerturbedSgd_ZeroGradient_MovesByExactlyLrOnTheUnitSphere_AcrossAllParameters()
    {
        var a = new Parameter<double>(new double[10]);
        var b = new Parameter<double>(new double[7]);
        var o = new PerturbedSgd<double>([a, b], new NoisySgdOptions { Lr = 0.25 }, seed: 3);
        o.Step();
        double norm = Math.Sqrt(a.Data.Concat(b.Data).Sum(v => v * v));
        Assert.Equal(0.25, norm, 14);
    }

    [Fact]
    public void PerturbedSgd_NoNoise_IsPlainSgd()
    {
        var p = new Parameter<double>([1.0, 2.0]);
        p.Grad[0] = 1; p.Grad[1] = -1;
        new PerturbedSgd<double>([p], new NoisySgdOptions { Lr = 0.1, NoiseScale = 0 }).Step();
        Assert.Equal([0.9, 2.1], p.Data);
    }

    [Fact]
    public void Sgld_ZeroGradient_AddsGaussianNoiseWithVariance2Gamma()
    {
        const int n = 200_000;
        var p = new Parameter<double>(new double[n]);
        new Sgld<double>([p], new NoisySgdOptions { Lr = 0.02 }, seed: 11).Step();
        double mean = p.Data.Average();
        double variance = p.Data.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        // Standard errors: mean 0.2/sqrt(n) ~ 4.5e-4, variance 0.04*sqrt(2/n) ~ 1.3e-4; bounds at about 5 of them.
        Assert.InRange(mean, -2.5e-3, 2.5e-3);
        Assert.InRange(variance, 0.04 - 7e-4, 0.04 + 7e-4);
    }

    [Fact]
    public void Sgld_SameSeed_SameTrajectory_OtherSeed_Differs()
    {
        double[] Run(ulong seed)
        {
            var p = new Parameter<float>(new float[33]);
            var o = new Sgld<float>([p], new NoisySgdOptions { Lr = 0.01 }, seed);
            o.Step();
            o.Step();
            return p.Data.Select(v => (double)v).ToArray();
        }

        double[] first = Run(5), again = Run(5), other = Run(6);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void NegativeNoiseScale_Throws_NamingIt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NoisySgdOptions { NoiseScale = -1 }.Validate());
        Assert.Equal("NoiseScale", ex.ParamName);
    }
}
