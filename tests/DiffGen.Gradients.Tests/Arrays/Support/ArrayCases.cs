using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Corpus;
using Xunit;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using C = DiffGen.Gradients.Tests.Arrays.Corpus.ControlFlowFunctions;
using F = DiffGen.Gradients.Tests.Arrays.Corpus.FloatArrayFunctions;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using P = DiffGen.Gradients.Tests.Arrays.Corpus.InPlaceFunctions;
using R = DiffGen.Gradients.Tests.Arrays.Corpus.ReductionFunctions;
using Rec = DiffGen.Gradients.Tests.Arrays.Corpus.RecurrenceFunctions;
using L = DiffGen.Gradients.Tests.Arrays.Corpus.LoopAllocationFunctions;
using U = DiffGen.Gradients.Tests.Arrays.Corpus.UnstableArgumentFunctions;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>
/// Every array corpus function that the table-driven tests call: its parameters' sizes and sampling
/// boxes, the data it is bound to, and where it may be sampled (away from kinks, ties and branch switches).
/// </summary>
public static class ArrayCases
{
    private const double Margin = 0.01;

    // ---- data bound to [NoDerivative] and integer parameters (fixed seeds) ----
    public static readonly double[] NormWeights = ArrayNumeric.Data(11, 5, 0.2, 2);
    public static readonly double[] GatherWeights = ArrayNumeric.Data(12, 6, -1, 1);
    public static readonly int[] GatherIndex = { 0, 2, 2, 4, 1, 0 };
    public static readonly double[] HornerPoints = ArrayNumeric.Data(13, 4, -1.2, 1.2);
    public static readonly double[] RecurrentInputs = ArrayNumeric.Data(14, 5, -1, 1);
    public static readonly double[] LogisticFeatures = ArrayNumeric.Data(15, 15, -1.5, 1.5);
    public static readonly int[] LogisticLabels = { 1, 0, 0, 1, 1 };
    public static readonly double[] MlpInput = ArrayNumeric.Data(16, 3, -1, 1);
    public static readonly double[] MlpTarget = ArrayNumeric.Data(17, 2, -1, 1);
    public static readonly double[] MlpBatchInputs = ArrayNumeric.Data(18, 8, -1, 1);
    public static readonly double[] MlpBatchTargets = ArrayNumeric.Data(19, 4, -1, 1);
    public static readonly double[] HuberTargets = ArrayNumeric.Data(20, 6, -1, 1);
    public const double HuberDelta = 0.7;
    public const double HingeMargin = 0.5;
    public static readonly double[] BreakMarks = { 1, 0.5, 2, 0.3, -1, 1 };
    public static readonly double[] ContinueMask = { 1.0, 0.0, 0.5, -0.3, 2.0, 0.7 };
    public const double SearchThreshold = 1.0;
    public static readonly int[] BatchLabels = { 2, 0, 3 };
    public const int BatchClasses = 4;
    public static readonly int[] HistogramBuckets = { 0, 3, 1, 3, 0, 2, 3 };
    public static readonly int[] LoopCounts = { 3, 0, 2, 4 };
    public static readonly double[] LoopPoints = ArrayNumeric.Data(21, 12, -1, 1);
    public static readonly float[] LoopPointsF = ArrayNumeric.ToFloat(LoopPoints);
    private static readonly double[] LoopPointsOfF = LoopPointsF.Select(v => (double)v).ToArray();
    public static readonly float[] NormWeightsF = ArrayNumeric.ToFloat(NormWeights);
    private static readonly double[] NormWeightsOfF = NormWeightsF.Select(v => (double)v).ToArray();

    public static IReadOnlyList<ArrayCase> All { get; } = Build();

    private static readonly Dictionary<string, ArrayCase> ByName = All.ToDictionary(c => c.Name);

    public static ArrayCase Get(string name) => ByName[name];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    // ---- validity helpers ----

    private static bool AwayFromZero(IEnumerable<double> values) => values.All(v => Math.Abs(v) > Margin);

    private static IEnumerable<double> PartialSumsOfSquares(double[] x)
    {
        double s = 0;
        foreach (double v in x)
        {
            s += v * v;
            yield return s;
        }
    }

    /// <summary>The hidden pre-activations of MlpLossRelu.</summary>
    private static IEnumerable<double> MlpPreActivations(double[] w1, double[] b1, double[] x)
    {
        for (int j = 0; j < b1.Length; j++)
        {
            double z = b1[j];
            for (int i = 0; i < x.Length; i++) z += w1[j * x.Length + i] * x[i];
            yield return z;
        }
    }

    private static IEnumerable<double> MlpBatchPreActivations(double[] w1, double[] b1)
    {
        int batch = MlpBatchTargets.Length, inputs = MlpBatchInputs.Length / batch;
        for (int s = 0; s < batch; s++)
            foreach (double z in MlpPreActivations(w1, b1, MlpBatchInputs.AsSpan(s * inputs, inputs).ToArray())) yield return z;
    }

