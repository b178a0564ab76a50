using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.AvgPool2D{T}"/> and its rules.</summary>
public sealed class AvgPool2DTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>() =>
        PoolCases.Cases<T>("AvgPool2D", SpanOps.AvgPool2D, SpanOps.AvgPool2DPullback, SpanOps.AvgPool2DTangent);

    /// <summary>The output against the direct loops of <see cref="NaiveLayers.Pool"/> (padding counted as zeros).</summary>
    [Fact]
    public void AvgPool2D_AgainstDirectLoops_Matches()
    {
        foreach (var (want, y) in PoolCases.AgainstDirectLoops(SpanOps.AvgPool2D, average: true, seed: 2))
        {
            for (int i = 0; i < y.Length; i++)
            {
                Assert.True(Math.Abs(want[i] - y[i]) <= 1e-15, $"{i}: {want[i]} vs {y[i]}");
            }
        }
    }

    /// <summary>A wrong input length throws naming x, with the expected shape in the message.</summary>
    [Fact]
    public void AvgPool2D_WrongInputLength_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpanOps.AvgPool2D<double>(new double[15], 1, 1, 4, 4, 2, 2, 0, new double[4]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("1 x 1 x 4 x 4", ex.Message);
    }
}
