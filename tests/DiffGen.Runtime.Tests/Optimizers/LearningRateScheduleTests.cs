using System;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(3, 0.25)]
    public void InverseSqrt_IsGamma0OverSqrtKPlus1(long k, double expected) =>
        Assert.Equal(expected, LearningRateSchedule.InverseSqrt().At(k, 0.5), 15);

    [Fact]
    public void Polynomial_IsGamma0TimesKPlus1ToMinusQ() => Assert.Equal(2.0 * Math.Pow(8, -0.75), LearningRateSchedule.Polynomial(0.75).At(7, 2.0), 15);

    [Fact]
    public void StepDecay_DecaysEveryStepSizeSteps()
    {
        var s = LearningRateSchedule.StepDecay(3, 0.5);
        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25], new[] { 0L, 1, 2, 3, 4, 5, 6 }.Select(k => s.At(k, 1.0)).ToArray());
    }

    [Fact]
    public void Cosine_GoesFromGamma0ToEtaMinAndStays()
    {
        var s = LearningRateSchedule.Cosine(10, 0.1);
        Assert.Equal(1.0, s.At(0, 1.0), 15);
        Assert.Equal(0.55, s.At(5, 1.0), 15);
        Assert.Equal(0.1, s.At(10, 1.0), 15);
        Assert.Equal(0.1, s.At(50, 1.0), 15);
    }

    [Fact]
    public void LinearWarmup_RampsThenHandsOver()
    {
        var s = LearningRateSchedule.LinearWarmup(4, LearningRateSchedule.InverseSqrt(), startFactor: 0.2);
        Assert.Equal(0.2, s.At(0, 1.0), 15);
        Assert.Equal(0.6, s.At(2, 1.0), 15);
        Assert.Equal(1.0, s.At(4, 1.0), 15);
        Assert.Equal(1.0 / Math.Sqrt(2), s.At(5, 1.0), 15);
    }

    [Fact]
    public void PerEpoch_ChangesOncePerEpoch()
    {
        var s = LearningRateSchedule.PerEpoch(10, LearningRateSchedule.Exponential(0.5));
        Assert.Equal(1.0, s.At(9, 1.0));
        Assert.Equal(0.5, s.At(10, 1.0));
        Assert.Equal(0.25, s.At(29, 1.0));
    }

    [Fact]
    public void Scheduler_SetsEveryGroupFromItsOwnBaseRate()
    {
        var a = new Parameter<double>([0.0]);
        var b = new Parameter<double>([0.0]);
        var o = new Sgd<double>([a], new SgdOptions { Lr = 1.0 });
        o.AddParamGroup([b], new SgdOptions { Lr = 0.1 });
        var sched = new LearningRateScheduler<double>(o, LearningRateSchedule.StepDecay(1, 0.5));
        Assert.Equal(1.0, o.GetLearningRate(0));
        sched.Step();
        sched.Step();
        Assert.Equal(0.25, o.GetLearningRate(0));
        Assert.Equal(0.025, o.GetLearningRate(1), 15);
        a.Grad[0] = 1;
        o.Step();
        Assert.Equal(-0.25, a.Data[0]);
    }

    [Fact]
    public void InvalidArguments_Throw_NamingThem()
    {
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Polynomial(-1)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDecay(0)).ParamName);
        Assert.Equal("tMax", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(0)).ParamName);
        Assert.Equal("warmupSteps", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.LinearWarmup(0)).ParamName);
    }
}
