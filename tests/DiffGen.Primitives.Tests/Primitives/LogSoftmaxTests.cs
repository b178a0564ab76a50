using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.LogSoftmax{T}"/> and its rules.</summary>
public sealed class LogSoftmaxTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("LogSoftmax", SpanOps.LogSoftmax, SpanOps.LogSoftmaxPullback, SpanOps.LogSoftmaxTangent, CaseBuilders.Signed);
}
