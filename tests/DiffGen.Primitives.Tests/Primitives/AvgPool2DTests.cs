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
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (var (n, c, h, w, k, s, p) in MaxPool2DTests.Shapes)
        {
            var rng = new Random(n * 1000 + h * 10 + k);
            int outLength = n * c * ((h + 2 * p - k) / s + 1) * ((w + 2 * p - k) / s + 1);
            yield return new PrimitiveCase<T>
            {
                Name = $"AvgPool2D {n}x{c}x{h}x{w} k{k} s{s} p{p}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n * c * h * w)],
                OutputName = "result",
                OutputLength = outLength,
                Primal = (x, y) => SpanOps.AvgPool2D<T>(x[0].Span, n, c, h, w, k, s, p, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.AvgPool2DPullback<T>(x[0].Span, n, c, h, w, k, s, p, y.Span, dy.Span, dx[0].Span),
                Tangent = (x, tx, y, ty) => SpanOps.AvgPool2DTangent<T>(x[0].Span, n, c, h, w, k, s, p, y.Span, tx[0].Span, ty.Span),
            };
        }
    }

    /// <summary>The output against the direct loops of <see cref="NaiveLayers.Pool"/> (padding counted as zeros).</summary>
    [Fact]
    public void AvgPool2D_AgainstDirectLoops_Matches()
    {
        foreach (var (n, c, h, w, k, s, p) in MaxPool2DTests.Shapes)
        {
            double[] x = Sample.Uniform(new Random(2), n * c * h * w);
            double[] want = NaiveLayers.Pool(x, n, c, h, w, k, s, p, average: true);
            double[] y = new double[want.Length];
            SpanOps.AvgPool2D<double>(x, n, c, h, w, k, s, p, y);
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
