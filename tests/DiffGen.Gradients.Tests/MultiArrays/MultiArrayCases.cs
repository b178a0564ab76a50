using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using F = DiffGen.Gradients.Tests.MultiArrays.MultiArrayFunctions;
using S = DiffGen.Gradients.Tests.MultiArrays.ArgumentShape;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>
/// One corpus function over 2-D and jagged arrays: its differentiable arguments' shapes, and the
/// function, its generated gradient (shadows of the arguments' shapes, filled in) and its generated
/// tangent, each called through <see cref="MultiArrayInputs"/>.
/// </summary>
public sealed record MultiArrayCase(
    string Name,
    S[] Shapes,
    Func<MultiArrayInputs, double> Value,
    Func<MultiArrayInputs, MultiArrayInputs, double> Gradient,
    Func<MultiArrayInputs, MultiArrayInputs, double> Tangent);

public static class MultiArrayCases
{
    private static readonly double[] Target = { 0.3, -0.2, 0.5 };
    private static readonly double[][] Coefficients = { new[] { 1.5, -0.5 }, new[] { 0.25, 2.0, 1.0 }, new[] { -1.0 } };
    private static readonly int[,] Pick = { { 0, 1 }, { 2, 2 }, { 1, 0 } };
    private static readonly int[] Sizes = { 3, 1, 0, 4 };

