using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using DiffGen.Gradients.Tests.Corpus.Containers;
using DiffGen.Gradients.Tests.Corpus.Containers.Deeper;
using Xunit;

namespace DiffGen.Gradients.Tests.Support;

/// <summary>Every double-precision corpus function that a test can call, with its sampling region.</summary>
public static class GradientCases
{
    public static IReadOnlyList<GradientCase> All { get; } = Build();

    private static readonly Dictionary<string, GradientCase> ByName = All.ToDictionary(c => c.Name);

    public static GradientCase Get(string name) => ByName[name];

    /// <summary>The case names, for [MemberData].</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    private const double Margin = 0.01;

    private static bool Away(double value, double kink) => Math.Abs(value - kink) > Margin;

    private static bool AwayFromIntegersAndHalves(double x)
    {
        double fraction = x - Math.Floor(x);
        return fraction > Margin && fraction < 1 - Margin && Away(fraction, 0.5);
    }

    /// <summary>The iteration at which LoopFunctions.ReturnFromLoopOnThreshold returns (0: never).</summary>
    private static int ThresholdExit(double x)
    {
        double s = 0;
        for (int i = 1; i <= 50; i++)
        {
            s += x / i;
            if (s > 3) return i;
        }
        return 0;
    }

    /// <summary>The trip count of LoopFunctions.WhileOnActiveCondition.</summary>
    private static int WhileTripCount(double x)
    {
        double s = 0;
        int i = 0;
        while (s < 2 && i < 100)
        {
            s += x * x + 0.01 * i;
            i++;
        }
        return i;
    }

    /// <summary>The trip count of EdgeCaseFunctions.LoopWithCompoundCondition.</summary>
    private static int CompoundConditionTrips(double x)
    {
        double s = x;
        int i = 0;
        for (; i < 50 && s < 5; i++) s = s * 1.2 + 0.1;
        return i;
    }

