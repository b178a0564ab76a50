using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Mul{T}"/> and its rules.</summary>
public sealed class MulTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Binary<T>("Mul", SpanOps.Mul, SpanOps.MulPullback, SpanOps.MulTangent, CaseBuilders.Signed, CaseBuilders.Signed);
}