    private static IEnumerable<double> HingeArguments(double[] s)
    {
        for (int i = 0; i < s.Length; i++)
            for (int j = i + 1; j < s.Length; j++) yield return HingeMargin - (s[i] - s[j]);
    }

    private static List<ArrayCase> Build()
    {
        var cases = new List<ArrayCase>
        {
            // ---- ReductionFunctions ----
            ArrayCase.Double("DotArrays", new[] { Vec(5), Vec(5) },
                a => R.DotArrays(a[0], a[1]),
                (a, d) => R.DotArraysGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.DotArraysTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("UpperTriangleWeighted(y one shorter)", new[] { Vec(6), Vec(5) },
                a => R.UpperTriangleWeighted(a[0], a[1]),
                (a, d) => R.UpperTriangleWeightedGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.UpperTriangleWeightedTangent(a[0], a[1], t[0], t[1]), function: "UpperTriangleWeighted"),
            ArrayCase.Double("DotSpans", new[] { Vec(6), Vec(6) },
                a => R.DotSpans(a[0], a[1]),
                (a, d) => R.DotSpansGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.DotSpansTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("DotMixed", new[] { Vec(4), Vec(4) },
                a => R.DotMixed(a[0], a[1]),
                (a, d) => R.DotMixedGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.DotMixedTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("DotMutableSpanWhile", new[] { Vec(5), Vec(5) },
                a => R.DotMutableSpanWhile(a[0], a[1]),
                (a, d) => R.DotMutableSpanWhileGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.DotMutableSpanWhileTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("WeightedSquaredNorm", new[] { Vec(5) },
                a => R.WeightedSquaredNorm(a[0], NormWeights),
                (a, d) => R.WeightedSquaredNormGradient(a[0], NormWeights, d[0]),
                (a, t) => R.WeightedSquaredNormTangent(a[0], NormWeights, t[0])),
            ArrayCase.Double("WeightedEuclideanNorm", new[] { Vec(4), Vec(4, 0.3, 2) },
                a => R.WeightedEuclideanNorm(a[0], a[1]),
                (a, d) => R.WeightedEuclideanNormGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.WeightedEuclideanNormTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("SumOfSquaresForeach", new[] { Vec(6) },
                a => R.SumOfSquaresForeach(a[0]),
                (a, d) => R.SumOfSquaresForeachGradient(a[0], d[0]),
                (a, t) => R.SumOfSquaresForeachTangent(a[0], t[0])),
            ArrayCase.Double("LogSumExpForeach", new[] { Vec(5, -3, 3) },
                a => R.LogSumExpForeach(a[0]),
                (a, d) => R.LogSumExpForeachGradient(a[0], d[0]),
                (a, t) => R.LogSumExpForeachTangent(a[0], t[0])),
            ArrayCase.Double("Variance", new[] { Vec(6) },
                a => R.Variance(a[0]),
                (a, d) => R.VarianceGradient(a[0], d[0]),
                (a, t) => R.VarianceTangent(a[0], t[0])),
            ArrayCase.Double("CosineSimilarity", new[] { Vec(5), Vec(5) },
                a => R.CosineSimilarity(a[0], a[1]),
                (a, d) => R.CosineSimilarityGradient(a[0], a[1], d[0], d[1]),
                (a, t) => R.CosineSimilarityTangent(a[0], a[1], t[0], t[1]),
                a => a[0].Sum(v => v * v) > 0.5 && a[1].Sum(v => v * v) > 0.5),
            ArrayCase.Double("GeometricMean", new[] { Vec(5, 0.3, 3) },
                a => R.GeometricMean(a[0]),
                (a, d) => R.GeometricMeanGradient(a[0], d[0]),
                (a, t) => R.GeometricMeanTangent(a[0], t[0])),
            ArrayCase.Double("ThreeArrays", new[] { Vec(4), Vec(4), Vec(4) },
                a => R.ThreeArrays(a[0], a[1], a[2]),
                (a, d) => R.ThreeArraysGradient(a[0], a[1], a[2], d[0], d[1], d[2]),
                (a, t) => R.ThreeArraysTangent(a[0], a[1], a[2], t[0], t[1], t[2])),
            ArrayCase.Double("GatherWeighted", new[] { Vec(5) },
                a => R.GatherWeighted(a[0], GatherWeights, GatherIndex),
                (a, d) => R.GatherWeightedGradient(a[0], GatherWeights, GatherIndex, d[0]),
                (a, t) => R.GatherWeightedTangent(a[0], GatherWeights, GatherIndex, t[0])),
            ArrayCase.Double("MirrorPairs(n 6)", new[] { Vec(6) },
                a => R.MirrorPairs(a[0]),
                (a, d) => R.MirrorPairsGradient(a[0], d[0]),
                (a, t) => R.MirrorPairsTangent(a[0], t[0]), function: "MirrorPairs"),
            ArrayCase.Double("MirrorPairs(n 7)", new[] { Vec(7) },
                a => R.MirrorPairs(a[0]),
                (a, d) => R.MirrorPairsGradient(a[0], d[0]),
                (a, t) => R.MirrorPairsTangent(a[0], t[0]), function: "MirrorPairs"),
            ArrayCase.Double("ScalarsAndArray", new[] { Vec(5), Num(-1, 1), Num(-2, 2) },
                a => R.ScalarsAndArray(a[0], a[1][0], a[2][0]),
                (a, d) =>
                {
                    double v = R.ScalarsAndArrayGradient(a[0], a[1][0], a[2][0], d[0], out double ds, out double dt);
                    d[1][0] = ds;
                    d[2][0] = dt;
                    return v;
                },
                (a, t) => R.ScalarsAndArrayTangent(a[0], a[1][0], a[2][0], t[0], t[1][0], t[2][0])),
            ArrayCase.Double("DoWhileSum", new[] { Vec(5) },
                a => R.DoWhileSum(a[0]),
                (a, d) => R.DoWhileSumGradient(a[0], d[0]),
                (a, t) => R.DoWhileSumTangent(a[0], t[0])),

            // ---- LoopAllocationFunctions ----
            ArrayCase.Double("PerPointScratch", new[] { Vec(3) },
                a => L.PerPointScratch(a[0], LoopPoints, 3),
                (a, d) => L.PerPointScratchGradient(a[0], LoopPoints, 3, d[0]),
                (a, t) => L.PerPointScratchTangent(a[0], LoopPoints, 3, t[0])),
            ArrayCase.Double("NestedBuffers", new[] { Vec(6), Vec(2, -1, 1) },
                a => L.NestedBuffers(a[0], a[1], LoopPoints, 3, 2),
                (a, d) => L.NestedBuffersGradient(a[0], a[1], LoopPoints, 3, 2, d[0], d[1]),
                (a, t) => L.NestedBuffersTangent(a[0], a[1], LoopPoints, 3, 2, t[0], t[1])),
            ArrayCase.Double("AccumulatingBuffer", new[] { Vec(5, -1, 1) },
                a => L.AccumulatingBuffer(a[0], 3),
                (a, d) => L.AccumulatingBufferGradient(a[0], 3, d[0]),
                (a, t) => L.AccumulatingBufferTangent(a[0], 3, t[0])),
            ArrayCase.Double("BufferWithBranchAndBreak", new[] { Vec(4) },
                a => L.BufferWithBranchAndBreak(a[0], BreakMarks),
                (a, d) => L.BufferWithBranchAndBreakGradient(a[0], BreakMarks, d[0]),
                (a, t) => L.BufferWithBranchAndBreakTangent(a[0], BreakMarks, t[0])),
            ArrayCase.Float("PerPointScratchF", new[] { Vec(3) },
                a => L.PerPointScratch(a[0], LoopPointsOfF, 3),
                a => L.PerPointScratchF(a[0], LoopPointsF, 3),
                (a, d) => L.PerPointScratchFGradient(a[0], LoopPointsF, 3, d[0]),
                (a, t) => L.PerPointScratchFTangent(a[0], LoopPointsF, 3, t[0])),

            // ---- UnstableArgumentFunctions ----
            ArrayCase.Double("OverwrittenAfterCall", new[] { Vec(4, -1, 1) },
                a => U.OverwrittenAfterCall(a[0]),
                (a, d) => U.OverwrittenAfterCallGradient(a[0], d[0]),
                (a, t) => U.OverwrittenAfterCallTangent(a[0], t[0])),
            ArrayCase.Double("ReusedScores", new[] { Vec(6, -1, 1) },
                a => U.ReusedScores(a[0], HornerPoints, 3),
                (a, d) => U.ReusedScoresGradient(a[0], HornerPoints, 3, d[0]),
                (a, t) => U.ReusedScoresTangent(a[0], HornerPoints, 3, t[0])),
            ArrayCase.Double("ReusedScoresWithBranch", new[] { Vec(3, -1, 1) },
                a => U.ReusedScoresWithBranch(a[0], HornerPoints),
                (a, d) => U.ReusedScoresWithBranchGradient(a[0], HornerPoints, d[0]),
                (a, t) => U.ReusedScoresWithBranchTangent(a[0], HornerPoints, t[0])),
            ArrayCase.Double("RepeatedOutput", new[] { Vec(4, -0.5, 0.5) },
                a => U.RepeatedOutput(a[0], 3),
                (a, d) => U.RepeatedOutputGradient(a[0], 3, d[0]),
                (a, t) => U.RepeatedOutputTangent(a[0], 3, t[0])),
            ArrayCase.Double("ChangingLabels", new[] { Vec(6, -1, 1) },
                a => U.ChangingLabels(a[0], 3, 3),
                (a, d) => U.ChangingLabelsGradient(a[0], 3, 3, d[0]),
                (a, t) => U.ChangingLabelsTangent(a[0], 3, 3, t[0])),
            ArrayCase.Double("RowSlices", new[] { Vec(6, -1, 1) },
                a => U.RowSlices(a[0], 3),
                (a, d) => U.RowSlicesGradient(a[0], 3, d[0]),
                (a, t) => U.RowSlicesTangent(a[0], 3, t[0])),

            // ---- RecurrenceFunctions ----
            ArrayCase.Double("Horner", new[] { Vec(6), Num(-1.5, 1.5) },
                a => Rec.Horner(a[0], a[1][0]),
                (a, d) =>
                {
                    double v = Rec.HornerGradient(a[0], a[1][0], d[0], out double dx);
                    d[1][0] = dx;
                    return v;
                },
                (a, t) => Rec.HornerTangent(a[0], a[1][0], t[0], t[1][0])),
            ArrayCase.Double("HornerOverPoints", new[] { Vec(5) },
                a => Rec.HornerOverPoints(a[0], HornerPoints),
                (a, d) => Rec.HornerOverPointsGradient(a[0], HornerPoints, d[0]),
                (a, t) => Rec.HornerOverPointsTangent(a[0], HornerPoints, t[0])),
            TwoSlot(9),
            TwoSlot(1),
            ArrayCase.Double("PrefixProduct", new[] { Vec(6, -1.5, 1.5) },
                a => Rec.PrefixProduct(a[0]),
                (a, d) => Rec.PrefixProductGradient(a[0], d[0]),
                (a, t) => Rec.PrefixProductTangent(a[0], t[0])),
            ArrayCase.Double("PrefixSumSquares", new[] { Vec(6) },
                a => Rec.PrefixSumSquares(a[0]),
                (a, d) => Rec.PrefixSumSquaresGradient(a[0], d[0]),
                (a, t) => Rec.PrefixSumSquaresTangent(a[0], t[0])),
            ArrayCase.Double("RunningMaxProducts", new[] { Vec(6) },
                a => Rec.RunningMaxProducts(a[0]),
                (a, d) => Rec.RunningMaxProductsGradient(a[0], d[0]),
                (a, t) => Rec.RunningMaxProductsTangent(a[0], t[0]),
                a => ArrayNumeric.MinGap(a[0]) > Margin),
            ArrayCase.Double("DiscountedReturn", new[] { Vec(7), Num(0.3, 0.99) },
                a => Rec.DiscountedReturn(a[0], a[1][0]),
                (a, d) =>
                {
                    double v = Rec.DiscountedReturnGradient(a[0], a[1][0], d[0], out double dg);
                    d[1][0] = dg;
                    return v;
                },
                (a, t) => Rec.DiscountedReturnTangent(a[0], a[1][0], t[0], t[1][0])),
            ArrayCase.Double("ReturnsToGoSquares", new[] { Vec(7), Num(0.3, 0.99) },
                a => Rec.ReturnsToGoSquares(a[0], a[1][0]),
                (a, d) =>
                {
                    double v = Rec.ReturnsToGoSquaresGradient(a[0], a[1][0], d[0], out double dg);
                    d[1][0] = dg;
                    return v;
                },
                (a, t) => Rec.ReturnsToGoSquaresTangent(a[0], a[1][0], t[0], t[1][0])),
            ArrayCase.Double("TridiagonalSolveWeighted", new[] { Vec(5, -1, 1), Vec(5, 3, 5), Vec(5, -1, 1), Vec(5) },
                a => Rec.TridiagonalSolveWeighted(a[0], a[1], a[2], a[3]),
                (a, d) => Rec.TridiagonalSolveWeightedGradient(a[0], a[1], a[2], a[3], d[0], d[1], d[2], d[3]),
                (a, t) => Rec.TridiagonalSolveWeightedTangent(a[0], a[1], a[2], a[3], t[0], t[1], t[2], t[3])),
            ArrayCase.Double("OscillatorChainEnergy(steps 20)", new[] { Vec(6, -1, 1), Num(0.5, 2) },
                a => Rec.OscillatorChainEnergy(a[0], a[1][0], 20),
                (a, d) =>
                {
                    double v = Rec.OscillatorChainEnergyGradient(a[0], a[1][0], 20, d[0], out double dk);
                    d[1][0] = dk;
                    return v;
                },
                (a, t) => Rec.OscillatorChainEnergyTangent(a[0], a[1][0], 20, t[0], t[1][0]), function: "OscillatorChainEnergy"),
            ArrayCase.Double("RecurrentFinalState", new[] { Vec(9, -0.8, 0.8), Vec(3, -1, 1), Vec(3, -0.5, 0.5) },
                a => Rec.RecurrentFinalState(a[0], a[1], a[2], RecurrentInputs),
                (a, d) => Rec.RecurrentFinalStateGradient(a[0], a[1], a[2], RecurrentInputs, d[0], d[1], d[2]),
                (a, t) => Rec.RecurrentFinalStateTangent(a[0], a[1], a[2], RecurrentInputs, t[0], t[1], t[2])),

            // ---- ModelFunctions ----
            SoftmaxCe(0),
            SoftmaxCe(3),
            ArrayCase.Double("SoftmaxCrossEntropyBatch", new[] { Vec(BatchLabels.Length * BatchClasses, -3, 3) },
                a => M.SoftmaxCrossEntropyBatch(a[0], BatchLabels, BatchClasses),
                (a, d) => M.SoftmaxCrossEntropyBatchGradient(a[0], BatchLabels, BatchClasses, d[0]),
                (a, t) => M.SoftmaxCrossEntropyBatchTangent(a[0], BatchLabels, BatchClasses, t[0])),
            ArrayCase.Double("LogisticRegressionLoss", new[] { Vec(3), Num(-1, 1) },
                a => M.LogisticRegressionLoss(a[0], a[1][0], LogisticFeatures, LogisticLabels),
                (a, d) =>
                {
                    double v = M.LogisticRegressionLossGradient(a[0], a[1][0], LogisticFeatures, LogisticLabels, d[0], out double db);
                    d[1][0] = db;
                    return v;
                },
                (a, t) => M.LogisticRegressionLossTangent(a[0], a[1][0], LogisticFeatures, LogisticLabels, t[0], t[1][0])),
            ArrayCase.Double("LeastSquares", new[] { Vec(12), Vec(3), Vec(4) },
                a => M.LeastSquares(a[0], a[1], a[2]),
                (a, d) => M.LeastSquaresGradient(a[0], a[1], a[2], d[0], d[1], d[2]),
                (a, t) => M.LeastSquaresTangent(a[0], a[1], a[2], t[0], t[1], t[2])),
            ArrayCase.Double("MatVecTanhSum", new[] { Vec(12, -1, 1), Vec(3) },
                a => M.MatVecTanhSum(a[0], a[1]),
                (a, d) => M.MatVecTanhSumGradient(a[0], a[1], d[0], d[1]),
                (a, t) => M.MatVecTanhSumTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("MlpLossRelu", new[] { Vec(12, -1, 1), Vec(4, -0.5, 0.5), Vec(8, -1, 1), Vec(2, -0.5, 0.5) },
                a => M.MlpLossRelu(a[0], a[1], a[2], a[3], MlpInput, MlpTarget),
                (a, d) => M.MlpLossReluGradient(a[0], a[1], a[2], a[3], MlpInput, MlpTarget, d[0], d[1], d[2], d[3]),
                (a, t) => M.MlpLossReluTangent(a[0], a[1], a[2], a[3], MlpInput, MlpTarget, t[0], t[1], t[2], t[3]),
                a => AwayFromZero(MlpPreActivations(a[0], a[1], MlpInput))),
            ArrayCase.Double("MlpBatchLossMax", new[] { Vec(6, -1, 1), Vec(3, -0.5, 0.5), Vec(3, -1, 1), Num(-0.5, 0.5) },
                a => M.MlpBatchLossMax(a[0], a[1], a[2], a[3][0], MlpBatchInputs, MlpBatchTargets),
                (a, d) =>
                {
                    double v = M.MlpBatchLossMaxGradient(a[0], a[1], a[2], a[3][0], MlpBatchInputs, MlpBatchTargets, d[0], d[1], d[2], out double db2);
                    d[3][0] = db2;
                    return v;
                },
                (a, t) => M.MlpBatchLossMaxTangent(a[0], a[1], a[2], a[3][0], MlpBatchInputs, MlpBatchTargets, t[0], t[1], t[2], t[3][0]),
                a => AwayFromZero(MlpBatchPreActivations(a[0], a[1]))),
            ArrayCase.Double("Convolution1D", new[] { Vec(8), Vec(3) },
                a => M.Convolution1D(a[0], a[1]),
                (a, d) => M.Convolution1DGradient(a[0], a[1], d[0], d[1]),
                (a, t) => M.Convolution1DTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("HuberLoss", new[] { Vec(6) },
                a => M.HuberLoss(a[0], HuberTargets, HuberDelta),
                (a, d) => M.HuberLossGradient(a[0], HuberTargets, HuberDelta, d[0]),
                (a, t) => M.HuberLossTangent(a[0], HuberTargets, HuberDelta, t[0]),
                a => a[0].Select((p, i) => Math.Abs(p - HuberTargets[i]) - HuberDelta).All(g => Math.Abs(g) > Margin)),
            ArrayCase.Double("MatMulFrobenius(n 3)", new[] { Vec(9, -1, 1), Vec(9, -1, 1) },
                a => M.MatMulFrobenius(a[0], a[1], 3),
                (a, d) => M.MatMulFrobeniusGradient(a[0], a[1], 3, d[0], d[1]),
                (a, t) => M.MatMulFrobeniusTangent(a[0], a[1], 3, t[0], t[1]), function: "MatMulFrobenius"),
            ArrayCase.Double("PairwiseHinge", new[] { Vec(5, -1, 1) },
                a => M.PairwiseHinge(a[0], HingeMargin),
                (a, d) => M.PairwiseHingeGradient(a[0], HingeMargin, d[0]),
                (a, t) => M.PairwiseHingeTangent(a[0], HingeMargin, t[0]),
                a => AwayFromZero(HingeArguments(a[0]))),

            // ---- ControlFlowFunctions ----
            ArrayCase.Double("LaplacianEnergy", new[] { Vec(7) },
                a => C.LaplacianEnergy(a[0]),
                (a, d) => C.LaplacianEnergyGradient(a[0], d[0]),
                (a, t) => C.LaplacianEnergyTangent(a[0], t[0])),
            ArrayCase.Double("BubbleSortWeighted", new[] { Vec(6) },
                a => C.BubbleSortWeighted(a[0]),
                (a, d) => C.BubbleSortWeightedGradient(a[0], d[0]),
                (a, t) => C.BubbleSortWeightedTangent(a[0], t[0]),
                a => ArrayNumeric.MinGap(a[0]) > Margin),
            ArrayCase.Double("WhileBreakOnData", new[] { Vec(6) },
                a => C.WhileBreakOnData(a[0], BreakMarks),
                (a, d) => C.WhileBreakOnDataGradient(a[0], BreakMarks, d[0]),
                (a, t) => C.WhileBreakOnDataTangent(a[0], BreakMarks, t[0])),
            ArrayCase.Double("TriangularProducts", new[] { Vec(5) },
                a => C.TriangularProducts(a[0]),
                (a, d) => C.TriangularProductsGradient(a[0], d[0]),
                (a, t) => C.TriangularProductsTangent(a[0], t[0])),
            ArrayCase.Double("UpperTriangleKernel", new[] { Vec(5) },
                a => C.UpperTriangleKernel(a[0]),
                (a, d) => C.UpperTriangleKernelGradient(a[0], d[0]),
                (a, t) => C.UpperTriangleKernelTangent(a[0], t[0])),
            ArrayCase.Double("StackallocSoftmaxEntropy", new[] { Vec(5) },
                a => C.StackallocSoftmaxEntropy(a[0]),
                (a, d) => C.StackallocSoftmaxEntropyGradient(a[0], d[0]),
                (a, t) => C.StackallocSoftmaxEntropyTangent(a[0], t[0])),
            ArrayCase.Double("ArrayInitializers", new[] { Num(-2, 2), Num(-2, 2), Num(-2, 2) },
                a => C.ArrayInitializers(a[0][0], a[1][0], a[2][0]),
                (a, d) =>
                {
                    double v = C.ArrayInitializersGradient(a[0][0], a[1][0], a[2][0], out double dx, out double dy, out double dz);
                    d[0][0] = dx;
                    d[1][0] = dy;
                    d[2][0] = dz;
                    return v;
                },
                (a, t) => C.ArrayInitializersTangent(a[0][0], a[1][0], a[2][0], t[0][0], t[1][0], t[2][0])),
            ArrayCase.Double("InitializerFromElements", new[] { Vec(3) },
                a => C.InitializerFromElements(a[0]),
                (a, d) => C.InitializerFromElementsGradient(a[0], d[0]),
                (a, t) => C.InitializerFromElementsTangent(a[0], t[0])),
            ArrayCase.Double("EarlyReturnInLoop", new[] { Vec(6, -1, 1) },
                a => C.EarlyReturnInLoop(a[0]),
                (a, d) => C.EarlyReturnInLoopGradient(a[0], d[0]),
                (a, t) => C.EarlyReturnInLoopTangent(a[0], t[0]),
                a => PartialSumsOfSquares(a[0]).All(s => Math.Abs(s - 2.0) > Margin)),
            ArrayCase.Double("ContinueOnDataMask", new[] { Vec(6) },
                a => C.ContinueOnDataMask(a[0], ContinueMask),
                (a, d) => C.ContinueOnDataMaskGradient(a[0], ContinueMask, d[0]),
                (a, t) => C.ContinueOnDataMaskTangent(a[0], ContinueMask, t[0])),
            ArrayCase.Double("ContinueOnNegative", new[] { Vec(6) },
                a => C.ContinueOnNegative(a[0]),
                (a, d) => C.ContinueOnNegativeGradient(a[0], d[0]),
                (a, t) => C.ContinueOnNegativeTangent(a[0], t[0]),
                a => AwayFromZero(a[0])),
            ArrayCase.Double("CompoundElementAssignments", new[] { Vec(7, -1.5, 1.5) },
                a => C.CompoundElementAssignments(a[0]),
                (a, d) => C.CompoundElementAssignmentsGradient(a[0], d[0]),
                (a, t) => C.CompoundElementAssignmentsTangent(a[0], t[0])),
            ArrayCase.Double("JacobiSmoothing(sweeps 3)", new[] { Vec(6) },
                a => C.JacobiSmoothing(a[0], 3),
                (a, d) => C.JacobiSmoothingGradient(a[0], 3, d[0]),
                (a, t) => C.JacobiSmoothingTangent(a[0], 3, t[0]), function: "JacobiSmoothing"),
            ArrayCase.Double("FirstAboveThreshold", new[] { Vec(5) },
                a => C.FirstAboveThreshold(a[0], SearchThreshold),
                (a, d) => C.FirstAboveThresholdGradient(a[0], SearchThreshold, d[0]),
                (a, t) => C.FirstAboveThresholdTangent(a[0], SearchThreshold, t[0]),
                a => AwayFromZero(a[0].Select(v => v - SearchThreshold))),
            ArrayCase.Double("StackallocDifferences", new[] { Vec(6) },
                a => C.StackallocDifferences(a[0]),
                (a, d) => C.StackallocDifferencesGradient(a[0], d[0]),
                (a, t) => C.StackallocDifferencesTangent(a[0], t[0])),

            // ---- InPlaceFunctions ----
            ArrayCase.Double("ScatterAddHistogram", new[] { Vec(7) },
                a => P.ScatterAddHistogram(a[0], HistogramBuckets),
                (a, d) => P.ScatterAddHistogramGradient(a[0], HistogramBuckets, d[0]),
                (a, t) => P.ScatterAddHistogramTangent(a[0], HistogramBuckets, t[0])),
            ArrayCase.Double("FilledOnceThenRead(passes 3)", new[] { Vec(5, -1, 1) },
                a => P.FilledOnceThenRead(a[0], 3),
                (a, d) => P.FilledOnceThenReadGradient(a[0], 3, d[0]),
                (a, t) => P.FilledOnceThenReadTangent(a[0], 3, t[0]), function: "FilledOnceThenRead"),
            ArrayCase.Double("InPlaceCumulativeProduct", new[] { Vec(6, -1.5, 1.5) },
                a => P.InPlaceCumulativeProduct(a[0]),
                (a, d) => P.InPlaceCumulativeProductGradient(a[0], d[0]),
                (a, t) => P.InPlaceCumulativeProductTangent(a[0], t[0])),
            ArrayCase.Double("RepeatedInPlacePasses(passes 4)", new[] { Vec(5, -1, 1) },
                a => P.RepeatedInPlacePasses(a[0], 4),
                (a, d) => P.RepeatedInPlacePassesGradient(a[0], 4, d[0]),
                (a, t) => P.RepeatedInPlacePassesTangent(a[0], 4, t[0]), function: "RepeatedInPlacePasses"),
            ArrayCase.Double("ElementIncrements", new[] { Vec(7) },
                a => P.ElementIncrements(a[0]),
                (a, d) => P.ElementIncrementsGradient(a[0], d[0]),
                (a, t) => P.ElementIncrementsTangent(a[0], t[0])),
            ArrayCase.Double("ForeachOverStackalloc", new[] { Vec(6) },
                a => P.ForeachOverStackalloc(a[0]),
                (a, d) => P.ForeachOverStackallocGradient(a[0], d[0]),
                (a, t) => P.ForeachOverStackallocTangent(a[0], t[0])),
            ArrayCase.Double("TernaryElementSelection", new[] { Vec(6), Vec(4) },
                a => P.TernaryElementSelection(a[0], a[1]),
                (a, d) => P.TernaryElementSelectionGradient(a[0], a[1], d[0], d[1]),
                (a, t) => P.TernaryElementSelectionTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Double("DataLoopBounds", new[] { Vec(7) },
                a => P.DataLoopBounds(a[0], LoopCounts),
                (a, d) => P.DataLoopBoundsGradient(a[0], LoopCounts, d[0]),
                (a, t) => P.DataLoopBoundsTangent(a[0], LoopCounts, t[0])),
            ArrayCase.Double("MaxPoolLogSumExp", new[] { Vec(8) },
                a => P.MaxPoolLogSumExp(a[0]),
                (a, d) => P.MaxPoolLogSumExpGradient(a[0], d[0]),
                (a, t) => P.MaxPoolLogSumExpTangent(a[0], t[0]),
                a => Enumerable.Range(0, 4).All(i => Math.Abs(a[0][2 * i] - a[0][2 * i + 1]) > Margin)),

            ArrayCase.Double("LocalIntPermutation", new[] { Vec(6) },
                a => P.LocalIntPermutation(a[0]),
                (a, d) => P.LocalIntPermutationGradient(a[0], d[0]),
                (a, t) => P.LocalIntPermutationTangent(a[0], t[0])),
            ArrayCase.Double("ReturnElementFromLoop", new[] { Vec(5) },
                a => P.ReturnElementFromLoop(a[0]),
                (a, d) => P.ReturnElementFromLoopGradient(a[0], d[0]),
                (a, t) => P.ReturnElementFromLoopTangent(a[0], t[0]),
                a => AwayFromZero(a[0].Select(v => v - 1))),
            ArrayCase.Double("EmptyGuardThenSquaredSum", new[] { Vec(5) },
                a => P.EmptyGuardThenSquaredSum(a[0]),
                (a, d) => P.EmptyGuardThenSquaredSumGradient(a[0], d[0]),
                (a, t) => P.EmptyGuardThenSquaredSumTangent(a[0], t[0])),
            ArrayCase.Double("CopyThenOverwriteElement", new[] { Vec(2) },
                a => P.CopyThenOverwriteElement(a[0]),
                (a, d) => P.CopyThenOverwriteElementGradient(a[0], d[0]),
                (a, t) => P.CopyThenOverwriteElementTangent(a[0], t[0])),

            // ---- FloatArrayFunctions (double twins as the finite-difference reference) ----
            ArrayCase.Float("DotF", new[] { Vec(5), Vec(5) },
                a => R.DotArrays(a[0], a[1]),
                a => F.DotF(a[0], a[1]),
                (a, d) => F.DotFGradient(a[0], a[1], d[0], d[1]),
                (a, t) => F.DotFTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Float("HornerF", new[] { Vec(5), Num(-1.5, 1.5) },
                a => Rec.Horner(a[0], a[1][0]),
                a => F.HornerF(a[0], a[1][0]),
                (a, d) =>
                {
                    float v = F.HornerFGradient(a[0], a[1][0], d[0], out float dx);
                    d[1][0] = dx;
                    return v;
                },
                (a, t) => F.HornerFTangent(a[0], a[1][0], t[0], t[1][0])),
            ArrayCase.Float("WeightedSquaredNormF", new[] { Vec(5) },
                a => R.WeightedSquaredNorm(a[0], NormWeightsOfF),
                a => F.WeightedSquaredNormF(a[0], NormWeightsF),
                (a, d) => F.WeightedSquaredNormFGradient(a[0], NormWeightsF, d[0]),
                (a, t) => F.WeightedSquaredNormFTangent(a[0], NormWeightsF, t[0])),
            ArrayCase.Float("SoftmaxCrossEntropyF", new[] { Vec(5, -3, 3) },
                a => M.SoftmaxCrossEntropy(a[0], 1),
                a => F.SoftmaxCrossEntropyF(a[0], 1),
                (a, d) => F.SoftmaxCrossEntropyFGradient(a[0], 1, d[0]),
                (a, t) => F.SoftmaxCrossEntropyFTangent(a[0], 1, t[0])),
            ArrayCase.Float("MatVecTanhSumF", new[] { Vec(12, -1, 1), Vec(3) },
                a => M.MatVecTanhSum(a[0], a[1]),
                a => F.MatVecTanhSumF(a[0], a[1]),
                (a, d) => F.MatVecTanhSumFGradient(a[0], a[1], d[0], d[1]),
                (a, t) => F.MatVecTanhSumFTangent(a[0], a[1], t[0], t[1])),
            ArrayCase.Float("LaplacianEnergyF", new[] { Vec(7) },
                a => C.LaplacianEnergy(a[0]),
                a => F.LaplacianEnergyF(a[0]),
                (a, d) => F.LaplacianEnergyFGradient(a[0], d[0]),
                (a, t) => F.LaplacianEnergyFTangent(a[0], t[0])),
            ArrayCase.Float("StackallocSoftmaxEntropyF", new[] { Vec(5) },
                a => C.StackallocSoftmaxEntropy(a[0]),
                a => F.StackallocSoftmaxEntropyF(a[0]),
                (a, d) => F.StackallocSoftmaxEntropyFGradient(a[0], d[0]),
                (a, t) => F.StackallocSoftmaxEntropyFTangent(a[0], t[0])),
            ArrayCase.Float("PrefixProductF", new[] { Vec(6, -1.5, 1.5) },
                a => Rec.PrefixProduct(a[0]),
                a => F.PrefixProductF(a[0]),
                (a, d) => F.PrefixProductFGradient(a[0], d[0]),
                (a, t) => F.PrefixProductFTangent(a[0], t[0])),
        };
        cases.AddRange(PooledCases.Build());
        cases.AddRange(SliceCases.Build());
        cases.AddRange(HelperCallCases.Build());
        cases.AddRange(OutlinedLoopCases.Build());
        return cases;
    }

    private static ArrayCase TwoSlot(int steps)
        => ArrayCase.Double($"TwoSlotRecurrence(steps {steps})", new[] { Vec(3, -1.5, 1.5), Num(-1, 1) },
            a => Rec.TwoSlotRecurrence(a[0], a[1][0], steps),
            (a, d) =>
            {
                double v = Rec.TwoSlotRecurrenceGradient(a[0], a[1][0], steps, d[0], out double dx0);
                d[1][0] = dx0;
                return v;
            },
            (a, t) => Rec.TwoSlotRecurrenceTangent(a[0], a[1][0], steps, t[0], t[1][0]), function: "TwoSlotRecurrence");

    private static ArrayCase SoftmaxCe(int label)
        => ArrayCase.Double($"SoftmaxCrossEntropy(label {label})", new[] { Vec(5, -3, 3) },
            a => M.SoftmaxCrossEntropy(a[0], label),
            (a, d) => M.SoftmaxCrossEntropyGradient(a[0], label, d[0]),
            (a, t) => M.SoftmaxCrossEntropyTangent(a[0], label, t[0]), function: "SoftmaxCrossEntropy");
}
