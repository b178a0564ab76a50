using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.MatVec{T}"/> and its rules.</summary>
public sealed class MatVecTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach ((int m, int n) in new[] { (2, 1), (3, 5), (9, 17) })
        {
            var rng = new Random(m * 100 + n);
            yield return new PrimitiveCase<T>
            {
                Name = $"MatVec {m}x{n}",
                InputNames = ["a", "x"],
                ScalarInputs = [false, false],
                Inputs = [Sample.Uniform(rng, m * n), Sample.Uniform(rng, n)],
                OutputName = "result",
                OutputLength = m,
                Primal = (x, y) => SpanOps.MatVec<T>(x[0].Span, x[1].Span, m, n, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.MatVecPullback<T>(x[0].Span, x[1].Span, m, n, y.Span, dy.Span, dx[0].Span, dx[1].Span),
                Tangent = (x, tx, y, ty) => SpanOps.MatVecTangent<T>(x[0].Span, x[1].Span, m, n, y.Span, tx[0].Span, tx[1].Span, ty.Span),
            };
        }
    }
}
