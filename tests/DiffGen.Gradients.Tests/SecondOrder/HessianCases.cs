using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;
using static DiffGen.Gradients.Tests.Arrays.Support.Slot;
using AC = DiffGen.Gradients.Tests.Arrays.Support.ArrayCases;
using C = DiffGen.Gradients.Tests.Arrays.Corpus.ControlFlowFunctions;
using H = DiffGen.Gradients.Tests.Arrays.Corpus.HelperCallFunctions;
using SL = DiffGen.Gradients.Tests.Arrays.Corpus.SpanLocalFunctions;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using P = DiffGen.Gradients.Tests.Arrays.Corpus.InPlaceFunctions;
using S = DiffGen.Gradients.Tests.SecondOrder.SecondOrderFunctions;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// The second-order table: every function whose generated {M}HessianVector the tests check, registered with how
/// to call it. Scalar and array functions of the first-order tables keep their sampling regions and kink filters.
/// </summary>
public static class HessianCases
{
    /// <summary>A fixed 4 × 4 matrix (not symmetric) and vector for <see cref="SecondOrderFunctions.QuadraticForm"/>.</summary>
    public static readonly double[] QuadraticMatrix = { 3, 1, 0.5, -1, 0, 2, 1, 0.25, 1.5, -0.5, 4, 1, 0, 2, -1, 5 };

    public static readonly double[] QuadraticLinear = { 1, -2, 0.5, 3 };

    public static readonly double[] NetworkInputs = { 0.7, -1.2, 0.4 };

    public static IReadOnlyList<HessianCase> All { get; } = Build();

    private static readonly Dictionary<string, HessianCase> ByName = All.ToDictionary(c => c.Name);

    public static HessianCase Get(string name) => ByName[name];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    private static HessianCase One(string name, Func<double, double, (double, double)> hvp)
        => HessianCase.Scalar(name, (x, v, h) => { var (value, hx) = hvp(x[0][0], v[0][0]); h[0][0] = hx; return value; });

