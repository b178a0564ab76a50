using System;
using System.Linq;
using DiffGen.Gradients.Tests.VectorOutputs;
using Xunit;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Aliasing in generated forward mode: <c>{M}Tangent</c> (and <c>{M}Directional</c>) of a method writing Span
/// outputs throws ArgumentException naming the written span when an output tangent or an output shares memory
/// with any other span argument, before anything is written; disjoint spans of one buffer are fine.
/// </summary>
public sealed class TangentAliasingTests
{
    private const double Sentinel = 123.25;
    private static readonly double[] W = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
    private static readonly double[] X = { 0.5, -0.5, 0.25 };

    private static ArgumentException Throws(Action call) => Assert.Throws<ArgumentException>(call);

    [Fact]
    public void LayerTangent_OutputTangentOverlapsAnInput_ThrowsNamingTyAndWritesNothing()
    {
        double[] buffer = { 0.5, -0.5, 0.25, Sentinel, Sentinel };
        var e = Throws(() => Layers.LayerTangent(W, buffer.AsSpan(0, 3), 0.1, new double[2], new double[6], new double[3], 1, buffer.AsSpan(2, 2)));
        Assert.Equal("ty", e.ParamName);
        Assert.Contains("must not share memory with x", e.Message);
        Assert.Equal(new[] { 0.5, -0.5, 0.25, Sentinel, Sentinel }, buffer);
    }

    [Fact]
    public void LayerTangent_OutputTangentIsThePrimalOutput_ThrowsNamingTy()
    {
        var y = new double[2];
        var e = Throws(() => Layers.LayerTangent(W, X, 0.1, y, new double[6], new double[3], 1, y));
        Assert.Equal("ty", e.ParamName);
        Assert.Contains("must not share memory with y", e.Message);
    }

    [Fact]
    public void LayerTangent_OutputTangentOverlapsAnInputTangent_ThrowsNamingTy()
    {
        double[] tangents = new double[4];
        var e = Throws(() => Layers.LayerTangent(W, X, 0.1, new double[2], new double[6], tangents.AsSpan(0, 3), 1, tangents.AsSpan(2, 2)));
        Assert.Equal("ty", e.ParamName);
        Assert.Contains("must not share memory with tx", e.Message);
    }

    [Fact]
    public void LayerTangent_OutputOverlapsAnInput_ThrowsNamingY()
    {
        double[] buffer = { 0.5, -0.5, 0.25, 0 };
        var e = Throws(() => Layers.LayerTangent(W, buffer.AsSpan(0, 3), 0.1, buffer.AsSpan(2, 2), new double[6], new double[3], 1, new double[2]));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void LayerDirectional_OutputTangentOverlapsTheWeights_ThrowsNamingTy()
    {
        double[] w = (double[])W.Clone();
        var e = Throws(() => Layers.LayerDirectional(w, X, 0.1, new double[2], new double[6], new double[3], 1, w.AsSpan(4, 2)));
        Assert.Equal("ty", e.ParamName);
    }

    [Fact]
    public void LayerTangent_DisjointSpansOfOneBuffer_GivesTheSameResultAsSeparateArrays()
    {
        double[] tw = { 1, 0, -1, 0.5, 0, 2 }, tx = { 0.3, 0.1, -0.2 };
        var y = new double[2];
        var ty = new double[2];
        Layers.LayerTangent(W, X, 0.1, y, tw, tx, 0.5, ty);

        double[] buffer = new double[3 + 2 + 2];
        X.CopyTo(buffer, 0);
        Layers.LayerTangent(W, buffer.AsSpan(0, 3), 0.1, buffer.AsSpan(3, 2), tw, tx, 0.5, buffer.AsSpan(5, 2));
        Assert.Equal(y, buffer.Skip(3).Take(2));
        Assert.Equal(ty, buffer.Skip(5).Take(2));
        Assert.Contains(ty, v => v != 0);
    }
}
