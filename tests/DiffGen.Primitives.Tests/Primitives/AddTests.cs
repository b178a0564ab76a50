using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Add{T}"/> and its rules.</summary>
public sealed class AddTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Binary<T>("Add", SpanOps.Add, SpanOps.AddPullback, SpanOps.AddTangent, CaseBuilders.Signed, CaseBuilders.Signed);
}