    private static List<HessianCase> Build() => new()
    {
        // ---- Smooth scalar functions ----
        One("Cubic", (x, v) => (SmoothFunctions.CubicHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("Bivariate", (x, v, h) => SmoothFunctions.BivariateHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("Rational", (x, v) => (SmoothFunctions.RationalHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("RationalBivariate", (x, v, h) => SmoothFunctions.RationalBivariateHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("SinTimesCos", (x, v, h) => SmoothFunctions.SinTimesCosHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("TangentPlusX", (x, v) => (SmoothFunctions.TangentPlusXHessianVector(x, v, out double h), h)),
        One("ArcSinePlusArcCosine", (x, v) => (SmoothFunctions.ArcSinePlusArcCosineHessianVector(x, v, out double h), h)),
        One("ArcTangentOfSquare", (x, v) => (SmoothFunctions.ArcTangentOfSquareHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("ArcTangent2", (x, v, h) => SmoothFunctions.ArcTangent2HessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("Hyperbolic", (x, v) => (SmoothFunctions.HyperbolicHessianVector(x, v, out double h), h)),
        One("ExpTimesLog", (x, v) => (SmoothFunctions.ExpTimesLogHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("LogWithBase", (x, v, h) => SmoothFunctions.LogWithBaseHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("Log2PlusLog10", (x, v) => (SmoothFunctions.Log2PlusLog10HessianVector(x, v, out double h), h)),
        One("SqrtPlusCbrt", (x, v) => (SmoothFunctions.SqrtPlusCbrtHessianVector(x, v, out double h), h)),
        One("PowConstantExponent", (x, v) => (SmoothFunctions.PowConstantExponentHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("PowVariableExponent", (x, v, h) => SmoothFunctions.PowVariableExponentHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("FusedMultiplyAddOfSine", (x, v, h) => SmoothFunctions.FusedMultiplyAddOfSineHessianVector(x[0][0], x[1][0], x[2][0], v[0][0], v[1][0], v[2][0], out h[0][0], out h[1][0], out h[2][0])),
        HessianCase.Scalar("Gaussian(sigma 0.8)", (x, v, h) => SmoothFunctions.GaussianHessianVector(x[0][0], x[1][0], 0.8, v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("Sigmoid", (x, v) => (SmoothFunctions.SigmoidHessianVector(x, v, out double h), h)),
        One("Softplus", (x, v) => (SmoothFunctions.SoftplusHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("LogSumExp", (x, v, h) => SmoothFunctions.LogSumExpHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("Rosenbrock", (x, v, h) => SmoothFunctions.RosenbrockHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("CompoundAssignments", (x, v, h) => SmoothFunctions.CompoundAssignmentsHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("ParameterReassignment", (x, v, h) => SmoothFunctions.ParameterReassignmentHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("WithNoDerivativeParameter(c 1.5)", (x, v) => (SmoothFunctions.WithNoDerivativeParameterHessianVector(x, 1.5, v, out double h), h)),
        One("WithIntParameter(k 3)", (x, v) => (SmoothFunctions.WithIntParameterHessianVector(x, 3, v, out double h), h)),
        HessianCase.Scalar("DeepChain100", (x, v, h) => SmoothFunctions.DeepChain100HessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("SharedSubexpressions", (x, v, h) => SmoothFunctions.SharedSubexpressionsHessianVector(x[0][0], x[1][0], x[2][0], v[0][0], v[1][0], v[2][0], out h[0][0], out h[1][0], out h[2][0])),

        // ---- Nonsmooth functions away from their kinks ----
        HessianCase.Scalar("NonsmoothRosenbrock", (x, v, h) => NonsmoothFunctions.NonsmoothRosenbrockHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("TinyReluNetwork", (x, v, h) => NonsmoothFunctions.TinyReluNetworkHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("MaxMinAbsMix", (x, v, h) => NonsmoothFunctions.MaxMinAbsMixHessianVector(x[0][0], x[1][0], x[2][0], v[0][0], v[1][0], v[2][0], out h[0][0], out h[1][0], out h[2][0])),
        One("SoftThreshold(lambda 0.5)", (x, v) => (NonsmoothFunctions.SoftThresholdHessianVector(x, 0.5, v, out double h), h)),
        HessianCase.Scalar("ClampBetween", (x, v, h) => NonsmoothFunctions.ClampBetweenHessianVector(x[0][0], x[1][0], x[2][0], v[0][0], v[1][0], v[2][0], out h[0][0], out h[1][0], out h[2][0])),

        // ---- Library functions with integer data and kinks (ScaleB, RootN, CopySign, Max/MinMagnitude) ----
        One("ScaleBCube", (x, v) => (LibraryMathFunctions.ScaleBCubeHessianVector(x, v, out double h), h)),
        One("RootNMix", (x, v) => (LibraryMathFunctions.RootNMixHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("CopySignOf", (x, v, h) => LibraryMathFunctions.CopySignOfHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("MagnitudeSelect", (x, v, h) => LibraryMathFunctions.MagnitudeSelectHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),

        // ---- Branches ----
        One("Huber(delta 1)", (x, v) => (BranchFunctions.HuberHessianVector(x, 1.0, v, out double h), h)),
        One("SmoothStep", (x, v) => (BranchFunctions.SmoothStepHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("NestedConditional", (x, v, h) => BranchFunctions.NestedConditionalHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("BranchOnComputedValue", (x, v) => (BranchFunctions.BranchOnComputedValueHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("EarlyReturns", (x, v, h) => BranchFunctions.EarlyReturnsHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("SwitchPatterns", (x, v, h) => SwitchFunctions.PatternsHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("TuplePolar", (x, v, h) => TupleFunctions.PolarHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),

        // ---- Loops ----
        One("NewtonSqrt", (x, v) => (LoopFunctions.NewtonSqrtHessianVector(x, v, out double h), h)),
        One("ExpSeries", (x, v) => (LoopFunctions.ExpSeriesHessianVector(x, v, out double h), h)),
        One("FixedPointOfScaledCosine", (x, v) => (LoopFunctions.FixedPointOfScaledCosineHessianVector(x, v, out double h), h)),
        One("WhileOnActiveCondition", (x, v) => (LoopFunctions.WhileOnActiveConditionHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("ReturnFromNestedLoops", (x, v, h) => EdgeCaseFunctions.ReturnFromNestedLoopsHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),

        // ---- Calls between generated methods ----
        One("ChainStart", (x, v) => (CallFunctions.ChainStartHessianVector(x, v, out double h), h)),
        One("CallInLoop(n 5)", (x, v) => (CallFunctions.CallInLoopHessianVector(x, 5, v, out double h), h)),
        HessianCase.Scalar("CallWithIntAndDataArguments", (x, v, h) => CallFunctions.CallWithIntAndDataArgumentsHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        One("CallTwiceNested", (x, v) => (CallFunctions.CallTwiceNestedHessianVector(x, v, out double h), h)),
        One("CallInBranches", (x, v) => (CallFunctions.CallInBranchesHessianVector(x, v, out double h), h)),
        HessianCase.Scalar("CallStructAndNested", (x, v, h) => CallFunctions.CallStructAndNestedHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),

        // ---- Arrays ----
        HessianCase.Array("LeastSquares", (x, v, h) => M.LeastSquaresHessianVector(x[0], x[1], x[2], v[0], v[1], v[2], h[0], h[1], h[2])),
        HessianCase.Array("MatVecTanhSum", (x, v, h) => M.MatVecTanhSumHessianVector(x[0], x[1], v[0], v[1], h[0], h[1])),
        HessianCase.Array("LogisticRegressionLoss", (x, v, h) => M.LogisticRegressionLossHessianVector(x[0], x[1][0], AC.LogisticFeatures, AC.LogisticLabels, v[0], v[1][0], h[0], out h[1][0])),
        HessianCase.Array("LaplacianEnergy", (x, v, h) => C.LaplacianEnergyHessianVector(x[0], v[0], h[0])),
        HessianCase.Array("TriangularProducts", (x, v, h) => C.TriangularProductsHessianVector(x[0], v[0], h[0])),
        HessianCase.Array("StackallocSoftmaxEntropy", (x, v, h) => C.StackallocSoftmaxEntropyHessianVector(x[0], v[0], h[0])),
        HessianCase.Array("JacobiSmoothing(sweeps 3)", (x, v, h) => C.JacobiSmoothingHessianVector(x[0], 3, v[0], h[0])),
        HessianCase.Array("InPlaceCumulativeProduct", (x, v, h) => P.InPlaceCumulativeProductHessianVector(x[0], v[0], h[0])),
        HessianCase.Array("SoftmaxCrossEntropy(label 0)", (x, v, h) => M.SoftmaxCrossEntropyHessianVector(x[0], 0, v[0], h[0])),

        // ---- Inlined helpers, span views, local functions ----
        HessianCase.Array("RowScores(3 rows of 4)", (x, v, h) => H.RowScoresHessianVector(x[0], x[1], 3, v[0], v[1], h[0], h[1])),
        HessianCase.Array("NestedHelpers(4 rows of 3)", (x, v, h) => H.NestedHelpersHessianVector(x[0], x[1], 4, v[0], v[1], h[0], h[1])),
        HessianCase.Array("TwiceDamped", (x, v, h) => H.TwiceDampedHessianVector(x[0], x[1][0], v[0], v[1][0], h[0], out h[1][0])),
        HessianCase.Array("RowSoftmax(3 rows of 4)", (x, v, h) => H.RowSoftmaxHessianVector(x[0], x[1][0], 3, v[0], v[1][0], h[0], out h[1][0])),
        HessianCase.Array("RowSpans(3 rows of 4)", (x, v, h) => SL.RowSpansHessianVector(x[0], x[1], 3, v[0], v[1], h[0], h[1])),
        HessianCase.Array("WrittenHalves", (x, v, h) => SL.WrittenHalvesHessianVector(x[0], v[0], h[0])),
        HessianCase.Array("RowsToHelper(4 rows of 3)", (x, v, h) => SL.RowsToHelperHessianVector(x[0], x[1], 4, v[0], v[1], h[0], h[1])),
        HessianCase.Scalar("LocalStaticSquare", (x, v, h) => LocalFunctionFunctions.StaticSquareHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),
        HessianCase.Scalar("LocalCapturing", (x, v, h) => LocalFunctionFunctions.CapturingHessianVector(x[0][0], x[1][0], x[2][0], v[0][0], v[1][0], v[2][0], out h[0][0], out h[1][0], out h[2][0])),
        HessianCase.Scalar("LocalHornerInside", (x, v, h) => LocalFunctionFunctions.HornerInsideHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0])),

        // ---- Written for the second-order members ----
        new HessianCase("QuadraticForm", new[] { Vec(4) },
            x => S.QuadraticForm(x[0], QuadraticMatrix, QuadraticLinear),
            x => { var d = new double[4]; S.QuadraticFormGradient(x[0], QuadraticMatrix, QuadraticLinear, d); return d; },
            (x, v, h) => S.QuadraticFormHessianVector(x[0], QuadraticMatrix, QuadraticLinear, v[0], h[0]), null),
        new HessianCase("RosenbrockChain", new[] { Vec(5, -1.5, 1.5) },
            x => S.RosenbrockChain(x[0]),
            x => { var d = new double[5]; S.RosenbrockChainGradient(x[0], d); return d; },
            (x, v, h) => S.RosenbrockChainHessianVector(x[0], v[0], h[0]), null),
        new HessianCase("LoopOfCalls", new[] { Vec(4, -1, 1), Num(-1, 1) },
            x => S.LoopOfCalls(x[0], x[1][0]),
            x => { var d = new double[4]; S.LoopOfCallsGradient(x[0], x[1][0], d, out double dw); return d.Append(dw).ToArray(); },
            (x, v, h) => S.LoopOfCallsHessianVector(x[0], x[1][0], v[0], v[1][0], h[0], out h[1][0]), null),
        new HessianCase("TanhNetwork", new[] { Vec(6, -1, 1), Vec(2, -1, 1) },
            x => S.TanhNetwork(x[0], x[1], NetworkInputs, 2),
            x => { var dw = new double[6]; var dv = new double[2]; S.TanhNetworkGradient(x[0], x[1], NetworkInputs, 2, dw, dv); return dw.Concat(dv).ToArray(); },
            (x, v, h) => S.TanhNetworkHessianVector(x[0], x[1], NetworkInputs, 2, v[0], v[1], h[0], h[1]), null),
        new HessianCase("MaxSquared (away from the tie)", new[] { Num(-2, 2), Num(-2, 2) },
            x => S.MaxSquared(x[0][0], x[1][0]),
            x => { S.MaxSquaredGradient(x[0][0], x[1][0], out double dx, out double dy); return new[] { dx, dy }; },
            (x, v, h) => S.MaxSquaredHessianVector(x[0][0], x[1][0], v[0][0], v[1][0], out h[0][0], out h[1][0]),
            x => Math.Abs(x[0][0] - x[1][0]) > 0.01),
    };
}
