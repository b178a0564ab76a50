using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Scale{T}"/> and its rules (alpha is a differentiable scalar).</summary>
public sealed class ScaleTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"Scale n={n}",
                InputNames = ["alpha", "x"],
                ScalarInputs = [true, false],
                Inputs = [[-1.3], Sample.Uniform(rng, n)],
                OutputName = "result",
                OutputLength = n,
                Primal = (x, y) => SpanOps.Scale<T>(x[0].Span[0], x[1].Span, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.ScalePullback<T>(x[0].Span[0], x[1].Span, y.Span, dy.Span, ref dx[0].Span[0], dx[1].Span),
                Tangent = (x, tx, y, ty) => SpanOps.ScaleTangent<T>(x[0].Span[0], x[1].Span, y.Span, tx[0].Span[0], tx[1].Span, ty.Span),
            };
        }
    }
}
