using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Sum{T}"/> and its rules.</summary>
public sealed class SumTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"Sum n={n}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n, -2, 2)],
                OutputLength = 1,
                Primal = (x, y) => y.Span[0] = SpanOps.Sum<T>(x[0].Span),
                Pullback = (x, y, dy, dx) => SpanOps.SumPullback<T>(x[0].Span, dy.Span[0], dx[0].Span),
                Tangent = (x, tx, y, ty) => (y.Span[0], ty.Span[0]) = SpanOps.SumTangent<T>(x[0].Span, tx[0].Span),
            };
        }
    }

    /// <summary>The sum of nothing is 0, and its pullback touches nothing.</summary>
    [Fact]
    public void Sum_Empty_IsZero()
    {
        Assert.Equal(0.0, SpanOps.Sum<double>(ReadOnlySpan<double>.Empty));
        SpanOps.SumPullback<double>(ReadOnlySpan<double>.Empty, 1.0, Span<double>.Empty);
    }
}
