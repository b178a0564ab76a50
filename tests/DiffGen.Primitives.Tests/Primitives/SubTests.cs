using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Sub{T}"/> and its rules.</summary>
public sealed class SubTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Binary<T>("Sub", SpanOps.Sub, SpanOps.SubPullback, SpanOps.SubTangent, CaseBuilders.Signed, CaseBuilders.Signed);
}