    /// <summary>The smallest gap between the two arguments of Math.Max in EdgeCaseFunctions.MaxInLoop.</summary>
    private static double MaxInLoopGap(double x, double y, int n)
    {
        double s = 0, gap = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            gap = Math.Min(gap, Math.Abs(s * 0.5 + x - y));
            s = Math.Max(s * 0.5 + x, y) - 0.1 * i;
        }
        return gap;
    }

    /// <summary>The trip count of IdiomFunctions.CallInLoopCondition.</summary>
    private static int SquareConditionTrips(double x)
    {
        double s = x;
        int i = 0;
        while (s * s < 4 && i < 100)
        {
            s = s * 1.3 + 0.05;
            i++;
        }
        return i;
    }

    private static List<GradientCase> Build()
    {
        var cases = new List<GradientCase>
        {
            // ---- SmoothFunctions ----
            GradientCase.Of1("Cubic", SmoothFunctions.Cubic, SmoothFunctions.CubicGradient, SmoothFunctions.CubicTangent, -3, 3),
            GradientCase.Of2("Bivariate", SmoothFunctions.Bivariate, SmoothFunctions.BivariateGradient, SmoothFunctions.BivariateTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("Rational", SmoothFunctions.Rational, SmoothFunctions.RationalGradient, SmoothFunctions.RationalTangent, -2, 2),
            GradientCase.Of2("RationalBivariate", SmoothFunctions.RationalBivariate, SmoothFunctions.RationalBivariateGradient, SmoothFunctions.RationalBivariateTangent, (-2, 2), (-2, 2)),
            GradientCase.Of2("SinTimesCos", SmoothFunctions.SinTimesCos, SmoothFunctions.SinTimesCosGradient, SmoothFunctions.SinTimesCosTangent, (-3, 3), (-3, 3)),
            GradientCase.Of1("TangentPlusX", SmoothFunctions.TangentPlusX, SmoothFunctions.TangentPlusXGradient, SmoothFunctions.TangentPlusXTangent, -1.2, 1.2),
            GradientCase.Of1("ArcSinePlusArcCosine", SmoothFunctions.ArcSinePlusArcCosine, SmoothFunctions.ArcSinePlusArcCosineGradient, SmoothFunctions.ArcSinePlusArcCosineTangent, -0.9, 0.9),
            GradientCase.Of1("ArcTangentOfSquare", SmoothFunctions.ArcTangentOfSquare, SmoothFunctions.ArcTangentOfSquareGradient, SmoothFunctions.ArcTangentOfSquareTangent, -2.5, 2.5),
            GradientCase.Of2("ArcTangent2", SmoothFunctions.ArcTangent2, SmoothFunctions.ArcTangent2Gradient, SmoothFunctions.ArcTangent2Tangent, (-2, 2), (0.2, 2)),
            GradientCase.Of1("Hyperbolic", SmoothFunctions.Hyperbolic, SmoothFunctions.HyperbolicGradient, SmoothFunctions.HyperbolicTangent, -2, 2),
            GradientCase.Of1("ExpTimesLog", SmoothFunctions.ExpTimesLog, SmoothFunctions.ExpTimesLogGradient, SmoothFunctions.ExpTimesLogTangent, 0.1, 3),
            GradientCase.Of2("LogWithBase", SmoothFunctions.LogWithBase, SmoothFunctions.LogWithBaseGradient, SmoothFunctions.LogWithBaseTangent, (0.3, 5), (1.5, 4)),
            GradientCase.Of1("Log2PlusLog10", SmoothFunctions.Log2PlusLog10, SmoothFunctions.Log2PlusLog10Gradient, SmoothFunctions.Log2PlusLog10Tangent, 0.2, 5),
            GradientCase.Of1("SqrtPlusCbrt", SmoothFunctions.SqrtPlusCbrt, SmoothFunctions.SqrtPlusCbrtGradient, SmoothFunctions.SqrtPlusCbrtTangent, 0.2, 5),
            GradientCase.Of1("CbrtOfNegativeShift", SmoothFunctions.CbrtOfNegativeShift, SmoothFunctions.CbrtOfNegativeShiftGradient, SmoothFunctions.CbrtOfNegativeShiftTangent, -3, 3),
            GradientCase.Of1("PowConstantExponent", SmoothFunctions.PowConstantExponent, SmoothFunctions.PowConstantExponentGradient, SmoothFunctions.PowConstantExponentTangent, 0.2, 3),
            GradientCase.Of2("PowVariableExponent", SmoothFunctions.PowVariableExponent, SmoothFunctions.PowVariableExponentGradient, SmoothFunctions.PowVariableExponentTangent, (0.3, 3), (-2, 2)),
            GradientCase.Of2("PowOfExpression", SmoothFunctions.PowOfExpression, SmoothFunctions.PowOfExpressionGradient, SmoothFunctions.PowOfExpressionTangent, (-2, 2), (-3, 3)),
            GradientCase.Of3("FusedMultiplyAddOfSine", SmoothFunctions.FusedMultiplyAddOfSine, SmoothFunctions.FusedMultiplyAddOfSineGradient, SmoothFunctions.FusedMultiplyAddOfSineTangent, (-2, 2), (-2, 2), (-2, 2)),
            GradientCase.Of2("Gaussian(sigma 0.8)",
                (x, mu) => SmoothFunctions.Gaussian(x, mu, 0.8),
                (double x, double mu, out double dx, out double dmu) => SmoothFunctions.GaussianGradient(x, mu, 0.8, out dx, out dmu),
                (x, mu, tx, tmu) => SmoothFunctions.GaussianTangent(x, mu, 0.8, tx, tmu),
                (-2, 2), (-1, 1)),
            GradientCase.Of1("Sigmoid", SmoothFunctions.Sigmoid, SmoothFunctions.SigmoidGradient, SmoothFunctions.SigmoidTangent, -5, 5),
            GradientCase.Of1("Softplus", SmoothFunctions.Softplus, SmoothFunctions.SoftplusGradient, SmoothFunctions.SoftplusTangent, -5, 5),
            GradientCase.Of2("LogSumExp", SmoothFunctions.LogSumExp, SmoothFunctions.LogSumExpGradient, SmoothFunctions.LogSumExpTangent, (-3, 3), (-3, 3)),
            GradientCase.Of2("Rosenbrock", SmoothFunctions.Rosenbrock, SmoothFunctions.RosenbrockGradient, SmoothFunctions.RosenbrockTangent, (-2, 2), (-1, 3)),
            GradientCase.Of2("CompoundAssignments", SmoothFunctions.CompoundAssignments, SmoothFunctions.CompoundAssignmentsGradient, SmoothFunctions.CompoundAssignmentsTangent, (-2, 2), (-2, 2)),
            GradientCase.Of2("ParameterReassignment", SmoothFunctions.ParameterReassignment, SmoothFunctions.ParameterReassignmentGradient, SmoothFunctions.ParameterReassignmentTangent, (-1.5, 1.5), (-1, 1)),
            GradientCase.Of1("WithNoDerivativeParameter(c 1.5)",
                x => SmoothFunctions.WithNoDerivativeParameter(x, 1.5),
                (double x, out double dx) => SmoothFunctions.WithNoDerivativeParameterGradient(x, 1.5, out dx),
                (x, tx) => SmoothFunctions.WithNoDerivativeParameterTangent(x, 1.5, tx),
                -2, 2),
            GradientCase.Of1("WithIntParameter(k 3)",
                x => SmoothFunctions.WithIntParameter(x, 3),
                (double x, out double dx) => SmoothFunctions.WithIntParameterGradient(x, 3, out dx),
                (x, tx) => SmoothFunctions.WithIntParameterTangent(x, 3, tx),
                -2, 2),
            GradientCase.Of1("CircleWithConstants", SmoothFunctions.CircleWithConstants, SmoothFunctions.CircleWithConstantsGradient, SmoothFunctions.CircleWithConstantsTangent, 0, 3),
            GradientCase.Of1("NegationsAndSubtractions", SmoothFunctions.NegationsAndSubtractions, SmoothFunctions.NegationsAndSubtractionsGradient, SmoothFunctions.NegationsAndSubtractionsTangent, -3, 3),
            GradientCase.Of2("NestedComposition", SmoothFunctions.NestedComposition, SmoothFunctions.NestedCompositionGradient, SmoothFunctions.NestedCompositionTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("DeepChain100", SmoothFunctions.DeepChain100, SmoothFunctions.DeepChain100Gradient, SmoothFunctions.DeepChain100Tangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("DeepChain200", SmoothFunctions.DeepChain200, SmoothFunctions.DeepChain200Gradient, SmoothFunctions.DeepChain200Tangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of3("SharedSubexpressions", SmoothFunctions.SharedSubexpressions, SmoothFunctions.SharedSubexpressionsGradient, SmoothFunctions.SharedSubexpressionsTangent, (-1.5, 1.5), (-1.5, 1.5), (-1.5, 1.5)),

            // ---- NonsmoothFunctions (sampled away from their kinks) ----
            GradientCase.Of1("Relu", NonsmoothFunctions.Relu, NonsmoothFunctions.ReluGradient, NonsmoothFunctions.ReluTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ReluOfNegationPlusX", NonsmoothFunctions.ReluOfNegationPlusX, NonsmoothFunctions.ReluOfNegationPlusXGradient, NonsmoothFunctions.ReluOfNegationPlusXTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ReluAverage", NonsmoothFunctions.ReluAverage, NonsmoothFunctions.ReluAverageGradient, NonsmoothFunctions.ReluAverageTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ReluDifference", NonsmoothFunctions.ReluDifference, NonsmoothFunctions.ReluDifferenceGradient, NonsmoothFunctions.ReluDifferenceTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ReluIdentityTrap", NonsmoothFunctions.ReluIdentityTrap, NonsmoothFunctions.ReluIdentityTrapGradient, NonsmoothFunctions.ReluIdentityTrapTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("AbsoluteValue", NonsmoothFunctions.AbsoluteValue, NonsmoothFunctions.AbsoluteValueGradient, NonsmoothFunctions.AbsoluteValueTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of2("MaxOf", NonsmoothFunctions.MaxOf, NonsmoothFunctions.MaxOfGradient, NonsmoothFunctions.MaxOfTangent, (-2, 2), (-2, 2), (x, y) => Away(x, y)),
            GradientCase.Of2("MinOf", NonsmoothFunctions.MinOf, NonsmoothFunctions.MinOfGradient, NonsmoothFunctions.MinOfTangent, (-2, 2), (-2, 2), (x, y) => Away(x, y)),
            GradientCase.Of1("MaxOfSelfAndNegation", NonsmoothFunctions.MaxOfSelfAndNegation, NonsmoothFunctions.MaxOfSelfAndNegationGradient, NonsmoothFunctions.MaxOfSelfAndNegationTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("MinOfSelfAndNegation", NonsmoothFunctions.MinOfSelfAndNegation, NonsmoothFunctions.MinOfSelfAndNegationGradient, NonsmoothFunctions.MinOfSelfAndNegationTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ClampUnit", NonsmoothFunctions.ClampUnit, NonsmoothFunctions.ClampUnitGradient, NonsmoothFunctions.ClampUnitTangent, -1, 2, x => Away(x, 0) && Away(x, 1)),
            GradientCase.Of3("ClampBetween", NonsmoothFunctions.ClampBetween, NonsmoothFunctions.ClampBetweenGradient, NonsmoothFunctions.ClampBetweenTangent,
                (-2.5, 2.5), (-1.5, -0.5), (0.5, 1.5), (x, lo, hi) => Away(x, lo) && Away(x, hi)),
            GradientCase.Of2("NonsmoothRosenbrock", NonsmoothFunctions.NonsmoothRosenbrock, NonsmoothFunctions.NonsmoothRosenbrockGradient, NonsmoothFunctions.NonsmoothRosenbrockTangent,
                (-2, 2), (-1, 3), (t1, t2) => Away(t1, 0) && Away(t1, 1)),
            GradientCase.Of1("StepFunctionsMix", NonsmoothFunctions.StepFunctionsMix, NonsmoothFunctions.StepFunctionsMixGradient, NonsmoothFunctions.StepFunctionsMixTangent, -3, 3, AwayFromIntegersAndHalves),
            GradientCase.Of2("TinyReluNetwork", NonsmoothFunctions.TinyReluNetwork, NonsmoothFunctions.TinyReluNetworkGradient, NonsmoothFunctions.TinyReluNetworkTangent,
                (-2, 2), (-2, 2), (x, y) => Away(0.5 * x - 0.3 * y + 0.1, 0) && Away(-0.4 * x + 0.8 * y - 0.2, 0)),
            GradientCase.Of2("HingeLoss(x 1.5, y 1)",
                (w, b) => NonsmoothFunctions.HingeLoss(w, b, 1.5, 1.0),
                (double w, double b, out double dw, out double db) => NonsmoothFunctions.HingeLossGradient(w, b, 1.5, 1.0, out dw, out db),
                (w, b, tw, tb) => NonsmoothFunctions.HingeLossTangent(w, b, 1.5, 1.0, tw, tb),
                (-1, 1.5), (-1, 1), (w, b) => Away(1 - (1.5 * w + b), 0)),
            GradientCase.Of3("MaxMinAbsMix", NonsmoothFunctions.MaxMinAbsMix, NonsmoothFunctions.MaxMinAbsMixGradient, NonsmoothFunctions.MaxMinAbsMixTangent,
                (-2, 2), (-2, 2), (-2, 2), (x, y, z) => Away(x, y) && Away(Math.Min(x, y), z) && Away(x, z)),
            GradientCase.Of1("NestedKinks", NonsmoothFunctions.NestedKinks, NonsmoothFunctions.NestedKinksGradient, NonsmoothFunctions.NestedKinksTangent,
                -2.5, 2.5, x => Away(x, 0) && Away(x, 0.5) && Away(Math.Abs(x), 1)),
            GradientCase.Of1("LeakyRelu", NonsmoothFunctions.LeakyRelu, NonsmoothFunctions.LeakyReluGradient, NonsmoothFunctions.LeakyReluTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("SoftThreshold(lambda 0.5)",
                x => NonsmoothFunctions.SoftThreshold(x, 0.5),
                (double x, out double dx) => NonsmoothFunctions.SoftThresholdGradient(x, 0.5, out dx),
                (x, tx) => NonsmoothFunctions.SoftThresholdTangent(x, 0.5, tx),
                -2, 2, x => Away(x, 0) && Away(Math.Abs(x), 0.5)),

            // ---- BranchFunctions ----
            GradientCase.Of1("Piecewise", BranchFunctions.Piecewise, BranchFunctions.PiecewiseGradient, BranchFunctions.PiecewiseTangent, -3, 3, x => Away(x, -1) && Away(x, 1)),
            GradientCase.Of1("Huber(delta 1)",
                r => BranchFunctions.Huber(r, 1.0),
                (double r, out double dr) => BranchFunctions.HuberGradient(r, 1.0, out dr),
                (r, tr) => BranchFunctions.HuberTangent(r, 1.0, tr),
                -3, 3, r => Away(Math.Abs(r), 1)),
            GradientCase.Of1("SmoothJointSpline", BranchFunctions.SmoothJointSpline, BranchFunctions.SmoothJointSplineGradient, BranchFunctions.SmoothJointSplineTangent, -1, 3, x => Away(x, 1)),
            GradientCase.Of1("SmoothStep", BranchFunctions.SmoothStep, BranchFunctions.SmoothStepGradient, BranchFunctions.SmoothStepTangent, -0.5, 1.5, x => Away(x, 0) && Away(x, 1)),
            GradientCase.Of2("NestedConditional", BranchFunctions.NestedConditional, BranchFunctions.NestedConditionalGradient, BranchFunctions.NestedConditionalTangent,
                (-2, 2), (-2, 2), (x, y) => Away(x, 0) && Away(y, 0) && Away(y, x)),
            GradientCase.Of1("BranchOnComputedValue", BranchFunctions.BranchOnComputedValue, BranchFunctions.BranchOnComputedValueGradient, BranchFunctions.BranchOnComputedValueTangent,
                -3, 3, x => Away(Math.Sin(x), 0.5) && Away(Math.Sin(x), -0.5)),
            GradientCase.Of2("EarlyReturns", BranchFunctions.EarlyReturns, BranchFunctions.EarlyReturnsGradient, BranchFunctions.EarlyReturnsTangent,
                (-2.5, 2.5), (-2.5, 2.5), (x, y) => Away(x * y, 1) && Away(x + y, 0)),
            GradientCase.Of1("AbsByBranch", BranchFunctions.AbsByBranch, BranchFunctions.AbsByBranchGradient, BranchFunctions.AbsByBranchTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("IfWithoutElse", BranchFunctions.IfWithoutElse, BranchFunctions.IfWithoutElseGradient, BranchFunctions.IfWithoutElseTangent, -2, 4, x => Away(x, 0) && Away(x, 2)),
            GradientCase.Of1("BranchOnIntMode(mode 0)",
                x => BranchFunctions.BranchOnIntMode(x, 0),
                (double x, out double dx) => BranchFunctions.BranchOnIntModeGradient(x, 0, out dx),
                (x, tx) => BranchFunctions.BranchOnIntModeTangent(x, 0, tx),
                -2, 2),
            GradientCase.Of1("BranchOnIntMode(mode 2)",
                x => BranchFunctions.BranchOnIntMode(x, 2),
                (double x, out double dx) => BranchFunctions.BranchOnIntModeGradient(x, 2, out dx),
                (x, tx) => BranchFunctions.BranchOnIntModeTangent(x, 2, tx),
                -2, 2),
            GradientCase.Of1("KinkBranch", BranchFunctions.KinkBranch, BranchFunctions.KinkBranchGradient, BranchFunctions.KinkBranchTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of2("CompareTwoParameters", BranchFunctions.CompareTwoParameters, BranchFunctions.CompareTwoParametersGradient, BranchFunctions.CompareTwoParametersTangent,
                (-2, 2), (-2, 2), (x, y) => Away(x, y)),
            GradientCase.Of1("ConditionalInsideExpression", BranchFunctions.ConditionalInsideExpression, BranchFunctions.ConditionalInsideExpressionGradient, BranchFunctions.ConditionalInsideExpressionTangent,
                0.1, 3, x => Away(x, 1)),
            GradientCase.Of2("ReassignInBranches", BranchFunctions.ReassignInBranches, BranchFunctions.ReassignInBranchesGradient, BranchFunctions.ReassignInBranchesTangent,
                (-1.5, 3), (-1.5, 2), (x, y) => Away(x * y, x + y - 0.5)),

            GradientCase.Of1("EqualityBranch", BranchFunctions.EqualityBranch, BranchFunctions.EqualityBranchGradient, BranchFunctions.EqualityBranchTangent, -3, 3, x => Away(x, 1)),
            GradientCase.Of1("InequalityBranches", BranchFunctions.InequalityBranches, BranchFunctions.InequalityBranchesGradient, BranchFunctions.InequalityBranchesTangent, -3, 3, x => Away(x, 1) && Away(x, 2)),

            // ---- LoopFunctions ----
            GradientCase.Of1("Horner(degree 7)",
                x => LoopFunctions.Horner(x, 7),
                (double x, out double dx) => LoopFunctions.HornerGradient(x, 7, out dx),
                (x, tx) => LoopFunctions.HornerTangent(x, 7, tx),
                -1.5, 1.5),
            GradientCase.Of1("PowerSeriesWithRunningPower(n 6)",
                x => LoopFunctions.PowerSeriesWithRunningPower(x, 6),
                (double x, out double dx) => LoopFunctions.PowerSeriesWithRunningPowerGradient(x, 6, out dx),
                (x, tx) => LoopFunctions.PowerSeriesWithRunningPowerTangent(x, 6, tx),
                -1.5, 1.5),
            GradientCase.Of1("NewtonSqrt", LoopFunctions.NewtonSqrt, LoopFunctions.NewtonSqrtGradient, LoopFunctions.NewtonSqrtTangent, 0.3, 20),
            GradientCase.Of1("ExpSeries", LoopFunctions.ExpSeries, LoopFunctions.ExpSeriesGradient, LoopFunctions.ExpSeriesTangent, -2, 2),
            GradientCase.Of1("ArcTangentSeries", LoopFunctions.ArcTangentSeries, LoopFunctions.ArcTangentSeriesGradient, LoopFunctions.ArcTangentSeriesTangent, -0.6, 0.6),
            GradientCase.Of1("WhileWithContinue(n 10)",
                x => LoopFunctions.WhileWithContinue(x, 10),
                (double x, out double dx) => LoopFunctions.WhileWithContinueGradient(x, 10, out dx),
                (x, tx) => LoopFunctions.WhileWithContinueTangent(x, 10, tx),
                -2, 2),
            GradientCase.Of2("NestedLoops(n 4)",
                (x, y) => LoopFunctions.NestedLoops(x, y, 4),
                (double x, double y, out double dx, out double dy) => LoopFunctions.NestedLoopsGradient(x, y, 4, out dx, out dy),
                (x, y, tx, ty) => LoopFunctions.NestedLoopsTangent(x, y, 4, tx, ty),
                (-1, 1), (-1, 1)),
            GradientCase.Of1("IntegerPower(n 7)",
                x => LoopFunctions.IntegerPower(x, 7),
                (double x, out double dx) => LoopFunctions.IntegerPowerGradient(x, 7, out dx),
                (x, tx) => LoopFunctions.IntegerPowerTangent(x, 7, tx),
                -1.5, 1.5),
            GradientCase.Of1("RepeatedSine(n 10)",
                x => LoopFunctions.RepeatedSine(x, 10),
                (double x, out double dx) => LoopFunctions.RepeatedSineGradient(x, 10, out dx),
                (x, tx) => LoopFunctions.RepeatedSineTangent(x, 10, tx),
                -3, 3),
            GradientCase.Of1("NewtonCbrtEarlyExit", LoopFunctions.NewtonCbrtEarlyExit, LoopFunctions.NewtonCbrtEarlyExitGradient, LoopFunctions.NewtonCbrtEarlyExitTangent, 0.3, 8),
            GradientCase.Of1("ReturnFromLoopOnThreshold", LoopFunctions.ReturnFromLoopOnThreshold, LoopFunctions.ReturnFromLoopOnThresholdGradient, LoopFunctions.ReturnFromLoopOnThresholdTangent,
                -1, 2, x => ThresholdExit(x - Margin) == ThresholdExit(x + Margin)),
            GradientCase.Of1("DoWhileFixedCount", LoopFunctions.DoWhileFixedCount, LoopFunctions.DoWhileFixedCountGradient, LoopFunctions.DoWhileFixedCountTangent, -3, 3),
            GradientCase.Of1("ForWithBreakAndContinue(n 10)",
                x => LoopFunctions.ForWithBreakAndContinue(x, 10),
                (double x, out double dx) => LoopFunctions.ForWithBreakAndContinueGradient(x, 10, out dx),
                (x, tx) => LoopFunctions.ForWithBreakAndContinueTangent(x, 10, tx),
                -2, 2),
            GradientCase.Of1("FixedPointOfScaledCosine", LoopFunctions.FixedPointOfScaledCosine, LoopFunctions.FixedPointOfScaledCosineGradient, LoopFunctions.FixedPointOfScaledCosineTangent, 0.2, 0.7),
            GradientCase.Of2("CompoundAssignmentsInLoop(n 6)",
                (x, y) => LoopFunctions.CompoundAssignmentsInLoop(x, y, 6),
                (double x, double y, out double dx, out double dy) => LoopFunctions.CompoundAssignmentsInLoopGradient(x, y, 6, out dx, out dy),
                (x, y, tx, ty) => LoopFunctions.CompoundAssignmentsInLoopTangent(x, y, 6, tx, ty),
                (-0.8, 1.5), (-1, 1)),
            GradientCase.Of1("WhileOnActiveCondition", LoopFunctions.WhileOnActiveCondition, LoopFunctions.WhileOnActiveConditionGradient, LoopFunctions.WhileOnActiveConditionTangent,
                0.2, 1.5, x => WhileTripCount(x - Margin) == WhileTripCount(x + Margin)),
            GradientCase.Of2("LoopCarriedPair(n 12)",
                (x, y) => LoopFunctions.LoopCarriedPair(x, y, 12),
                (double x, double y, out double dx, out double dy) => LoopFunctions.LoopCarriedPairGradient(x, y, 12, out dx, out dy),
                (x, y, tx, ty) => LoopFunctions.LoopCarriedPairTangent(x, y, 12, tx, ty),
                (-1.5, 1.5), (-1.5, 1.5)),

            // ---- SwitchFunctions ----
            GradientCase.Of1("SwitchPiecewise", SwitchFunctions.Piecewise, SwitchFunctions.PiecewiseGradient, SwitchFunctions.PiecewiseTangent, -3, 3),
            GradientCase.Of2("SwitchInConditions", SwitchFunctions.InConditions, SwitchFunctions.InConditionsGradient, SwitchFunctions.InConditionsTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("SwitchPatterns", SwitchFunctions.Patterns, SwitchFunctions.PatternsGradient, SwitchFunctions.PatternsTangent, (-2, 2), (-2, 2)),

            // ---- LocalFunctionFunctions ----
            GradientCase.Of2("LocalStaticSquare", LocalFunctionFunctions.StaticSquare, LocalFunctionFunctions.StaticSquareGradient, LocalFunctionFunctions.StaticSquareTangent, (-2, 2), (-2, 2)),
            GradientCase.Of3("LocalCapturing", LocalFunctionFunctions.Capturing, LocalFunctionFunctions.CapturingGradient, LocalFunctionFunctions.CapturingTangent, (-2, 2), (-2, 2), (-2, 2)),
            GradientCase.Of2("LocalHornerInside", LocalFunctionFunctions.HornerInside, LocalFunctionFunctions.HornerInsideGradient, LocalFunctionFunctions.HornerInsideTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("LocalNestedSameFunction", LocalFunctionFunctions.NestedSameFunction, LocalFunctionFunctions.NestedSameFunctionGradient, LocalFunctionFunctions.NestedSameFunctionTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("LocalShortCircuit", LocalFunctionFunctions.ShortCircuit, LocalFunctionFunctions.ShortCircuitGradient, LocalFunctionFunctions.ShortCircuitTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("LocalDeclaredAfterUse", LocalFunctionFunctions.DeclaredAfterUse, LocalFunctionFunctions.DeclaredAfterUseGradient, LocalFunctionFunctions.DeclaredAfterUseTangent, (-1.5, 1.5), (-1.5, 1.5)),

            // ---- TupleFunctions ----
            GradientCase.Of2("TuplePolar", TupleFunctions.Polar, TupleFunctions.PolarGradient, TupleFunctions.PolarTangent, (0.2, 2), (-2, 2)),
            GradientCase.Of2("TupleDiscards", TupleFunctions.Discards, TupleFunctions.DiscardsGradient, TupleFunctions.DiscardsTangent, (-2, 2), (-2, 2)),

            // ---- CallFunctions and the other containers ----
            GradientCase.Of1("Square", CallFunctions.Square, CallFunctions.SquareGradient, CallFunctions.SquareTangent, -3, 3),
            GradientCase.Of2("SumOfSquares", CallFunctions.SumOfSquares, CallFunctions.SumOfSquaresGradient, CallFunctions.SumOfSquaresTangent, (-2, 2), (-3, 3)),
            GradientCase.Of1("ChainStart", CallFunctions.ChainStart, CallFunctions.ChainStartGradient, CallFunctions.ChainStartTangent, -0.8, 0.8),
            GradientCase.Of1("ChainMiddle", CallFunctionsSecond.ChainMiddle, CallFunctionsSecond.ChainMiddleGradient, CallFunctionsSecond.ChainMiddleTangent, -1.5, 1.5),
            GradientCase.Of1("ChainEnd", CallFunctions.ChainEnd, CallFunctions.ChainEndGradient, CallFunctions.ChainEndTangent, -3, 3),
            GradientCase.Of1("CallIntoGenericNested", CallFunctions.CallIntoGenericNested, CallFunctions.CallIntoGenericNestedGradient, CallFunctions.CallIntoGenericNestedTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("CallInLoop(n 5)",
                x => CallFunctions.CallInLoop(x, 5),
                (double x, out double dx) => CallFunctions.CallInLoopGradient(x, 5, out dx),
                (x, tx) => CallFunctions.CallInLoopTangent(x, 5, tx),
                -2, 2),
            GradientCase.Of1("WeightedPower(k 3, w 0.5)",
                x => CallFunctions.WeightedPower(x, 3, 0.5),
                (double x, out double dx) => CallFunctions.WeightedPowerGradient(x, 3, 0.5, out dx),
                (x, tx) => CallFunctions.WeightedPowerTangent(x, 3, 0.5, tx),
                -2, 2),
            GradientCase.Of2("CallWithIntAndDataArguments", CallFunctions.CallWithIntAndDataArguments, CallFunctions.CallWithIntAndDataArgumentsGradient, CallFunctions.CallWithIntAndDataArgumentsTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of1("CallTwiceNested", CallFunctions.CallTwiceNested, CallFunctions.CallTwiceNestedGradient, CallFunctions.CallTwiceNestedTangent, -2, 2),
            GradientCase.Of1("CallPrivateHelper", CallFunctions.CallPrivateHelper, CallFunctions.CallPrivateHelperGradient, CallFunctions.CallPrivateHelperTangent, -2, 2),
            GradientCase.Of2("InternalFunction", CallFunctions.InternalFunction, CallFunctions.InternalFunctionGradient, CallFunctions.InternalFunctionTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("CallInBranches", CallFunctions.CallInBranches, CallFunctions.CallInBranchesGradient, CallFunctions.CallInBranchesTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of2("CallStructAndNested", CallFunctions.CallStructAndNested, CallFunctions.CallStructAndNestedGradient, CallFunctions.CallStructAndNestedTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of1("Outer<int>.Inner.Cube", Outer<int>.Inner.Cube, Outer<int>.Inner.CubeGradient, Outer<int>.Inner.CubeTangent, -2, 2),
            GradientCase.Of1("Outer<int>.Inner.SoftSign", Outer<int>.Inner.SoftSign, Outer<int>.Inner.SoftSignGradient, Outer<int>.Inner.SoftSignTangent, -3, 3, x => Away(x, 0)),
            GradientCase.Of2("StructPolynomial", StructFunctions.StructPolynomial, StructFunctions.StructPolynomialGradient, StructFunctions.StructPolynomialTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("NestedHost.Inner.Bump", NestedHost.Inner.Bump, NestedHost.Inner.BumpGradient, NestedHost.Inner.BumpTangent, -3, 3),

            // ---- EdgeCaseFunctions ----
            GradientCase.Of1("WhileTrueWithBreak", EdgeCaseFunctions.WhileTrueWithBreak, EdgeCaseFunctions.WhileTrueWithBreakGradient, EdgeCaseFunctions.WhileTrueWithBreakTangent, -3, 3),
            GradientCase.Of1("DoWhileWithContinue(n 9)",
                x => EdgeCaseFunctions.DoWhileWithContinue(x, 9),
                (double x, out double dx) => EdgeCaseFunctions.DoWhileWithContinueGradient(x, 9, out dx),
                (x, tx) => EdgeCaseFunctions.DoWhileWithContinueTangent(x, 9, tx),
                -2, 2),
            GradientCase.Of2("ReturnFromNestedLoops", EdgeCaseFunctions.ReturnFromNestedLoops, EdgeCaseFunctions.ReturnFromNestedLoopsGradient, EdgeCaseFunctions.ReturnFromNestedLoopsTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("BreakInnerLoop(n 5)",
                x => EdgeCaseFunctions.BreakInnerLoop(x, 5),
                (double x, out double dx) => EdgeCaseFunctions.BreakInnerLoopGradient(x, 5, out dx),
                (x, tx) => EdgeCaseFunctions.BreakInnerLoopTangent(x, 5, tx),
                -2, 2),
            GradientCase.Of1("LoopWithCompoundCondition", EdgeCaseFunctions.LoopWithCompoundCondition, EdgeCaseFunctions.LoopWithCompoundConditionGradient, EdgeCaseFunctions.LoopWithCompoundConditionTangent,
                0.2, 4.5, x => CompoundConditionTrips(x - Margin) == CompoundConditionTrips(x + Margin)),
            GradientCase.Of1("StrideLoopWithPow(n 9)",
                x => EdgeCaseFunctions.StrideLoopWithPow(x, 9),
                (double x, out double dx) => EdgeCaseFunctions.StrideLoopWithPowGradient(x, 9, out dx),
                (x, tx) => EdgeCaseFunctions.StrideLoopWithPowTangent(x, 9, tx),
                -0.95, 0.95),
            GradientCase.Of2("SwapInLoop(n 5)",
                (a, b) => EdgeCaseFunctions.SwapInLoop(a, b, 5),
                (double a, double b, out double da, out double db) => EdgeCaseFunctions.SwapInLoopGradient(a, b, 5, out da, out db),
                (a, b, ta, tb) => EdgeCaseFunctions.SwapInLoopTangent(a, b, 5, ta, tb),
                (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of1("SelfReferentialUpdates", EdgeCaseFunctions.SelfReferentialUpdates, EdgeCaseFunctions.SelfReferentialUpdatesGradient, EdgeCaseFunctions.SelfReferentialUpdatesTangent, -1, 0.6),
            GradientCase.Of2("ConstVarAndDeclarators", EdgeCaseFunctions.ConstVarAndDeclarators, EdgeCaseFunctions.ConstVarAndDeclaratorsGradient, EdgeCaseFunctions.ConstVarAndDeclaratorsTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("PowOfNegativeBase", EdgeCaseFunctions.PowOfNegativeBase, EdgeCaseFunctions.PowOfNegativeBaseGradient, EdgeCaseFunctions.PowOfNegativeBaseTangent, -1, 1.5),
            GradientCase.Of2("BranchMaxLike", EdgeCaseFunctions.BranchMaxLike, EdgeCaseFunctions.BranchMaxLikeGradient, EdgeCaseFunctions.BranchMaxLikeTangent, (-2, 2), (-2, 2), (x, y) => Away(x, y)),
            GradientCase.Of2("ReluMaxLike", EdgeCaseFunctions.ReluMaxLike, EdgeCaseFunctions.ReluMaxLikeGradient, EdgeCaseFunctions.ReluMaxLikeTangent, (-2, 2), (-2, 2), (x, y) => Away(x, y)),
            GradientCase.Of1("CallLoopFromLoop(n 4)",
                x => EdgeCaseFunctions.CallLoopFromLoop(x, 4),
                (double x, out double dx) => EdgeCaseFunctions.CallLoopFromLoopGradient(x, 4, out dx),
                (x, tx) => EdgeCaseFunctions.CallLoopFromLoopTangent(x, 4, tx),
                -2, 2),
            GradientCase.Of1("CallEarlyExitCallee", EdgeCaseFunctions.CallEarlyExitCallee, EdgeCaseFunctions.CallEarlyExitCalleeGradient, EdgeCaseFunctions.CallEarlyExitCalleeTangent,
                -2.5, 2.5, a => Away(Math.Cbrt(a * a + 1), 1.5)),
            GradientCase.Of2("MaxInLoop(n 6)",
                (x, y) => EdgeCaseFunctions.MaxInLoop(x, y, 6),
                (double x, double y, out double dx, out double dy) => EdgeCaseFunctions.MaxInLoopGradient(x, y, 6, out dx, out dy),
                (x, y, tx, ty) => EdgeCaseFunctions.MaxInLoopTangent(x, y, 6, tx, ty),
                (-0.5, 1), (-0.5, 1), (x, y) => MaxInLoopGap(x, y, 6) > Margin),
            GradientCase.Of1("LongLoop(n 2000)",
                x => EdgeCaseFunctions.LongLoop(x, 2000),
                (double x, out double dx) => EdgeCaseFunctions.LongLoopGradient(x, 2000, out dx),
                (x, tx) => EdgeCaseFunctions.LongLoopTangent(x, 2000, tx),
                -3, 3),
            GradientCase.Of1("IntArithmeticMix(n 7)",
                x => EdgeCaseFunctions.IntArithmeticMix(x, 7),
                (double x, out double dx) => EdgeCaseFunctions.IntArithmeticMixGradient(x, 7, out dx),
                (x, tx) => EdgeCaseFunctions.IntArithmeticMixTangent(x, 7, tx),
                -2, 2),
            GradientCase.Of1("IntArithmeticMix(n 4)",
                x => EdgeCaseFunctions.IntArithmeticMix(x, 4),
                (double x, out double dx) => EdgeCaseFunctions.IntArithmeticMixGradient(x, 4, out dx),
                (x, tx) => EdgeCaseFunctions.IntArithmeticMixTangent(x, 4, tx),
                -2, 2),
            // ---- IdiomFunctions ----
            GradientCase.Of1("SequentialLoopsReuseCounterName(n 5)",
                x => IdiomFunctions.SequentialLoopsReuseCounterName(x, 5),
                (double x, out double dx) => IdiomFunctions.SequentialLoopsReuseCounterNameGradient(x, 5, out dx),
                (x, tx) => IdiomFunctions.SequentialLoopsReuseCounterNameTangent(x, 5, tx),
                -2, 2),
            GradientCase.Of1("SameLocalNameInSiblingScopes", IdiomFunctions.SameLocalNameInSiblingScopes, IdiomFunctions.SameLocalNameInSiblingScopesGradient, IdiomFunctions.SameLocalNameInSiblingScopesTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of2("NamesAGeneratorMightUse", IdiomFunctions.NamesAGeneratorMightUse, IdiomFunctions.NamesAGeneratorMightUseGradient, IdiomFunctions.NamesAGeneratorMightUseTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of1("ScaledPower(k 3, w 0.5)",
                x => IdiomFunctions.ScaledPower(x, 3, 0.5),
                (double x, out double dx) => IdiomFunctions.ScaledPowerGradient(x, 3, 0.5, out dx),
                (x, tx) => IdiomFunctions.ScaledPowerTangent(x, 3, 0.5, tx),
                -2, 2),
            GradientCase.Of2("CallWithNamedArguments", IdiomFunctions.CallWithNamedArguments, IdiomFunctions.CallWithNamedArgumentsGradient, IdiomFunctions.CallWithNamedArgumentsTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of2("WithDefaultArgument", IdiomFunctions.WithDefaultArgument, IdiomFunctions.WithDefaultArgumentGradient, IdiomFunctions.WithDefaultArgumentTangent, (-1.5, 1.5), (-2, 2)),
            GradientCase.Of2("CallWithDefaultArgument", IdiomFunctions.CallWithDefaultArgument, IdiomFunctions.CallWithDefaultArgumentGradient, IdiomFunctions.CallWithDefaultArgumentTangent, (-1.5, 1.5), (-2, 2)),
            GradientCase.Of1("ConstFieldAndTau", IdiomFunctions.ConstFieldAndTau, IdiomFunctions.ConstFieldAndTauGradient, IdiomFunctions.ConstFieldAndTauTangent, -3, 3),
            GradientCase.Of1("IntOnlyMathCalls(n 5)",
                x => IdiomFunctions.IntOnlyMathCalls(x, 5),
                (double x, out double dx) => IdiomFunctions.IntOnlyMathCallsGradient(x, 5, out dx),
                (x, tx) => IdiomFunctions.IntOnlyMathCallsTangent(x, 5, tx),
                -2, 2),
            GradientCase.Of1("IntOnlyMathCalls(n -3)",
                x => IdiomFunctions.IntOnlyMathCalls(x, -3),
                (double x, out double dx) => IdiomFunctions.IntOnlyMathCallsGradient(x, -3, out dx),
                (x, tx) => IdiomFunctions.IntOnlyMathCallsTangent(x, -3, tx),
                -2, 2),
            GradientCase.Of1("ConstantBaseVariableExponent", IdiomFunctions.ConstantBaseVariableExponent, IdiomFunctions.ConstantBaseVariableExponentGradient, IdiomFunctions.ConstantBaseVariableExponentTangent, -2, 2),
            GradientCase.Of1("IntLiteralArguments", IdiomFunctions.IntLiteralArguments, IdiomFunctions.IntLiteralArgumentsGradient, IdiomFunctions.IntLiteralArgumentsTangent, 0.1, 2.5, x => Away(x, 1) && Away(x, 2)),
            GradientCase.Of1("ForeverLoopAndUnaryOperators", IdiomFunctions.ForeverLoopAndUnaryOperators, IdiomFunctions.ForeverLoopAndUnaryOperatorsGradient, IdiomFunctions.ForeverLoopAndUnaryOperatorsTangent, -3, 3),
            GradientCase.Of1("CallInLoopCondition", IdiomFunctions.CallInLoopCondition, IdiomFunctions.CallInLoopConditionGradient, IdiomFunctions.CallInLoopConditionTangent,
                0.1, 1.9, x => SquareConditionTrips(x - Margin) == SquareConditionTrips(x + Margin)),
            GradientCase.Of1("UninitializedLocalInLoop(n 6)",
                x => IdiomFunctions.UninitializedLocalInLoop(x, 6),
                (double x, out double dx) => IdiomFunctions.UninitializedLocalInLoopGradient(x, 6, out dx),
                (x, tx) => IdiomFunctions.UninitializedLocalInLoopTangent(x, 6, tx),
                -2, 2),
            // ---- DataFlowFunctions ----
            GradientCase.Of1("DataParameterBecomesActive(c 1.5)",
                x => DataFlowFunctions.DataParameterBecomesActive(x, 1.5),
                (double x, out double dx) => DataFlowFunctions.DataParameterBecomesActiveGradient(x, 1.5, out dx),
                (x, tx) => DataFlowFunctions.DataParameterBecomesActiveTangent(x, 1.5, tx),
                -2, 2),
            GradientCase.Of1("IntParameterReassigned(n 3)",
                x => DataFlowFunctions.IntParameterReassigned(x, 3),
                (double x, out double dx) => DataFlowFunctions.IntParameterReassignedGradient(x, 3, out dx),
                (x, tx) => DataFlowFunctions.IntParameterReassignedTangent(x, 3, tx),
                -1.5, 1.5),
            GradientCase.Of1("ActiveOnOnePath", DataFlowFunctions.ActiveOnOnePath, DataFlowFunctions.ActiveOnOnePathGradient, DataFlowFunctions.ActiveOnOnePathTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of1("ConstantResetInLoop(n 6)",
                x => DataFlowFunctions.ConstantResetInLoop(x, 6),
                (double x, out double dx) => DataFlowFunctions.ConstantResetInLoopGradient(x, 6, out dx),
                (x, tx) => DataFlowFunctions.ConstantResetInLoopTangent(x, 6, tx),
                -2, 2),
            GradientCase.Of1("ConstantEarlyReturn(n 0)",
                x => DataFlowFunctions.ConstantEarlyReturn(x, 0),
                (double x, out double dx) => DataFlowFunctions.ConstantEarlyReturnGradient(x, 0, out dx),
                (x, tx) => DataFlowFunctions.ConstantEarlyReturnTangent(x, 0, tx),
                -2, 2),
            GradientCase.Of1("ConstantEarlyReturn(n 3)",
                x => DataFlowFunctions.ConstantEarlyReturn(x, 3),
                (double x, out double dx) => DataFlowFunctions.ConstantEarlyReturnGradient(x, 3, out dx),
                (x, tx) => DataFlowFunctions.ConstantEarlyReturnTangent(x, 3, tx),
                -2, 2),
            GradientCase.Of2("CompoundAssignmentsWithCalls", DataFlowFunctions.CompoundAssignmentsWithCalls, DataFlowFunctions.CompoundAssignmentsWithCallsGradient, DataFlowFunctions.CompoundAssignmentsWithCallsTangent, (-2, 2), (-2, 2)),
            GradientCase.Of1("ActiveBaseAndAliasedFma", DataFlowFunctions.ActiveBaseAndAliasedFma, DataFlowFunctions.ActiveBaseAndAliasedFmaGradient, DataFlowFunctions.ActiveBaseAndAliasedFmaTangent, 1.3, 5),
            GradientCase.Of1("AliasedArguments", DataFlowFunctions.AliasedArguments, DataFlowFunctions.AliasedArgumentsGradient, DataFlowFunctions.AliasedArgumentsTangent, -2, 2),
            GradientCase.Of1("CounterReadAfterLoop(n 5)",
                x => DataFlowFunctions.CounterReadAfterLoop(x, 5),
                (double x, out double dx) => DataFlowFunctions.CounterReadAfterLoopGradient(x, 5, out dx),
                (x, tx) => DataFlowFunctions.CounterReadAfterLoopTangent(x, 5, tx),
                -2, 2),
            GradientCase.Of1("LoopCalleeCalledTwice", DataFlowFunctions.LoopCalleeCalledTwice, DataFlowFunctions.LoopCalleeCalledTwiceGradient, DataFlowFunctions.LoopCalleeCalledTwiceTangent, -1.5, 1.5),

            // ---- ContainerFunctions ----
            GradientCase.Of1("GlobalSquarePlusSine", GlobalNamespaceFunctions.GlobalSquarePlusSine, GlobalNamespaceFunctions.GlobalSquarePlusSineGradient, GlobalNamespaceFunctions.GlobalSquarePlusSineTangent, -3, 3),
            GradientCase.Of1("NestedNamespaceCosh", NestedNamespaceFunctions.NestedNamespaceCosh, NestedNamespaceFunctions.NestedNamespaceCoshGradient, NestedNamespaceFunctions.NestedNamespaceCoshTangent, -2, 2),
            GradientCase.Of1("RecordExp", RecordContainer.RecordExp, RecordContainer.RecordExpGradient, RecordContainer.RecordExpTangent, -2, 2),
            GradientCase.Of1("RecordStructLog", RecordStructContainer.RecordStructLog, RecordStructContainer.RecordStructLogGradient, RecordStructContainer.RecordStructLogTangent, -2, 2),
            GradientCase.Of1("ReadOnlyStructAtan", ReadOnlyStructContainer.ReadOnlyStructAtan, ReadOnlyStructContainer.ReadOnlyStructAtanGradient, ReadOnlyStructContainer.ReadOnlyStructAtanTangent, -2, 2),
            GradientCase.Of1("SealedSqrt", SealedContainer.SealedSqrt, SealedContainer.SealedSqrtGradient, SealedContainer.SealedSqrtTangent, -2, 2),
            GradientCase.Of1("AbstractTanh", AbstractContainer.AbstractTanh, AbstractContainer.AbstractTanhGradient, AbstractContainer.AbstractTanhTangent, -2, 2),
            GradientCase.Of1("InternalSinh", InternalContainer.InternalSinh, InternalContainer.InternalSinhGradient, InternalContainer.InternalSinhTangent, -2, 2),
            GradientCase.Of1("ConstrainedCube", Constrained<object>.Inner.ConstrainedCube, Constrained<object>.Inner.ConstrainedCubeGradient, Constrained<object>.Inner.ConstrainedCubeTangent, -2, 2),
            GradientCase.Of1("DeeplyNested", Level1.Level2.Level3.DeeplyNested, Level1.Level2.Level3.DeeplyNestedGradient, Level1.Level2.Level3.DeeplyNestedTangent, -2, 2),
            GradientCase.Of1("Overloads.Soft(double)", Overloads.Soft, Overloads.SoftGradient, Overloads.SoftTangent, -3, 3),
            GradientCase.Of2("Overloads.Soft(double, double)", Overloads.Soft, Overloads.SoftGradient, Overloads.SoftTangent, (-2, 2), (-2, 2)),
            GradientCase.Of2("CallsOverloads", Overloads.CallsOverloads, Overloads.CallsOverloadsGradient, Overloads.CallsOverloadsTangent, (-2, 2), (-2, 2)),

            GradientCase.Of1("SignLikeTernary", EdgeCaseFunctions.SignLikeTernary, EdgeCaseFunctions.SignLikeTernaryGradient, EdgeCaseFunctions.SignLikeTernaryTangent, -2, 2, x => Away(x, 0)),

            // ---- LibraryMathFunctions ----
            GradientCase.Of1("ExpM1TimesX", LibraryMathFunctions.ExpM1TimesX, LibraryMathFunctions.ExpM1TimesXGradient, LibraryMathFunctions.ExpM1TimesXTangent, -2, 2),
            GradientCase.Of1("LogP1OfSquare", LibraryMathFunctions.LogP1OfSquare, LibraryMathFunctions.LogP1OfSquareGradient, LibraryMathFunctions.LogP1OfSquareTangent, -2, 2),
            GradientCase.Of1("Exp2PlusExp10", LibraryMathFunctions.Exp2PlusExp10, LibraryMathFunctions.Exp2PlusExp10Gradient, LibraryMathFunctions.Exp2PlusExp10Tangent, -2, 1.5),
            GradientCase.Of1("ExpM1Bases", LibraryMathFunctions.ExpM1Bases, LibraryMathFunctions.ExpM1BasesGradient, LibraryMathFunctions.ExpM1BasesTangent, -2, 1.5),
            GradientCase.Of1("LogP1Bases", LibraryMathFunctions.LogP1Bases, LibraryMathFunctions.LogP1BasesGradient, LibraryMathFunctions.LogP1BasesTangent, -0.6, 3),
            GradientCase.Of2("HypotTimesX", LibraryMathFunctions.HypotTimesX, LibraryMathFunctions.HypotTimesXGradient, LibraryMathFunctions.HypotTimesXTangent, (0.2, 2), (-2, 2)),
            GradientCase.Of1("PiTrigonometry", LibraryMathFunctions.PiTrigonometry, LibraryMathFunctions.PiTrigonometryGradient, LibraryMathFunctions.PiTrigonometryTangent, -2, 2),
            GradientCase.Of1("TanPiOfX", LibraryMathFunctions.TanPiOfX, LibraryMathFunctions.TanPiOfXGradient, LibraryMathFunctions.TanPiOfXTangent, -0.4, 0.4),
            GradientCase.Of1("InversePiTrigonometry", LibraryMathFunctions.InversePiTrigonometry, LibraryMathFunctions.InversePiTrigonometryGradient, LibraryMathFunctions.InversePiTrigonometryTangent, -0.9, 0.9),
            GradientCase.Of2("Atan2PiOf", LibraryMathFunctions.Atan2PiOf, LibraryMathFunctions.Atan2PiOfGradient, LibraryMathFunctions.Atan2PiOfTangent, (-2, 2), (0.2, 2)),
            GradientCase.Of1("InverseHyperbolic", LibraryMathFunctions.InverseHyperbolic, LibraryMathFunctions.InverseHyperbolicGradient, LibraryMathFunctions.InverseHyperbolicTangent, -1.5, 1.5),
            GradientCase.Of1("InverseHyperbolicSpelledOnDouble", LibraryMathFunctions.InverseHyperbolicSpelledOnDouble, LibraryMathFunctions.InverseHyperbolicSpelledOnDoubleGradient, LibraryMathFunctions.InverseHyperbolicSpelledOnDoubleTangent, -1.5, 1.5),
            GradientCase.Of2("UsualFunctionsOnDouble", LibraryMathFunctions.UsualFunctionsOnDouble, LibraryMathFunctions.UsualFunctionsOnDoubleGradient, LibraryMathFunctions.UsualFunctionsOnDoubleTangent, (-1.5, 1.5), (-1.5, 1.5)),
            GradientCase.Of1("ScaleBCube", LibraryMathFunctions.ScaleBCube, LibraryMathFunctions.ScaleBCubeGradient, LibraryMathFunctions.ScaleBCubeTangent, -2, 2),
            GradientCase.Of1("RootNMix", LibraryMathFunctions.RootNMix, LibraryMathFunctions.RootNMixGradient, LibraryMathFunctions.RootNMixTangent, -2, 2, x => Away(x, 0)),
            GradientCase.Of2("CopySignOf", LibraryMathFunctions.CopySignOf, LibraryMathFunctions.CopySignOfGradient, LibraryMathFunctions.CopySignOfTangent, (-2, 2), (-2, 2),
                (x, y) => Away(y, 0) && Away(y, 0.5) && Away(x, 0) && Away(x * x, 0.25)),
            GradientCase.Of2("MagnitudeSelect", LibraryMathFunctions.MagnitudeSelect, LibraryMathFunctions.MagnitudeSelectGradient, LibraryMathFunctions.MagnitudeSelectTangent, (-2, 2), (-2, 2),
                (a, b) => Away(Math.Abs(a), Math.Abs(b)) && Away(Math.Abs(a * b), Math.Abs(b - a))),
        };
        return cases;
    }
}
