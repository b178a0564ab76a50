using System.Collections.Generic;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using S = DiffGen.Gradients.Tests.Arrays.Corpus.SliceFunctions;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>The <see cref="S"/> functions (slices passed to span primitives) as table cases.</summary>
public static class SliceCases
{
    public static IEnumerable<ArrayCase> Build() => new[]
    {
        ArrayCase.Double("FlatParameters", new[] { Vec(11), Vec(4) },
            a => S.FlatParameters(a[0], a[1]),
            (a, d) => S.FlatParametersGradient(a[0], a[1], d[0], d[1]),
            (a, t) => S.FlatParametersTangent(a[0], a[1], t[0], t[1])),
        ArrayCase.Double("SpanSlices(n 3)", new[] { Vec(9) },
            a => S.SpanSlices(a[0], 3),
            (a, d) => S.SpanSlicesGradient(a[0], 3, d[0]),
            (a, t) => S.SpanSlicesTangent(a[0], 3, t[0]), function: "SpanSlices"),
        ArrayCase.Double("PooledPrefix", new[] { Vec(5) },
            a => S.PooledPrefix(a[0]),
            (a, d) => S.PooledPrefixGradient(a[0], d[0]),
            (a, t) => S.PooledPrefixTangent(a[0], t[0])),
        ArrayCase.Double("StackallocSlice", new[] { Vec(7) },
            a => S.StackallocSlice(a[0]),
            (a, d) => S.StackallocSliceGradient(a[0], d[0]),
            (a, t) => S.StackallocSliceTangent(a[0], t[0])),
        ArrayCase.Double("RowDots(3 of 4 rows)", new[] { Vec(12), Vec(3) },
            a => S.RowDots(a[0], a[1], 3),
            (a, d) => S.RowDotsGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => S.RowDotsTangent(a[0], a[1], 3, t[0], t[1]), function: "RowDots"),
        ArrayCase.Float("FlatParametersF", new[] { Vec(7), Vec(4) },
            a => S.FlatParametersD(a[0], a[1]),
            a => S.FlatParametersF(a[0], a[1]),
            (a, d) => S.FlatParametersFGradient(a[0], a[1], d[0], d[1]),
            (a, t) => S.FlatParametersFTangent(a[0], a[1], t[0], t[1])),
    };
}
