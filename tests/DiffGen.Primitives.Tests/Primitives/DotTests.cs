using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Dot{T}"/> and its rules.</summary>
public sealed class DotTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"Dot n={n}",
                InputNames = ["x", "y"],
                ScalarInputs = [false, false],
                Inputs = [Sample.Uniform(rng, n), Sample.Uniform(rng, n)],
                OutputLength = 1,
                Primal = (x, y) => y.Span[0] = SpanOps.Dot<T>(x[0].Span, x[1].Span),
                Pullback = (x, y, dy, dx) => SpanOps.DotPullback<T>(x[0].Span, x[1].Span, dy.Span[0], dx[0].Span, dx[1].Span),
                Tangent = (x, tx, y, ty) => (y.Span[0], ty.Span[0]) = SpanOps.DotTangent<T>(x[0].Span, x[1].Span, tx[0].Span, tx[1].Span),
            };
        }
    }

    /// <summary>The same vector as both operands: both shadows are one buffer and receive 2 seed x.</summary>
    [Fact]
    public void Pullback_SameInputTwice_AccumulatesBothContributions()
    {
        double[] x = [1, 2, 3];
        var dx = new double[3];
        SpanOps.DotPullback<double>(x, x, 0.5, dx, dx);
        Assert.Equal([1.0, 2.0, 3.0], dx);
    }

    /// <summary>Operands of different lengths throw naming the second.</summary>
    [Fact]
    public void Dot_MismatchedLengths_ThrowsNamingY()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpanOps.Dot<double>(new double[3], new double[4]));
        Assert.Equal("y", ex.ParamName);
    }
}
