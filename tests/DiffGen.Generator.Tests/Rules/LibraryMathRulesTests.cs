using System;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using Xunit;

namespace DiffGen.Generator.Tests.Rules;

/// <summary>
/// The entries of ScaleB, RootN, CopySign, MaxMagnitude and MinMagnitude where the table-wide checks
/// (<see cref="PrimitiveRegistryTests"/>) do not reach: other integer arguments, the rule at each kink
/// under other kink settings, and the directional rules at the jumps, against the library functions.
/// </summary>
public class LibraryMathRulesTests
{
    private static PrimitiveRule Rule(string name) => PrimitiveRegistry.Rule(new Primitive(name));

    private static double CentralDifference(Func<double, double> f, double x, double h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

    [Theory]
    [InlineData(0.7, -3)]
    [InlineData(-1.3, 5)]
    [InlineData(2.5, 0)]
    public void ScaleB_Partial_IsTwoToTheN(double x, int n)
    {
        double partial = new FormulaEvaluator(new[] { x }, Math.ScaleB(x, n), data: new object[] { n }).Number(Rule("ScaleB").Partials[0]);
        Assert.Equal(CentralDifference(v => Math.ScaleB(v, n), x), partial, 1e-6 * Math.Pow(2, n));
        Assert.Null(Rule("ScaleB").KinkHit);
    }

    [Theory]
    [InlineData(0.7, 2)]
    [InlineData(2.0, 4)]
    [InlineData(-1.3, 3)]   // odd roots of negative numbers
    [InlineData(0.4, -2)]
    [InlineData(1.7, 1)]
    public void RootN_Partial_MatchesCentralDifferences(double x, int n)
    {
        double partial = new FormulaEvaluator(new[] { x }, double.RootN(x, n), data: new object[] { n }).Number(Rule("RootN").Partials[0]);
        double expected = CentralDifference(v => double.RootN(v, n), x);
        Assert.True(Math.Abs(partial - expected) <= 1e-6 * (1 + Math.Abs(expected)), $"RootN'({x}, {n}): rule {partial}, difference {expected}");
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, double.PositiveInfinity)]
    [InlineData(3, double.PositiveInfinity)]
    public void RootN_AtZero_IsOneForTheIdentity_AndInfiniteOtherwise(int n, double expected)
    {
        Assert.Equal(expected, new FormulaEvaluator(new[] { 0.0 }, double.RootN(0.0, n), data: new object[] { n }).Number(Rule("RootN").Partials[0]));
        Assert.Equal(n >= 2, (bool)KinkHit("RootN", new[] { 0.0 }, n));
    }

    private static object KinkHit(string name, double[] x, params object[] data)
        => new FormulaEvaluator(x, 0, data: data).Number(new ConditionalFormula(Rule(name).KinkHit!, 1.0, 0.0)) == 1.0;

    [Theory]
    [InlineData(0.7, 1.0)]
    [InlineData(0.7, -1.0)]
    [InlineData(0.7, 0.0)]
    [InlineData(0.3, -0.0)]   // the sign bit: CopySign(x, -0.0) = -|x|
    public void CopySign_AtXZero_TakesAbsAtZero_WithTheSignOfY(double absAtZero, double y)
    {
        var settings = NonsmoothSettings.Default with { AbsAtZero = absAtZero };
        double partial = new FormulaEvaluator(new[] { 0.0, y }, Math.CopySign(0.0, y), settings: settings).Number(Rule("CopySign").Partials[0]);
        double sign = Math.CopySign(1.0, y);
        Assert.Equal(sign * absAtZero, partial);
        Assert.Equal(0.0, new FormulaEvaluator(new[] { 0.0, y }, 0.0).Number(Rule("CopySign").Partials[1]));
        Assert.True((bool)KinkHit("CopySign", new[] { 0.0, y }));
    }

