using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Mean{T}"/> and its rules.</summary>
public sealed class MeanTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"Mean n={n}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n, -2, 2)],
                OutputLength = 1,
                Primal = (x, y) => y.Span[0] = SpanOps.Mean<T>(x[0].Span),
                Pullback = (x, y, dy, dx) => SpanOps.MeanPullback<T>(x[0].Span, dy.Span[0], dx[0].Span),
                Tangent = (x, tx, y, ty) => (y.Span[0], ty.Span[0]) = SpanOps.MeanTangent<T>(x[0].Span, tx[0].Span),
            };
        }
    }

    /// <summary>The mean of nothing is undefined: an ArgumentException naming x, not NaN.</summary>
    [Fact]
    public void Mean_Empty_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpanOps.Mean<double>(ReadOnlySpan<double>.Empty));
        Assert.Equal("x", ex.ParamName);
    }
}
