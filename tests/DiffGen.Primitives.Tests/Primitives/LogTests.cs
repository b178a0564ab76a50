using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Log{T}"/> and its rules.</summary>
public sealed class LogTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
        => CaseBuilders.Unary<T>("Log", SpanOps.Log, SpanOps.LogPullback, SpanOps.LogTangent, CaseBuilders.Positive);
}
