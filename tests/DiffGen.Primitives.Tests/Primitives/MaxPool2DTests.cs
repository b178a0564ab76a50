using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.MaxPool2D{T}"/> and its rules.</summary>
public sealed class MaxPool2DTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>() =>
        PoolCases.Cases<T>("MaxPool2D", SpanOps.MaxPool2D, SpanOps.MaxPool2DPullback, SpanOps.MaxPool2DTangent);

    /// <summary>The output against the direct loops of <see cref="NaiveLayers.Pool"/>.</summary>
    [Fact]
    public void MaxPool2D_AgainstDirectLoops_Matches()
    {
        foreach (var (want, y) in PoolCases.AgainstDirectLoops(SpanOps.MaxPool2D, average: false, seed: 1))
        {
            Assert.Equal(want, y);
        }
    }

    /// <summary>At a tie the whole gradient goes to the first largest pixel in row-major order (PyTorch's choice).</summary>
    [Fact]
    public void MaxPool2DPullback_Tie_GoesToFirstMaximum()
    {
        double[] x = [1, 3, 3, 0], y = new double[1], dx = new double[4];
        SpanOps.MaxPool2D<double>(x, 1, 1, 2, 2, 2, 2, 0, y);
        SpanOps.MaxPool2DPullback<double>(x, 1, 1, 2, 2, 2, 2, 0, y, [1.0], dx);
        Assert.Equal(new double[] { 0, 1, 0, 0 }, dx);
    }

    /// <summary>Bad shapes throw naming the argument before anything is written.</summary>
    [Theory]
    [InlineData(5, 1, 0, "kernel")]
    [InlineData(2, 1, 2, "padding")]
    [InlineData(2, 0, 0, "stride")]
    public void MaxPool2D_BadShape_ThrowsNamingArgument(int kernel, int stride, int padding, string argument)
    {
        double[] y = Enumerable.Repeat(7.0, 4).ToArray();
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpanOps.MaxPool2D<double>(new double[16], 1, 1, 4, 4, kernel, stride, padding, y));
        Assert.Equal(argument, ex.ParamName);
        Assert.All(y, v => Assert.Equal(7.0, v));
    }
}
