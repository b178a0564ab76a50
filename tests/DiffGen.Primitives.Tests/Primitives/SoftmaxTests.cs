using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Softmax{T}"/> and its rules.</summary>
public sealed class SoftmaxTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Softmax", SpanOps.Softmax, SpanOps.SoftmaxPullback, SpanOps.SoftmaxTangent, CaseBuilders.Signed);

    /// <summary>Logits near 1000 do not overflow: the maximum is shifted out before exponentiating.</summary>
    [Fact]
    public void Softmax_LargeLogits_IsStable()
    {
        double[] x = [1000, 1000, 999];
        var r = new double[3];
        SpanOps.Softmax<double>(x, r);
        double z = 2 + Math.Exp(-1);
        Assert.Equal(1 / z, r[0], 1e-15);
        Assert.Equal(Math.Exp(-1) / z, r[2], 1e-15);
        var rf = new float[3];
        SpanOps.Softmax<float>([1000f, 1000f, 999f], rf);
        Assert.Equal((float)(1 / z), rf[0], 1e-6f);
    }
}
