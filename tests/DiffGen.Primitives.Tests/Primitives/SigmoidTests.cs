using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Sigmoid{T}"/> and its rules.</summary>
public sealed class SigmoidTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Sigmoid", SpanOps.Sigmoid, SpanOps.SigmoidPullback, SpanOps.SigmoidTangent, CaseBuilders.Signed);
}
