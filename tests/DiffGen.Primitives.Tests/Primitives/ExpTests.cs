using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Exp{T}"/> and its rules.</summary>
public sealed class ExpTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Exp", SpanOps.Exp, SpanOps.ExpPullback, SpanOps.ExpTangent, CaseBuilders.Signed);
}
