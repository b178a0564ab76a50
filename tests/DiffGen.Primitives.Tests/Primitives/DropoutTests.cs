using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Dropout{T}"/> and its rules.</summary>
public sealed class DropoutTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach ((int n, double p) in new[] { (1, 0.0), (7, 0.3), (300, 0.5) })
        {
            var rng = new Random(n);
            T probability = T.CreateChecked(p);
            yield return new PrimitiveCase<T>
            {
                Name = $"Dropout n={n} p={p}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n)],
                OutputName = "result",
                OutputLength = n,
                Primal = (x, y) => SpanOps.Dropout<T>(x[0].Span, probability, 42, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.DropoutPullback<T>(x[0].Span, probability, 42, y.Span, dy.Span, dx[0].Span),
                Tangent = (x, tx, y, ty) => SpanOps.DropoutTangent<T>(x[0].Span, probability, 42, y.Span, tx[0].Span, ty.Span),
            };
        }
    }

    /// <summary>The same seed gives the same mask; another seed another; each kept element is scaled by 1 / (1 - p).</summary>
    [Fact]
    public void Dropout_Seed_DeterminesTheMask()
    {
        double[] x = Enumerable.Repeat(1.0, 1000).ToArray();
        double[] a = new double[1000], b = new double[1000], c = new double[1000];
        SpanOps.Dropout<double>(x, 0.25, 7, a);
        SpanOps.Dropout<double>(x, 0.25, 7, b);
        SpanOps.Dropout<double>(x, 0.25, 8, c);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, v => Assert.True(v == 0 || v == 1 / 0.75, $"{v}"));
    }

    /// <summary>Over many elements the kept fraction is 1 - p (within 4 standard deviations of the binomial).</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void DropoutMask_KeptFraction_IsOneMinusP(double p)
    {
        const int n = 100_000;
        double[] mask = new double[n];
        SpanOps.DropoutMask(p, 123, 0, mask);
        double kept = mask.Count(v => v != 0) / (double)n;
        Assert.True(Math.Abs(kept - (1 - p)) <= 4 * Math.Sqrt(p * (1 - p) / n), $"kept {kept}");
    }

    /// <summary>A probability outside [0, 1) throws naming it, before the output is touched.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Dropout_ProbabilityOutOfRange_Throws(double p)
    {
        double[] y = [5, 5];
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpanOps.Dropout<double>(new double[2], p, 1, y));
        Assert.Equal("probability", ex.ParamName);
        Assert.Equal(new double[] { 5, 5 }, y);
    }
}
