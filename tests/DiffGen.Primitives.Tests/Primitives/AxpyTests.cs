using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Axpy{T}"/> and its rules (alpha is a differentiable scalar).</summary>
public sealed class AxpyTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"Axpy n={n}",
                InputNames = ["alpha", "x", "y"],
                ScalarInputs = [true, false, false],
                Inputs = [[0.7], Sample.Uniform(rng, n), Sample.Uniform(rng, n)],
                OutputName = "result",
                OutputLength = n,
                Primal = (x, y) => SpanOps.Axpy<T>(x[0].Span[0], x[1].Span, x[2].Span, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.AxpyPullback<T>(x[0].Span[0], x[1].Span, x[2].Span, y.Span, dy.Span,
                                                                     ref dx[0].Span[0], dx[1].Span, dx[2].Span),
                Tangent = (x, tx, y, ty) => SpanOps.AxpyTangent<T>(x[0].Span[0], x[1].Span, x[2].Span, y.Span,
                                                                   tx[0].Span[0], tx[1].Span, tx[2].Span, ty.Span),
            };
        }
    }
}
