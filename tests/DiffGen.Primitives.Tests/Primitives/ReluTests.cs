using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Relu{T}(ReadOnlySpan{T}, Span{T})"/> and its rules; finite differences away from the kink, relu'(0) = 0 pinned.</summary>
public sealed class ReluTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Relu", SpanOps.Relu, SpanOps.ReluPullback, SpanOps.ReluTangent,
                                 (rng, n) => Sample.AwayFromZero(rng, n, 0.01, 1));

    /// <summary>At exactly 0 the pullback and the tangent pass nothing (PyTorch's relu'(0) = 0); elsewhere the seed.</summary>
    [Fact]
    public void Rules_AtZero_UseZeroDerivative()
    {
        // 19 elements: the SIMD body and the scalar tail both see a zero.
        double[] x = new double[19];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (i % 3) switch { 0 => 0.0, 1 => 0.5, _ => -0.5 };
        }

        x[18] = 0.0;
        var result = new double[x.Length];
        SpanOps.Relu<double>(x, result);
        var seed = new double[x.Length];
        Array.Fill(seed, 2.0);
        var dx = new double[x.Length];
        Array.Fill(dx, 1.0);
        SpanOps.ReluPullback<double>(x, result, seed, dx);
        var tresult = new double[x.Length];
        SpanOps.ReluTangent<double>(x, new double[x.Length], seed, tresult);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = x[i] > 0 ? 2.0 : 0.0;
            Assert.Equal(Math.Max(x[i], 0), result[i]);
            Assert.Equal(1.0 + expected, dx[i]);
            Assert.Equal(expected, tresult[i]);
        }
    }

    /// <summary>The float path pins the same kink value.</summary>
    [Fact]
    public void FloatRules_AtZero_UseZeroDerivative()
    {
        float[] x = [0f, 0f, 1f, -1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 3f];
        var result = new float[x.Length];
        SpanOps.Relu<float>(x, result);
        var seed = new float[x.Length];
        Array.Fill(seed, 1f);
        var dx = new float[x.Length];
        SpanOps.ReluPullback<float>(x, result, seed, dx);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i] > 0 ? 1f : 0f, dx[i]);
        }
    }
}
