using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class OptimizerTests
{
    [Fact]
    public void Step_GradientLengthMismatch_ThrowsNamingParameter_AndChangesNothing()
    {
        var a = new Parameter<double>([1.0, 2.0], "w");
        var b = new Parameter<double>([3.0], "b");
        var o = new Adam<double>([a, b]);
        a.Grad[0] = 1.0;
        b.Grad = new double[2];
        var ex = Assert.Throws<ArgumentException>(() => o.Step());
        Assert.Equal("Grad", ex.ParamName);
        Assert.Contains("'b'", ex.Message);
        Assert.Equal([1.0, 2.0], a.Data);
        Assert.Null(o.GetState(a));
    }

    [Fact]
    public void Step_ParameterReplacedWithOtherLength_ThrowsNamingData()
    {
        var a = new Parameter<double>([1.0, 2.0], "w");
        var o = new Sgd<double>([a], new SgdOptions { Lr = 0.1, Momentum = 0.9 });
        o.Step();
        a.Data = new double[3];
        a.Grad = new double[3];
        var ex = Assert.Throws<ArgumentException>(() => o.Step());
        Assert.Equal("Data", ex.ParamName);
        Assert.Contains("'w'", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteGradient_Skip_LeavesParametersAndStateUnchanged(double bad)
    {
        var a = new Parameter<double>([1.0, 2.0, 3.0], "w");
        var o = new Adam<double>([a], new AdamOptions { Lr = 0.1 }) { NonFiniteGradients = NonFiniteGradientPolicy.Skip };
        a.Grad[0] = 1.0;
        Assert.True(o.Step());
        var before = a.Data.ToArray();
        var m = o.GetState(a)!["exp_avg"].ToArray();
        a.Grad[2] = bad;
        Assert.False(o.Step());
        Assert.Equal(before, a.Data);
        Assert.Equal(m, o.GetState(a)!["exp_avg"]);
        Assert.Equal(1, o.GetState(a)!.Step);
        Assert.Equal(1, o.SkippedSteps);
    }

    [Fact]
    public void NonFiniteGradient_Throw_NamesParameterAndIndex_AndChangesNothing()
    {
        var a = new Parameter<float>([1f, 2f], "w");
        var b = new Parameter<float>(new float[40], "bias");
        var o = new Sgd<float>([a, b], new SgdOptions { Lr = 0.1f }) { NonFiniteGradients = NonFiniteGradientPolicy.Throw };
        a.Grad[0] = 1f;
        b.Grad[37] = float.NaN;
        var ex = Assert.Throws<NonFiniteGradientException>(() => o.Step());
        Assert.Equal("bias", ex.ParameterName);
        Assert.Equal(37, ex.Index);
        Assert.Equal([1f, 2f], a.Data);
    }

    [Fact]
    public void NonFiniteCheck_LargeFiniteGradientsWhoseSumOverflows_AreAccepted()
    {
        var a = new Parameter<float>([0f, 0f], "w");
        var o = new Sgd<float>([a], new SgdOptions { Lr = 1e-38 }) { NonFiniteGradients = NonFiniteGradientPolicy.Throw };
        a.Grad[0] = float.MaxValue;
        a.Grad[1] = float.MaxValue;
        Assert.True(o.Step());
    }

    [Fact]
    public void NonFiniteGradient_DefaultPolicy_PropagatesLikeTorch()
    {
        var a = new Parameter<double>([1.0], "w");
        var o = new Sgd<double>([a], new SgdOptions { Lr = 0.1 });
        a.Grad[0] = double.NaN;
        Assert.True(o.Step());
        Assert.True(double.IsNaN(a.Data[0]));
    }

    [Fact]
    public void ParamGroups_UseTheirOwnHyperParameters()
    {
        var a = new Parameter<double>([1.0]);
        var b = new Parameter<double>([1.0]);
        var o = new Sgd<double>([a], new SgdOptions { Lr = 0.1 });
        o.AddParamGroup([b], new SgdOptions { Lr = 0.5 });
        a.Grad[0] = 1.0;
        b.Grad[0] = 1.0;
        o.Step();
        Assert.Equal(0.9, a.Data[0], 15);
        Assert.Equal(0.5, b.Data[0], 15);
    }

    [Fact]
    public void AddParamGroup_DuplicateParameter_Throws()
    {
        var a = new Parameter<double>([1.0]);
        var o = new Sgd<double>([a]);
        Assert.Throws<ArgumentException>(() => o.AddParamGroup([a]));
    }

    [Fact]
    public void SetOptions_Invalid_IsRejectedAndOldOptionsKept()
    {
        var o = new Adam<double>([new Parameter<double>([1.0])]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => o.ParamGroups[0].Options = o.ParamGroups[0].Options with { Lr = -0.1 });
        Assert.StartsWith("Invalid learning rate: -0.1", ex.Message);
        Assert.Equal(1e-3, o.GetLearningRate(0));
    }

    [Fact]
    public void EmptyParameter_StepsWithoutWork()
    {
        var a = new Parameter<double>([], "empty");
        var b = new Parameter<double>([1.0], "w");
        var o = new Adam<double>([a, b], new AdamOptions { Lr = 0.1 });
        b.Grad[0] = 1.0;
        Assert.True(o.Step());
        Assert.Equal(1.0 - 0.1 / (1.0 + 1e-8), b.Data[0], 14);
    }

    [Fact]
    public void EmptyParameterList_Throws() =>
        Assert.Equal("optimizer got an empty parameter list (Parameter 'parameters')",
            Assert.Throws<ArgumentException>(() => new Sgd<double>([])).Message);

    [Fact]
    public void ZeroGrad_ZeroesEveryGradient()
    {
        var a = new Parameter<double>([1.0, 2.0]);
        var b = new Parameter<double>([3.0]);
        var o = new Sgd<double>([a], new SgdOptions());
        o.AddParamGroup([b]);
        a.Grad[1] = 5; b.Grad[0] = 7;
        o.ZeroGrad();
        Assert.Equal([0.0, 0.0], a.Grad);
        Assert.Equal([0.0], b.Grad);
    }
}
