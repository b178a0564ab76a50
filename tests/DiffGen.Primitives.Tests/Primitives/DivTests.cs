using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Div{T}"/> and its rules.</summary>
public sealed class DivTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Binary<T>("Div", SpanOps.Div, SpanOps.DivPullback, SpanOps.DivTangent, CaseBuilders.Signed, CaseBuilders.NonZero);
}
