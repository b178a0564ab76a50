using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Tanh{T}"/> and its rules.</summary>
public sealed class TanhTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Tanh", SpanOps.Tanh, SpanOps.TanhPullback, SpanOps.TanhTangent, CaseBuilders.Signed);
}
