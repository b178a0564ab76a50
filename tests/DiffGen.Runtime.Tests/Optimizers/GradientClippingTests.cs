using System;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class GradientClippingTests
{
    private static Parameter<double>[] Two()
    {
        var a = new Parameter<double>(new double[2]);
        var b = new Parameter<double>(new double[1]);
        a.Grad[0] = 3; a.Grad[1] = 0; b.Grad[0] = -4;
        return [a, b];
    }

    [Fact]
    public void GlobalNorm_AboveMax_ScalesAllGradientsByTorchCoefficient()
    {
        var ps = Two();
        double total = GradientClipping.ClipByGlobalNorm(ps, 1.0);
        Assert.Equal(5.0, total);
        double coef = 1.0 / (5.0 + 1e-6);
        Assert.Equal(3 * coef, ps[0].Grad[0], 15);
        Assert.Equal(-4 * coef, ps[1].Grad[0], 15);
    }

    [Fact]
    public void GlobalNorm_BelowMax_LeavesGradients()
    {
        var ps = Two();
        Assert.Equal(5.0, GradientClipping.ClipByGlobalNorm(ps, 10.0));
        Assert.Equal(-4.0, ps[1].Grad[0]);
    }

    [Fact]
    public void GlobalNorm_Infinity_IsMaxAbs_AndOneNorm_IsSum()
    {
        Assert.Equal(4.0, GradientClipping.ClipByGlobalNorm(Two(), 100, double.PositiveInfinity));
        Assert.Equal(7.0, GradientClipping.ClipByGlobalNorm(Two(), 100, 1.0), 14);
    }

    [Fact]
    public void GlobalNorm_NonFinite_ThrowsWhenAsked()
    {
        var ps = Two();
        ps[1].Grad[0] = double.NaN;
        Assert.Throws<InvalidOperationException>(() => GradientClipping.ClipByGlobalNorm(ps, 1.0, errorIfNonfinite: true));
    }

    [Fact]
    public void ByValue_ClampsEachElement()
    {
        var ps = Two();
        GradientClipping.ClipByValue(ps, 3.5);
        Assert.Equal([3.0, 0.0], ps[0].Grad);
        Assert.Equal([-3.5], ps[1].Grad);
    }

    [Fact]
    public void NegativeBounds_Throw_NamingThem()
    {
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm(Two(), -1)).ParamName);
        Assert.Equal("clipValue", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue(Two(), -1)).ParamName);
    }
}
