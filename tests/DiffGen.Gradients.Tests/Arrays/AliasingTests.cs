using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.VectorOutputs;
using DiffGen.Samples.Gmm;
using Xunit;
using R = DiffGen.Gradients.Tests.Arrays.Corpus.ReductionFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Aliasing in generated reverse mode: a shadow sharing memory with a span parameter, or an output
/// sharing memory with another span parameter, throws ArgumentException naming the written span before
/// anything is written; shadows may share memory with each other and then receive both contributions.
/// </summary>
public sealed class AliasingTests
{
    private const double Sentinel = 123.25;

    [Fact]
    public void DotArraysGradient_ShadowIsItsOwnInput_ThrowsNamingDxAndWritesNothing()
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        double[] dy = Enumerable.Repeat(Sentinel, 4).ToArray();
        var e = Assert.Throws<ArgumentException>(() => R.DotArraysGradient(x, y, x, dy));
        Assert.Equal("dx", e.ParamName);
        Assert.Contains("must not share memory with x", e.Message);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, x);
        Assert.All(dy, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void DotArraysGradient_ShadowOverlapsTheOtherInput_ThrowsNamingDy()
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        var e = Assert.Throws<ArgumentException>(() => R.DotArraysGradient(x, y, new double[4], y));
        Assert.Equal("dy", e.ParamName);
    }

    [Fact]
    public void DotArraysGradient_ShadowsShareOneBuffer_ReceiveBothContributions()
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        var shared = new double[4];
        R.DotArraysGradient(x, y, shared, shared);
        Assert.Equal(new double[] { 5, 5, 5, 5 }, shared);
    }

    [Fact]
    public void GmmObjectiveGradient_ShadowOverlapsTheDataPoints_ThrowsNamingDalphas()
    {
        var data = GmmData.Load(SharedData.GmmFile("1k/gmm_d2_K5.txt"));
        double[] points = (double[])data.Points.Clone();
        var e = Assert.Throws<ArgumentException>(() => GmmObjective.ObjectiveGradient(
            data.Alphas, data.Means, data.Icf, points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, 0,
            points.AsSpan(10, data.K), new double[data.Means.Length], new double[data.Icf.Length]));
        Assert.Equal("dalphas", e.ParamName);
        Assert.Equal(data.Points, points);
    }

    [Fact]
    public void LayerPullback_OutputOverlapsInput_ThrowsNamingY()
    {
        double[] w = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
        double[] buffer = { 0.5, -0.5, 0.25, 0 };
        double dbias = 0;
        var e = Assert.Throws<ArgumentException>(() => Layers.LayerPullback(
            w, buffer.AsSpan(0, 3), 0.1, buffer.AsSpan(2, 2), new double[] { 1, 1 }, new double[6], new double[3], ref dbias));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void LayerPullback_DisjointSpansOfOneBuffer_Succeeds()
    {
        double[] w = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
        double[] buffer = { 0.5, -0.5, 0.25, 0, 0 };
        double dbias = 0;
        Layers.LayerPullback(w, buffer.AsSpan(0, 3), 0.1, buffer.AsSpan(3, 2), new double[] { 1, 1 }, new double[6], new double[3], ref dbias);
        Assert.True(dbias != 0);
    }
}
