using System;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>Effect statements (logging, assertions, guard throws) run once per generated call and leave derivatives alone.</summary>
public class EffectTests
{
    [Fact]
    public void Logging_RunsOncePerGradientCall_WithThePrimalValues()
    {
        EffectLog.Lines.Clear();
        double value = EffectFunctions.LoggedGradient(0.5, out double dx);
        Assert.Equal(new[] { $"x = {0.5}", "y: " + 0.25 }, EffectLog.Lines);
        Assert.Equal(EffectFunctions.Logged(0.5), value);
        Assert.Equal(Math.Cos(0.25) * 2 * 0.5 + 2 * 0.5, dx, 14);
        EffectLog.Lines.Clear();
        EffectFunctions.LoggedTangent(0.5, 1.0);
        Assert.Equal(2, EffectLog.Lines.Count);
    }

    [Fact]
    public void GuardThatFires_ThrowsTheUsersException_AndLeavesShadowsUntouched()
    {
        var w = new[] { 0.5, -1.0, 2.0 };
        var dw = new[] { 7.0, 7.0, 7.0 };
        double dx = 3.0;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EffectFunctions.GuardedPullback(-0.1, w, 1.0, ref dx, dw));
        Assert.Equal("x", error.ParamName);
        Assert.Equal(new[] { 7.0, 7.0, 7.0 }, dw);
        Assert.Equal(3.0, dx);

        w[1] = double.NaN;
        var nan = Assert.Throws<ArgumentException>(() => EffectFunctions.GuardedGradient(0.4, w, out _, dw));
        Assert.Contains("weight 1 is NaN", nan.Message);
        Assert.Equal(new[] { 7.0, 7.0, 7.0 }, dw);
        Assert.Throws<ArgumentException>(() => EffectFunctions.GuardedTangent(0.4, new[] { 1.0 }, 1.0, new[] { 0.0 }));
    }

    [Fact]
    public void GuardThatPasses_GradientMatchesTheClosedForm()
    {
        var w = new[] { 0.5, -1.0, 2.0 };
        var dw = new double[3];
        EffectFunctions.GuardedGradient(0.8, w, out double dx, dw);
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            expected += w[i] * (i + 0.5) * Math.Pow(0.8, i - 0.5);
            Assert.Equal(Math.Pow(0.8, i + 0.5), dw[i], 14);
        }
        Assert.Equal(expected, dx, 12);
    }
}