    [Theory]
    [InlineData(0.6, 0.0, 1.0)]    // y = 0: the sign the direction gives y
    [InlineData(0.6, 0.0, -1.0)]
    [InlineData(-0.6, 0.0, 1.0)]
    [InlineData(-0.6, -0.0, -0.5)]
    public void CopySign_Directional_AtAJumpInY_IsTheSlopeOfTheSideEntered(double x, double y, double dy)
    {
        const double dx = 0.3, t = 1e-9;
        // The side entered: CopySign's piece s|x| for the sign y has just after the step.
        double s = Math.Sign(y + t * dy);
        double expected = (s * Math.Abs(x + t * dx) - s * Math.Abs(x)) / t;
        double actual = new FormulaEvaluator(new[] { x, y }, Math.CopySign(x, y), new[] { dx, dy }).Number(Rule("CopySign").Directional!);
        Assert.Equal(expected, actual, 1e-6);
    }

    [Theory]
    [InlineData("MaxMagnitude", 0.3)]
    [InlineData("MinMagnitude", 0.3)]
    [InlineData("MaxMagnitude", 0.8)]
    [InlineData("MinMagnitude", 0.8)]
    public void Magnitude_AtATieOfEqualValues_SplitsTheSeedByTheAssemblysShare(string name, double share)
    {
        var settings = NonsmoothSettings.Default with { TieShareFirst = share };
        var rule = Rule(name);
        foreach (double v in new[] { 0.5, -1.25, 0.0 })
        {
            var evaluator = new FormulaEvaluator(new[] { v, v }, v, settings: settings);
            Assert.Equal(share, evaluator.Number(rule.Partials[0]), 12);
            Assert.Equal(1 - share, evaluator.Number(rule.Partials[1]), 12);
            Assert.True((bool)KinkHit(name, new[] { v, v }));
        }
    }

    [Theory]
    [InlineData("MaxMagnitude", 0.5)]
    [InlineData("MaxMagnitude", -0.5)]
    [InlineData("MinMagnitude", 0.5)]
    [InlineData("MinMagnitude", -0.5)]
    public void Magnitude_AtAJumpBetweenOppositeValues_GivesTheSeedToTheArgumentReturned(string name, double a)
    {
        double b = -a;
        double returned = name == "MaxMagnitude" ? Math.MaxMagnitude(a, b) : Math.MinMagnitude(a, b);
        var evaluator = new FormulaEvaluator(new[] { a, b }, returned);
        var rule = Rule(name);
        Assert.Equal(returned == a ? 1.0 : 0.0, evaluator.Number(rule.Partials[0]));
        Assert.Equal(returned == b ? 1.0 : 0.0, evaluator.Number(rule.Partials[1]));
        Assert.True((bool)KinkHit(name, new[] { a, b }));
        Assert.False((bool)KinkHit(name, new[] { a, b * 1.5 }));
    }

    [Theory]
    [InlineData("MaxMagnitude")]
    [InlineData("MinMagnitude")]
    public void Magnitude_Directional_AtAJump_IsTheTangentOfTheArgumentReturnedJustAfterTheStep(string name)
    {
        Func<double, double, double> f = name == "MaxMagnitude" ? Math.MaxMagnitude : Math.MinMagnitude;
        var random = new Random(11);
        foreach (var (a, b) in new[] { (0.5, -0.5), (-0.75, 0.75) })
        {
            for (int trial = 0; trial < 32; trial++)
            {
                double da = random.NextDouble() * 2 - 1, db = random.NextDouble() * 2 - 1;
                const double t = 1e-9;
                double after = f(a + t * da, b + t * db);
                // Which argument the function returns just after the step, read from its value.
                double expected = Math.Abs(after - (a + t * da)) < Math.Abs(after - (b + t * db)) ? da : db;
                double actual = new FormulaEvaluator(new[] { a, b }, f(a, b), new[] { da, db }).Number(Rule(name).Directional!);
                Assert.Equal(expected, actual);
            }
        }
    }
}
