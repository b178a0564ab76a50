using System;
using System.Collections.Generic;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using H = DiffGen.Gradients.Tests.Arrays.Corpus.HelperCallFunctions;
using S = DiffGen.Gradients.Tests.Arrays.Corpus.SpanLocalFunctions;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>The <see cref="H"/> functions (helpers called inside loops, inlined or called) and the <see cref="S"/> functions (span locals) as table cases.</summary>
public static class HelperCallCases
{
    private static bool AwayFromHingeKinks(double[][] a)
    {
        for (int i = 0; i < a[0].Length; i++)
            if (Math.Abs(a[0][i] - a[1][i]) < 0.05 || Math.Abs(0.75 * a[0][i] - a[1][i]) < 0.05) return false;
        return true;
    }

    private static double ScalarGradient(double[][] d, double value, double shadow)
    {
        d[1][0] = shadow;
        return value;
    }

    public static IEnumerable<ArrayCase> Build() => new[]
    {
        ArrayCase.Double("RowScores(3 rows of 4)", new[] { Vec(12), Vec(4) },
            a => H.RowScores(a[0], a[1], 3),
            (a, d) => H.RowScoresGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => H.RowScoresTangent(a[0], a[1], 3, t[0], t[1]), function: "RowScores"),
        ArrayCase.Double("NestedHelpers(4 rows of 3)", new[] { Vec(12), Vec(3) },
            a => H.NestedHelpers(a[0], a[1], 4),
            (a, d) => H.NestedHelpersGradient(a[0], a[1], 4, d[0], d[1]),
            (a, t) => H.NestedHelpersTangent(a[0], a[1], 4, t[0], t[1]), function: "NestedHelpers"),
        ArrayCase.Double("TwiceDamped", new[] { Vec(5), Num(-1.5, 1.5) },
            a => H.TwiceDamped(a[0], a[1][0]),
            (a, d) => ScalarGradient(d, H.TwiceDampedGradient(a[0], a[1][0], d[0], out double db), db),
            (a, t) => H.TwiceDampedTangent(a[0], a[1][0], t[0], t[1][0])),
        ArrayCase.Double("NestedDamped", new[] { Vec(4), Num(-1.5, 1.5) },
            a => H.NestedDamped(a[0], a[1][0]),
            (a, d) => ScalarGradient(d, H.NestedDampedGradient(a[0], a[1][0], d[0], out double db), db),
            (a, t) => H.NestedDampedTangent(a[0], a[1][0], t[0], t[1][0])),
        ArrayCase.Double("RowSoftmax(3 rows of 4)", new[] { Vec(12), Num(0.5, 2) },
            a => H.RowSoftmax(a[0], a[1][0], 3),
            (a, d) => ScalarGradient(d, H.RowSoftmaxGradient(a[0], a[1][0], 3, d[0], out double dt), dt),
            (a, t) => H.RowSoftmaxTangent(a[0], a[1][0], 3, t[0], t[1][0]), function: "RowSoftmax"),
        ArrayCase.Double("HingeSum", new[] { Vec(6), Vec(6) },
            a => H.HingeSum(a[0], a[1]),
            (a, d) => H.HingeSumGradient(a[0], a[1], d[0], d[1]),
            (a, t) => H.HingeSumTangent(a[0], a[1], t[0], t[1]), valid: AwayFromHingeKinks),
        ArrayCase.Double("CalledHelpers(3 rows of 3)", new[] { Vec(9, 0.2, 2.5) },
            a => H.CalledHelpers(a[0], 3),
            (a, d) => H.CalledHelpersGradient(a[0], 3, d[0]),
            (a, t) => H.CalledHelpersTangent(a[0], 3, t[0]), valid: a => Math.Abs(a[0][0] - 1.5) > 0.05 && Math.Abs(a[0][3] - 1.5) > 0.05 && Math.Abs(a[0][6] - 1.5) > 0.05,
            function: "CalledHelpers"),
        ArrayCase.Double("ScaledSum(scale 0.7)", new[] { Vec(5) },
            a => H.ScaledSum(a[0], 0.7),
            (a, d) => H.ScaledSumGradient(a[0], 0.7, d[0]),
            (a, t) => H.ScaledSumTangent(a[0], 0.7, t[0]), function: "ScaledSum"),
        ArrayCase.Double("RowSpans(3 rows of 4)", new[] { Vec(12), Vec(4) },
            a => S.RowSpans(a[0], a[1], 3),
            (a, d) => S.RowSpansGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => S.RowSpansTangent(a[0], a[1], 3, t[0], t[1]), function: "RowSpans"),
        ArrayCase.Double("WrittenHalves", new[] { Vec(5) },
            a => S.WrittenHalves(a[0]),
            (a, d) => S.WrittenHalvesGradient(a[0], d[0]),
            (a, t) => S.WrittenHalvesTangent(a[0], t[0])),
        ArrayCase.Double("SliceOfSlice", new[] { Vec(6) },
            a => S.SliceOfSlice(a[0]),
            (a, d) => S.SliceOfSliceGradient(a[0], d[0]),
            (a, t) => S.SliceOfSliceTangent(a[0], t[0])),
        ArrayCase.Double("BoundsAtDeclaration", new[] { Vec(4) },
            a => S.BoundsAtDeclaration(a[0]),
            (a, d) => S.BoundsAtDeclarationGradient(a[0], d[0]),
            (a, t) => S.BoundsAtDeclarationTangent(a[0], t[0])),
        ArrayCase.Double("RowsToHelper(4 rows of 3)", new[] { Vec(12), Vec(3) },
            a => S.RowsToHelper(a[0], a[1], 4),
            (a, d) => S.RowsToHelperGradient(a[0], a[1], 4, d[0], d[1]),
            (a, t) => S.RowsToHelperTangent(a[0], a[1], 4, t[0], t[1]), function: "RowsToHelper"),
    };
}
