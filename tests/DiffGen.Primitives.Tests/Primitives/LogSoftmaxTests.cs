using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.LogSoftmax{T}"/> and its rules.</summary>
public sealed class LogSoftmaxTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("LogSoftmax", SpanOps.LogSoftmax, SpanOps.LogSoftmaxPullback, SpanOps.LogSoftmaxTangent, CaseBuilders.Signed);

    /// <summary>Logits near 1000 and a very negative one stay finite (no log of an underflowed 0).</summary>
    [Fact]
    public void LogSoftmax_ExtremeLogits_IsFinite()
    {
        double[] x = [1000, 1000, -1000];
        var r = new double[3];
        SpanOps.LogSoftmax<double>(x, r);
        Assert.Equal(-Math.Log(2), r[0], 1e-12);
        Assert.Equal(-2000 - Math.Log(2), r[2], 1e-9);
    }
}
