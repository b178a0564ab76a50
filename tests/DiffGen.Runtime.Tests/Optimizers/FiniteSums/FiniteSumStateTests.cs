using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.FiniteSums;

public class FiniteSumStateTests
{
    private static readonly LogisticProblem Problem = new(n: 60, d: 4, lambda: 0.1, seed: 5);

    private static FiniteSumOptimizer Create(string method, Parameter<double> w, bool compact)
    {
        FiniteSum sum = compact ? Problem.Linear() : Problem.General();
        return method switch
        {
            "SAG" => new Sag(w, sum, new SagOptions { Smoothness = 0.25, WeightDecay = 0.1, Seed = 4 }),
            "SAGA" => new Saga(w, sum, new SagaOptions { Smoothness = 0.25, WeightDecay = 0.1, Seed = 4 }),
            _ => new Svrg(w, sum, new SvrgOptions { Smoothness = 0.25, WeightDecay = 0.1, Seed = 4, InnerLoopLength = 37 }),
        };
    }

    private static byte[] Save(FiniteSumOptimizer o)
    {
        var ms = new MemoryStream();
        o.SaveState(ms);
        return ms.ToArray();
    }

    /// <summary>Two epochs, checkpoint, two more; a fresh optimizer restored from the checkpoint on a copy of the weights
    /// reaches bitwise the same weights and state (the sampler is part of the state).</summary>
    [Theory]
    [InlineData("SAG", true)]
    [InlineData("SAG", false)]
    [InlineData("SAGA", true)]
    [InlineData("SAGA", false)]
    [InlineData("SVRG", true)]
    [InlineData("SVRG", false)]
    public void Resume_FromCheckpoint_IsBitIdentical(string method, bool compact)
    {
        var w = new Parameter<double>(new double[Problem.D], "w");
        var o = Create(method, w, compact);
        o.Epoch();
        o.Epoch();
        byte[] checkpoint = Save(o);
        var copy = new Parameter<double>(w.Data.ToArray(), "w");
        o.Epoch();
        o.Epoch();

        var r = Create(method, copy, compact);
        r.LoadState(new MemoryStream(checkpoint));
        Assert.Equal(2 * Problem.N, r.Iterations);
        r.Epoch();
        r.Epoch();
        Assert.Equal(w.Data, copy.Data);
        Assert.Equal(Save(o), Save(r));
    }

    [Fact]
    public void Load_CorruptOrMismatched_IsRejected_StateUnchanged()
    {
        var w = new Parameter<double>(new double[Problem.D], "w");
        var o = Create("SAGA", w, compact: true);
        o.Epoch();
        byte[] before = Save(o);

        byte[] corrupt = (byte[])before.Clone();
        corrupt[corrupt.Length / 2] ^= 1;
        Assert.Contains("hash", Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(corrupt))).Message);
        Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(before[..10]))).Message);
        Assert.Contains("hash", Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(before[..^20]))).Message);
        Assert.Contains("SAG", Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(Save(Create("SAG", w, true))))).Message);
        Assert.Contains("entries", Assert.Throws<InvalidDataException>(() => o.LoadState(new MemoryStream(Save(Create("SAGA", w, false))))).Message);
        Assert.Equal(before, Save(o));
    }

    public static TheoryData<Func<FiniteSumOptimizer>, string, string> BadInputs()
    {
        var sum = Problem.Linear();
        Parameter<double> W() => new(new double[Problem.D], "w");
        return new TheoryData<Func<FiniteSumOptimizer>, string, string>
        {
            { () => new Sag(W(), sum, new SagOptions()), "Smoothness", "Invalid smoothness value: nan" },
            { () => new Saga(W(), sum, new SagaOptions { Smoothness = -1.0 }), "Smoothness", "Invalid smoothness value: -1.0" },
            { () => new Svrg(W(), sum, new SvrgOptions { Lr = 0.0 }), "Lr", "Invalid learning rate: 0.0" },
            { () => new Sag(W(), sum, new SagOptions { Lr = 0.1, WeightDecay = -0.5 }), "WeightDecay", "Invalid weight_decay value: -0.5" },
            { () => new Svrg(W(), sum, new SvrgOptions { Smoothness = 1.0, InnerLoopLength = 0 }), "InnerLoopLength", "Invalid inner loop length: 0" },
            { () => new Saga(new Parameter<double>(new double[3], "w"), sum, new SagaOptions { Smoothness = 1.0 }), "weights", "Weights 'w' have length 3 but the problem has dimension 4." },
            { () => new Sag(W(), new LinearModelSum(new double[7], 2, 4, (_, z) => z), new SagOptions { Smoothness = 1.0 }), "features", "Features have length 7 but 2 samples of dimension 4 need 8." },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_ThrowsNamingIt(Func<FiniteSumOptimizer> create, string name, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(create);
        Assert.Equal(name, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PaperStepSizes_FollowFromTheSmoothnessConstant()
    {
        var w = new Parameter<double>(new double[Problem.D], "w");
        var sum = Problem.Linear();
        Assert.Equal(1.0 / (16 * 2.5), new Sag(w, sum, new SagOptions { Smoothness = 2.0, WeightDecay = 0.5 }).StepSize, 15);
        Assert.Equal(1.0 / (3 * 2.0), new Saga(w, sum, new SagaOptions { Smoothness = 2.0 }).StepSize, 15);
        var svrg = new Svrg(w, sum, new SvrgOptions { Smoothness = 2.0 });
        Assert.Equal(1.0 / 20, svrg.StepSize, 15);
        Assert.Equal(2 * Problem.N, svrg.InnerLoopLength);
        Assert.Equal(0.3, new Sag(w, sum, new SagOptions { Lr = 0.3 }).StepSize);
    }

    [Fact]
    public void NonFiniteSampleGradient_Throws_BeforeTheTableChanges()
    {
        var w = new Parameter<double>(new double[2], "w");
        var sum = new SampleGradientSum(3, 2, (i, x, g) => { g[0] = i == 1 ? double.NaN : 1.0; return 0.0; });
        var o = new Saga(w, sum, new SagaOptions { Smoothness = 1.0 });
        var ex = Assert.Throws<NonFiniteGradientException>(() => o.Step());
        Assert.Contains("sample 1", ex.Message);
        Assert.Equal([0.0, 0.0], w.Data);
    }
}
