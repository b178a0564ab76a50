using System.Collections.Generic;
using System.Linq;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using O = DiffGen.Gradients.Tests.Arrays.Corpus.OutlinedLoopFunctions;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>The <see cref="O"/> functions (hot inner loops run from methods of their own) as table cases, sized so inner loops run 0 to 15 times.</summary>
public static class OutlinedLoopCases
{
    private const int D = 14;
    private static readonly double[] Point = Enumerable.Range(0, D).Select(i => 0.3 + 0.1 * ((i * 7) % 5) - 0.05 * i).ToArray();
    private static readonly double[] Points = Enumerable.Range(0, 3 * D).Select(i => System.Math.Sin(0.37 * i + 0.2)).ToArray();

    public static IEnumerable<ArrayCase> Build() => new[]
    {
        ArrayCase.Double("LowerTriangleSquares(d 14)", new[] { Vec(D * (D - 1) / 2, -0.5, 0.5), Vec(D, -0.5, 0.5) },
            a => O.LowerTriangleSquares(a[0], a[1], Point),
            (a, d) => O.LowerTriangleSquaresGradient(a[0], a[1], Point, d[0], d[1]),
            (a, t) => O.LowerTriangleSquaresTangent(a[0], a[1], Point, t[0], t[1]), function: "LowerTriangleSquares"),
        ArrayCase.Double("CountDownRows(3 rows of 11)", new[] { Vec(11), Vec(33) },
            a => O.CountDownRows(a[0], a[1], 3),
            (a, d) => O.CountDownRowsGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => O.CountDownRowsTangent(a[0], a[1], 3, t[0], t[1]), function: "CountDownRows"),
        ArrayCase.Double("InclusiveBoundRows(2 rows of 9)", new[] { Vec(9), Vec(18, -1, 1) },
            a => O.InclusiveBoundRows(a[0], a[1], 2),
            (a, d) => O.InclusiveBoundRowsGradient(a[0], a[1], 2, d[0], d[1]),
            (a, t) => O.InclusiveBoundRowsTangent(a[0], a[1], 2, t[0], t[1]), function: "InclusiveBoundRows"),
        ArrayCase.Double("ScratchRows(3 rows of 10)", new[] { Vec(10), Vec(30) },
            a => O.ScratchRows(a[0], a[1], 3),
            (a, d) => O.ScratchRowsGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => O.ScratchRowsTangent(a[0], a[1], 3, t[0], t[1]), function: "ScratchRows"),
        ArrayCase.Double("PointsMahalanobis(3 points, d 14)", new[] { Vec(D, -0.5, 0.5), Vec(D * (D - 1) / 2, -0.5, 0.5) },
            a => O.PointsMahalanobis(a[0], a[1], Points, 3),
            (a, d) => O.PointsMahalanobisGradient(a[0], a[1], Points, 3, d[0], d[1]),
            (a, t) => O.PointsMahalanobisTangent(a[0], a[1], Points, 3, t[0], t[1]), function: "PointsMahalanobis"),
        ArrayCase.Float("ScratchRowsF(3 rows of 10)", new[] { Vec(10), Vec(30) },
            a => O.ScratchRows(a[0], a[1], 3),
            a => O.ScratchRowsF(a[0], a[1], 3),
            (a, d) => O.ScratchRowsFGradient(a[0], a[1], 3, d[0], d[1]),
            (a, t) => O.ScratchRowsFTangent(a[0], a[1], 3, t[0], t[1])),
    };
}
