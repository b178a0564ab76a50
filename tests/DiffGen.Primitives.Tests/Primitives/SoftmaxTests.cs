using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Softmax{T}"/> and its rules.</summary>
public sealed class SoftmaxTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Softmax", SpanOps.Softmax, SpanOps.SoftmaxPullback, SpanOps.SoftmaxTangent, CaseBuilders.Signed);
}
