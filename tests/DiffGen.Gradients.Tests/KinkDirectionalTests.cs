using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// {M}Directional exactly at kinks and ties, against one-sided difference quotients
/// (f(x + t d) - f(x)) / t with a tiny t, which converge to the one-sided directional derivative of
/// piecewise-smooth functions; and forward mode against reverse mode at the same points (both use
/// the same kink rules, so the tangent along v is still &lt;gradient, v&gt;).
/// </summary>
public sealed class KinkDirectionalTests
{
    private sealed record KinkCase(Func<double[], double> Value, Func<double[], double[], double> Directional, double[][] Points);

    private static readonly Dictionary<string, KinkCase> Cases = new()
    {
        ["Relu"] = One(NonsmoothFunctions.Relu, NonsmoothFunctions.ReluDirectional, 0.0),
        ["ReluAverage"] = One(NonsmoothFunctions.ReluAverage, NonsmoothFunctions.ReluAverageDirectional, 0.0),
        ["ReluIdentityTrap"] = One(NonsmoothFunctions.ReluIdentityTrap, NonsmoothFunctions.ReluIdentityTrapDirectional, 0.0),
        ["AbsoluteValue"] = One(NonsmoothFunctions.AbsoluteValue, NonsmoothFunctions.AbsoluteValueDirectional, 0.0),
        ["LeakyRelu"] = One(NonsmoothFunctions.LeakyRelu, NonsmoothFunctions.LeakyReluDirectional, 0.0),
        ["NestedKinks"] = One(NonsmoothFunctions.NestedKinks, NonsmoothFunctions.NestedKinksDirectional, 0.0, 0.5, 1.0, -1.0),
        ["SoftThreshold(lambda 0.5)"] = One(x => NonsmoothFunctions.SoftThreshold(x, 0.5), (x, d) => NonsmoothFunctions.SoftThresholdDirectional(x, 0.5, d), 0.5, -0.5),
        ["ClampUnit"] = One(NonsmoothFunctions.ClampUnit, NonsmoothFunctions.ClampUnitDirectional, 0.0, 1.0),
        ["AbsByBranch"] = One(BranchFunctions.AbsByBranch, BranchFunctions.AbsByBranchDirectional, 0.0),
        ["KinkBranch"] = One(BranchFunctions.KinkBranch, BranchFunctions.KinkBranchDirectional, 0.0),
        ["Huber(delta 1)"] = One(r => BranchFunctions.Huber(r, 1.0), (r, d) => BranchFunctions.HuberDirectional(r, 1.0, d), 1.0, -1.0),
        ["SmoothStep"] = One(BranchFunctions.SmoothStep, BranchFunctions.SmoothStepDirectional, 0.0, 1.0),
        ["SmoothJointSpline"] = One(BranchFunctions.SmoothJointSpline, BranchFunctions.SmoothJointSplineDirectional, 1.0),
        ["MaxOf"] = new(a => NonsmoothFunctions.MaxOf(a[0], a[1]), (a, d) => NonsmoothFunctions.MaxOfDirectional(a[0], a[1], d[0], d[1]).Tangent, new[] { new[] { 0.7, 0.7 } }),
        ["MinOf"] = new(a => NonsmoothFunctions.MinOf(a[0], a[1]), (a, d) => NonsmoothFunctions.MinOfDirectional(a[0], a[1], d[0], d[1]).Tangent, new[] { new[] { -0.3, -0.3 } }),
        ["ClampBetween"] = new(a => NonsmoothFunctions.ClampBetween(a[0], a[1], a[2]),
            (a, d) => NonsmoothFunctions.ClampBetweenDirectional(a[0], a[1], a[2], d[0], d[1], d[2]).Tangent,
            new[] { new[] { -1.0, -1.0, 1.0 }, new[] { 1.0, -1.0, 1.0 } }),
        ["MaxMinAbsMix"] = new(a => NonsmoothFunctions.MaxMinAbsMix(a[0], a[1], a[2]),
            (a, d) => NonsmoothFunctions.MaxMinAbsMixDirectional(a[0], a[1], a[2], d[0], d[1], d[2]).Tangent,
            new[] { new[] { 0.5, 0.5, 0.5 }, new[] { 0.5, 0.5, -0.25 }, new[] { 0.25, 1.0, 0.25 } }),
        ["NonsmoothRosenbrock"] = new(a => NonsmoothFunctions.NonsmoothRosenbrock(a[0], a[1]),
            (a, d) => NonsmoothFunctions.NonsmoothRosenbrockDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { 0.0, 1.0 }, new[] { 1.0, 2.0 }, new[] { 0.0, 0.0 }, new[] { 1.0, 1.0 } }),
        ["TinyReluNetwork"] = new(a => NonsmoothFunctions.TinyReluNetwork(a[0], a[1]),
            (a, d) => NonsmoothFunctions.TinyReluNetworkDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { -0.2, 0.0 } }),
        ["HingeLoss(x 1.5, y 1)"] = new(a => NonsmoothFunctions.HingeLoss(a[0], a[1], 1.5, 1.0),
            (a, d) => NonsmoothFunctions.HingeLossDirectional(a[0], a[1], 1.5, 1.0, d[0], d[1]).Tangent,
            new[] { new[] { 0.5, 0.25 } }),
        ["MaxMagnitudeOf"] = new(a => LibraryMathFunctions.MaxMagnitudeOf(a[0], a[1]), (a, d) => LibraryMathFunctions.MaxMagnitudeOfDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { 0.7, 0.7 }, new[] { -0.4, -0.4 }, new[] { 0.0, 0.0 } }),
        ["MinMagnitudeOf"] = new(a => LibraryMathFunctions.MinMagnitudeOf(a[0], a[1]), (a, d) => LibraryMathFunctions.MinMagnitudeOfDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { 0.7, 0.7 }, new[] { -0.4, -0.4 }, new[] { 0.0, 0.0 } }),
        ["CopySignPlain"] = new(a => LibraryMathFunctions.CopySignPlain(a[0], a[1]), (a, d) => LibraryMathFunctions.CopySignPlainDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { 0.0, 0.7 }, new[] { 0.0, -0.4 } }),
        ["BranchMaxLike"] = new(a => EdgeCaseFunctions.BranchMaxLike(a[0], a[1]),
            (a, d) => EdgeCaseFunctions.BranchMaxLikeDirectional(a[0], a[1], d[0], d[1]).Tangent,
            new[] { new[] { 0.5, 0.5 } }),
        ["MaxInLoop(n 3)"] = new(a => EdgeCaseFunctions.MaxInLoop(a[0], a[1], 3),
            (a, d) => EdgeCaseFunctions.MaxInLoopDirectional(a[0], a[1], 3, d[0], d[1]).Tangent,
            new[] { new[] { 0.5, 0.5 } }),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys) data.Add(name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Directional_AtKinks_MatchesOneSidedDifferenceQuotient(string name)
    {
        var c = Cases[name];
        var random = new Random(Numeric.StableSeed(name));
        foreach (var x in c.Points)
        {
            foreach (var d in Directions(random, x.Length))
            {
                const double t = 1e-8;
                var moved = x.Zip(d, (xi, di) => xi + t * di).ToArray();
                double quotient = (c.Value(moved) - c.Value(x)) / t;
                double directional = c.Directional(x, d);
                Numeric.AssertClose(quotient, directional, 1e-5, 1e-5,
                    $"{name} at {Numeric.Format(x)} along {Numeric.Format(d)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardMode_AtKinks_MatchesReverseMode(string name)
    {
        if (!GradientCasesContains(name)) return;
        var g = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 7);
        foreach (var x in Cases[name].Points)
        {
            var (_, gradient) = g.Gradient(x);
            foreach (var v in Directions(random, x.Length))
            {
                double dot = gradient.Zip(v, (gi, vi) => gi * vi).Sum();
                double scale = gradient.Zip(v, (gi, vi) => Math.Abs(gi * vi)).Sum();
                Numeric.AssertClose(dot, g.Tangent(x, v).Tangent, 1e-12, 1e-12 * scale + 1e-300,
                    $"{name} at {Numeric.Format(x)} along {Numeric.Format(v)}");
            }
        }
    }

    private static bool GradientCasesContains(string name) => GradientCases.All.Any(c => c.Name == name);

    /// <summary>The coordinate directions, their negatives, and a few random directions.</summary>
    private static IEnumerable<double[]> Directions(Random random, int arity)
    {
        for (int i = 0; i < arity; i++)
        {
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                var e = new double[arity];
                e[i] = sign;
                yield return e;
            }
        }
        for (int k = 0; k < 6; k++) yield return Numeric.RandomDirection(random, arity);
    }

    private static KinkCase One(Func<double, double> f, Func<double, double, (double Value, double Tangent)> directional, params double[] points)
        => new(a => f(a[0]), (a, d) => directional(a[0], d[0]).Tangent, points.Select(p => new[] { p }).ToArray());
}