    public static IReadOnlyList<MultiArrayCase> All { get; } = new MultiArrayCase[]
    {
        new("SumSquares", new[] { S.Matrix(3, 4) },
            v => F.SumSquares(v.M(0)), (v, d) => F.SumSquaresGradient(v.M(0), d.M(0)), (v, t) => F.SumSquaresTangent(v.M(0), t.M(0)).Tangent),
        new("Bilinear", new[] { S.Matrix(3, 2), S.Vector(3), S.Vector(2) },
            v => F.Bilinear(v.M(0), v.V(1), v.V(2)), (v, d) => F.BilinearGradient(v.M(0), v.V(1), v.V(2), d.M(0), d.V(1), d.V(2)),
            (v, t) => F.BilinearTangent(v.M(0), v.V(1), v.V(2), t.M(0), t.V(1), t.V(2)).Tangent),
        new("MatVecLoss", new[] { S.Matrix(3, 4), S.Vector(4) },
            v => F.MatVecLoss(v.M(0), v.V(1), Target), (v, d) => F.MatVecLossGradient(v.M(0), v.V(1), Target, d.M(0), d.V(1)),
            (v, t) => F.MatVecLossTangent(v.M(0), v.V(1), Target, t.M(0), t.V(1)).Tangent),
        new("LocalBuffer", new[] { S.Matrix(2, 3), S.Scalar() },
            v => F.LocalBuffer(v.M(0), v.S(1)),
            (v, d) => { double y = F.LocalBufferGradient(v.M(0), v.S(1), d.M(0), out double ds); d.SetS(1, ds); return y; },
            (v, t) => F.LocalBufferTangent(v.M(0), v.S(1), t.M(0), t.S(1)).Tangent),
        new("MeanOfExp", new[] { S.Matrix(2, 3) },
            v => F.MeanOfExp(v.M(0)), (v, d) => F.MeanOfExpGradient(v.M(0), d.M(0)), (v, t) => F.MeanOfExpTangent(v.M(0), t.M(0)).Tangent),
        new("JaggedSumCubes", new[] { S.Jagged(3, 1, 4) },
            v => F.JaggedSumCubes(v.J(0)), (v, d) => F.JaggedSumCubesGradient(v.J(0), d.J(0)), (v, t) => F.JaggedSumCubesTangent(v.J(0), t.J(0)).Tangent),
        new("RowViews", new[] { S.Jagged(2, 3, 1), S.Scalar() },
            v => F.RowViews(v.J(0), v.S(1)),
            (v, d) => { double y = F.RowViewsGradient(v.J(0), v.S(1), d.J(0), out double dc); d.SetS(1, dc); return y; },
            (v, t) => F.RowViewsTangent(v.J(0), v.S(1), t.J(0), t.S(1)).Tangent),
        new("ForEachRows", new[] { S.Jagged(4, 2, 3) },
            v => F.ForEachRows(v.J(0)), (v, d) => F.ForEachRowsGradient(v.J(0), d.J(0)), (v, t) => F.ForEachRowsTangent(v.J(0), t.J(0)).Tangent),
        new("RowsWithBreak", new[] { S.Jagged(5, 2, 4) },
            v => F.RowsWithBreak(v.J(0), 0.8), (v, d) => F.RowsWithBreakGradient(v.J(0), 0.8, d.J(0)), (v, t) => F.RowsWithBreakTangent(v.J(0), 0.8, t.J(0)).Tangent),
        new("RowsToHelpers", new[] { S.Jagged(3, 2, 1) },
            v => F.RowsToHelpers(v.J(0)), (v, d) => F.RowsToHelpersGradient(v.J(0), d.J(0)), (v, t) => F.RowsToHelpersTangent(v.J(0), t.J(0)).Tangent),
        new("Mixed", new[] { S.Matrix(2, 3), S.Jagged(3, 2), S.Scalar() },
            v => F.Mixed(v.M(0), v.J(1), v.S(2)),
            (v, d) => { double y = F.MixedGradient(v.M(0), v.J(1), v.S(2), d.M(0), d.J(1), out double db); d.SetS(2, db); return y; },
            (v, t) => F.MixedTangent(v.M(0), v.J(1), v.S(2), t.M(0), t.J(1), t.S(2)).Tangent),
        new("GramTrace", new[] { S.Matrix(3, 2) },
            v => F.GramTrace(v.M(0)), (v, d) => F.GramTraceGradient(v.M(0), d.M(0)), (v, t) => F.GramTraceTangent(v.M(0), t.M(0)).Tangent),
        new("BufferInLoop", new[] { S.Matrix(3, 2) },
            v => F.BufferInLoop(v.M(0)), (v, d) => F.BufferInLoopGradient(v.M(0), d.M(0)), (v, t) => F.BufferInLoopTangent(v.M(0), t.M(0)).Tangent),
        new("DataTables", new[] { S.Vector(3) },
            v => F.DataTables(v.V(0), Coefficients, Pick), (v, d) => F.DataTablesGradient(v.V(0), Coefficients, Pick, d.V(0)),
            (v, t) => F.DataTablesTangent(v.V(0), Coefficients, Pick, t.V(0)).Tangent),
        // Jagged locals.
        new("LayerActivations", new[] { S.Vector(4), S.Vector(3) },
            v => F.LayerActivations(v.V(0), v.V(1)), (v, d) => F.LayerActivationsGradient(v.V(0), v.V(1), d.V(0), d.V(1)),
            (v, t) => F.LayerActivationsTangent(v.V(0), v.V(1), t.V(0), t.V(1)).Tangent),
        new("Triangular", new[] { S.Vector(4) },
            v => F.Triangular(v.V(0)), (v, d) => F.TriangularGradient(v.V(0), d.V(0)), (v, t) => F.TriangularTangent(v.V(0), t.V(0)).Tangent),
        new("SmoothedRows", new[] { S.Jagged(3, 1, 4), S.Scalar() },
            v => F.SmoothedRows(v.J(0), v.S(1)),
            (v, d) => { double y = F.SmoothedRowsGradient(v.J(0), v.S(1), d.J(0), out double da); d.SetS(1, da); return y; },
            (v, t) => F.SmoothedRowsTangent(v.J(0), v.S(1), t.J(0), t.S(1)).Tangent),
        new("RaggedBatches", new[] { S.Vector(5) },
            v => F.RaggedBatches(v.V(0), Sizes), (v, d) => F.RaggedBatchesGradient(v.V(0), Sizes, d.V(0)),
            (v, t) => F.RaggedBatchesTangent(v.V(0), Sizes, t.V(0)).Tangent),
        new("TwoJaggedLocals", new[] { S.Matrix(3, 2) },
            v => F.TwoJaggedLocals(v.M(0)), (v, d) => F.TwoJaggedLocalsGradient(v.M(0), d.M(0)), (v, t) => F.TwoJaggedLocalsTangent(v.M(0), t.M(0)).Tangent),
        new("IndexTableInLoop", new[] { S.Vector(4) },
            v => F.IndexTableInLoop(v.V(0)), (v, d) => F.IndexTableInLoopGradient(v.V(0), d.V(0)), (v, t) => F.IndexTableInLoopTangent(v.V(0), t.V(0)).Tangent),
        new("JaggedInSwitch0", new[] { S.Vector(4) },
            v => F.JaggedInSwitch(v.V(0), 0), (v, d) => F.JaggedInSwitchGradient(v.V(0), 0, d.V(0)), (v, t) => F.JaggedInSwitchTangent(v.V(0), 0, t.V(0)).Tangent),
        new("JaggedInSwitch1", new[] { S.Vector(3) },
            v => F.JaggedInSwitch(v.V(0), 1), (v, d) => F.JaggedInSwitchGradient(v.V(0), 1, d.V(0)), (v, t) => F.JaggedInSwitchTangent(v.V(0), 1, t.V(0)).Tangent),
        // Calls of [Differentiable] methods taking 2-D and jagged arrays.
        new("CallsOnMatrix", new[] { S.Matrix(3, 2), S.Scalar(), S.Vector(3), S.Vector(2) },
            v => F.CallsOnMatrix(v.M(0), v.S(1), v.V(2), v.V(3)),
            (v, d) => { double y = F.CallsOnMatrixGradient(v.M(0), v.S(1), v.V(2), v.V(3), d.M(0), out double ds, d.V(2), d.V(3)); d.SetS(1, ds); return y; },
            (v, t) => F.CallsOnMatrixTangent(v.M(0), v.S(1), v.V(2), v.V(3), t.M(0), t.S(1), t.V(2), t.V(3)).Tangent),
        new("CallsOnJaggedInLoop", new[] { S.Jagged(2, 3, 1) },
            v => F.CallsOnJaggedInLoop(v.J(0)), (v, d) => F.CallsOnJaggedInLoopGradient(v.J(0), d.J(0)), (v, t) => F.CallsOnJaggedInLoopTangent(v.J(0), t.J(0)).Tangent),
        new("OuterProductGram", new[] { S.Vector(3) },
            v => F.OuterProductGram(v.V(0)), (v, d) => F.OuterProductGramGradient(v.V(0), d.V(0)), (v, t) => F.OuterProductGramTangent(v.V(0), t.V(0)).Tangent),
        new("JaggedLocalToHelpers", new[] { S.Vector(4) },
            v => F.JaggedLocalToHelpers(v.V(0), Coefficients), (v, d) => F.JaggedLocalToHelpersGradient(v.V(0), Coefficients, d.V(0)),
            (v, t) => F.JaggedLocalToHelpersTangent(v.V(0), Coefficients, t.V(0)).Tangent),
        new("RecursiveRows", new[] { S.Matrix(3, 2) },
            v => F.RecursiveRows(v.M(0), 0), (v, d) => F.RecursiveRowsGradient(v.M(0), 0, d.M(0)), (v, t) => F.RecursiveRowsTangent(v.M(0), 0, t.M(0)).Tangent),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    public static MultiArrayCase Get(string name) => All.Single(c => c.Name == name);
}
