using System.Collections.Generic;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using P = DiffGen.Gradients.Tests.Arrays.Corpus.PooledFunctions;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>The <see cref="P"/> functions (array locals rented from ArrayPool) as table cases.</summary>
public static class PooledCases
{
    public const int RecurrenceSteps = 4;

    public static IEnumerable<ArrayCase> Build() => new[]
    {
        ArrayCase.Double("PooledRecurrence", new[] { Vec(5, -1.5, 1.5), Num(-1, 1) },
            a => P.PooledRecurrence(a[0], a[1][0], RecurrenceSteps),
            (a, d) =>
            {
                double v = P.PooledRecurrenceGradient(a[0], a[1][0], RecurrenceSteps, d[0], out double dx0);
                d[1][0] = dx0;
                return v;
            },
            (a, t) => P.PooledRecurrenceTangent(a[0], a[1][0], RecurrenceSteps, t[0], t[1][0])),
        ArrayCase.Double("PooledLayers", new[] { Vec(6), Vec(6) },
            a => P.PooledLayers(a[0], a[1]),
            (a, d) => P.PooledLayersGradient(a[0], a[1], d[0], d[1]),
            (a, t) => P.PooledLayersTangent(a[0], a[1], t[0], t[1])),
        ArrayCase.Float("PooledPrefixF", new[] { Vec(6) },
            a => P.PrefixD(a[0]),
            a => P.PooledPrefixF(a[0]),
            (a, d) => P.PooledPrefixFGradient(a[0], d[0]),
            (a, t) => P.PooledPrefixFTangent(a[0], t[0])),
        ArrayCase.Double("PooledWithStack", new[] { Vec(5), Vec(5, 0.2, 2), Num(-1, 1) },
            a => P.PooledWithStack(a[0], a[1], a[2][0]),
            (a, d) =>
            {
                double v = P.PooledWithStackGradient(a[0], a[1], a[2][0], d[0], d[1], out double dc);
                d[2][0] = dc;
                return v;
            },
            (a, t) => P.PooledWithStackTangent(a[0], a[1], a[2][0], t[0], t[1], t[2][0])),
        ArrayCase.Double("TwoPooled", new[] { Vec(6) },
            a => P.TwoPooled(a[0]),
            (a, d) => P.TwoPooledGradient(a[0], d[0]),
            (a, t) => P.TwoPooledTangent(a[0], t[0])),
        ArrayCase.Double("PooledSineOfSquares", new[] { Vec(7, -1.5, 1.5) },
            a => P.PooledSineOfSquares(a[0]),
            (a, d) => P.PooledSineOfSquaresGradient(a[0], d[0]),
            (a, t) => P.PooledSineOfSquaresTangent(a[0], t[0])),
        ArrayCase.Double("PooledReuseAfterReturn", new[] { Vec(6) },
            a => P.PooledReuseAfterReturn(a[0]),
            (a, d) => P.PooledReuseAfterReturnGradient(a[0], d[0]),
            (a, t) => P.PooledReuseAfterReturnTangent(a[0], t[0])),
        ArrayCase.Double("PooledDotThenReuse", new[] { Vec(16, -1, 1) },
            a => P.PooledDotThenReuse(a[0]),
            (a, d) => P.PooledDotThenReuseGradient(a[0], d[0]),
            (a, t) => P.PooledDotThenReuseTangent(a[0], t[0])),
    };
}
