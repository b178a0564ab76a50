using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using F = DiffGen.Gradients.Tests.TupleResults.TupleResultFunctions;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>The table of tuple-result cases: each function of <see cref="TupleResultFunctions"/> at a point away from its kinks and ties.</summary>
public static class TupleCases
{
    public static IReadOnlyList<TupleCase> All { get; } = Build();

    public static TupleCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Name);
            return data;
        }
    }

    private static double[] E(System.Runtime.CompilerServices.ITuple tuple) => TupleCase.Elements(tuple);

    private static TupleCase TwoScalars(string name, double a, double b,
        Func<double, double, System.Runtime.CompilerServices.ITuple> value,
        Func<double, double, double, double, bool, (System.Runtime.CompilerServices.ITuple, System.Runtime.CompilerServices.ITuple)> tangent,
        PullbackOfTwo pullback,
        Func<double, double, double[], JacobianStrategy, System.Runtime.CompilerServices.ITuple> jacobian)
        => new(name, new[] { new[] { a }, new[] { b } },
            x => E(value(x[0][0], x[1][0])),
            (x, t, directional) => { var (v, d) = tangent(x[0][0], x[1][0], t[0][0], t[1][0], directional); return (E(v), E(d)); },
            (x, s, d) => { double da = d[0][0], db = d[1][0]; var v = pullback(x[0][0], x[1][0], s, ref da, ref db); d[0][0] = da; d[1][0] = db; return E(v); },
            (x, j, strategy) => E(jacobian(x[0][0], x[1][0], j, strategy)));

    private delegate System.Runtime.CompilerServices.ITuple PullbackOfTwo(double a, double b, double[] seeds, ref double da, ref double db);

    private static TupleCase[] Build()
    {
        var random = new Random(20261208);
        double[] Draw(int length, double low, double high) => Enumerable.Range(0, length).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
        var sample = Draw(5, 0.2, 1.5);
        var samples = Draw(6, -1, 1);
        return new[]
        {
            TwoScalars("Polar", 0.8, -0.6, (a, b) => F.Polar(a, b),
                (a, b, ta, tb, dir) => dir ? F.PolarDirectional(a, b, ta, tb) : F.PolarTangent(a, b, ta, tb),
                (double a, double b, double[] s, ref double da, ref double db) => F.PolarPullback(a, b, s[0], s[1], ref da, ref db),
                (a, b, j, st) => F.PolarJacobian(a, b, j, st)),
            TwoScalars("Swapped", 1.3, -0.4, (a, b) => F.Swapped(a, b),
                (a, b, ta, tb, dir) => dir ? F.SwappedDirectional(a, b, ta, tb) : F.SwappedTangent(a, b, ta, tb),
                (double a, double b, double[] s, ref double da, ref double db) => F.SwappedPullback(a, b, s[0], s[1], ref da, ref db),
                (a, b, j, st) => F.SwappedJacobian(a, b, j, st)),
            TwoScalars("Spread<double>", 0.3, 0.9, (a, b) => F.Spread(a, b),
                (a, b, ta, tb, dir) => dir ? F.SpreadDirectional(a, b, ta, tb) : F.SpreadTangent(a, b, ta, tb),
                (double a, double b, double[] s, ref double da, ref double db) => F.SpreadPullback(a, b, s[0], s[1], ref da, ref db),
                (a, b, j, st) => F.SpreadJacobian(a, b, j, st)),
            new("Rotate", new[] { new[] { 0.7 }, new[] { -1.1 }, new[] { 0.4 } },
                x => E(F.Rotate(x[0][0], x[1][0], x[2][0])),
                (x, t, dir) => { var (v, d) = dir ? F.RotateDirectional(x[0][0], x[1][0], x[2][0], t[0][0], t[1][0], t[2][0]) : F.RotateTangent(x[0][0], x[1][0], x[2][0], t[0][0], t[1][0], t[2][0]); return (E(v), E(d)); },
                (x, s, d) => E(F.RotatePullback(x[0][0], x[1][0], x[2][0], s[0], s[1], ref d[0][0], ref d[1][0], ref d[2][0])),
                (x, j, st) => E(F.RotateJacobian(x[0][0], x[1][0], x[2][0], j, st))),
            StatsCase("Stats", sample, 0.7),
            StatsCase("Stats (early return)", sample, 90.0),
            new("MeanAndVariance", new[] { samples },
                x => E(F.MeanAndVariance(x[0])),
                (x, t, dir) => { var (v, d) = dir ? F.MeanAndVarianceDirectional(x[0], t[0]) : F.MeanAndVarianceTangent(x[0], t[0]); return (E(v), E(d)); },
                (x, s, d) => E(F.MeanAndVariancePullback(x[0], s[0], s[1], d[0])),
                (x, j, st) => E(F.MeanAndVarianceJacobian(x[0], j, st))),
            ProjectileCase("Projectile", 30),
            ProjectileCase("Projectile (lands)", 60),
            new("Powers", new[] { new[] { 0.9 } },
                x => E(F.Powers(x[0][0])),
                (x, t, dir) => { var (v, d) = dir ? F.PowersDirectional(x[0][0], t[0][0]) : F.PowersTangent(x[0][0], t[0][0]); return (E(v), E(d)); },
                (x, s, d) => E(F.PowersPullback(x[0][0], s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], ref d[0][0])),
                (x, j, st) => E(F.PowersJacobian(x[0][0], j, st))),
        };
    }

    private static TupleCase StatsCase(string name, double[] sample, double scale)
        => new(name, new[] { sample, new[] { scale } },
            x => E(F.Stats(x[0], x[1][0])),
            (x, t, dir) => { var (v, d) = dir ? F.StatsDirectional(x[0], x[1][0], t[0], t[1][0]) : F.StatsTangent(x[0], x[1][0], t[0], t[1][0]); return (E(v), E(d)); },
            (x, s, d) => E(F.StatsPullback(x[0], x[1][0], s[0], s[1], s[2], d[0], ref d[1][0])),
            (x, j, st) => E(F.StatsJacobian(x[0], x[1][0], j, st)));

    private static TupleCase ProjectileCase(string name, int steps)
        => new(name, new[] { new[] { 12.0 }, new[] { 0.8 }, new[] { 0.02 } },
            x => E(F.Projectile(x[0][0], x[1][0], x[2][0], steps)),
            (x, t, dir) => { var (v, d) = dir ? F.ProjectileDirectional(x[0][0], x[1][0], x[2][0], steps, t[0][0], t[1][0], t[2][0]) : F.ProjectileTangent(x[0][0], x[1][0], x[2][0], steps, t[0][0], t[1][0], t[2][0]); return (E(v), E(d)); },
            (x, s, d) => E(F.ProjectilePullback(x[0][0], x[1][0], x[2][0], steps, s[0], s[1], s[2], s[3], ref d[0][0], ref d[1][0], ref d[2][0])),
            (x, j, st) => E(F.ProjectileJacobian(x[0][0], x[1][0], x[2][0], steps, j, st)));
}
