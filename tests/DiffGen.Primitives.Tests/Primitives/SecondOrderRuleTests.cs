using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary>
/// The span primitives' second-order rules (their primal and pullback over dual numbers) against central
/// differences: the primal's tangent along v against the difference of the primal, and the pullback's tangent
/// along (v, ṡ) against the difference of the first-order pullback at x + t v with seed s + t ṡ; the values against
/// the first-order rules. Odd sizes, every transpose of MatMul, aliased shadows, and relu's kink.
/// </summary>
public sealed class SecondOrderRuleTests
{
    /// <summary>A primitive in both forms over flat arrays: outputs (a scalar result is one element) and the pullback adding to shadows.</summary>
    public sealed record Case(
        string Name,
        int[] InputLengths,
        Func<double[][], double[]> Primal,
        Func<Dual[][], Dual[]> DualPrimal,
        Action<double[][], double[], double[][]> Pullback,
        Action<Dual[][], Dual[], Dual[][]> DualPullback,
        bool PositiveInputs = false)
    {
        public override string ToString() => Name;
    }

    private static readonly int[] Labels = [4, 0, 2];

    public static IEnumerable<object[]> Cases()
    {
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                const int m = 3, k = 5, n = 7;
                yield return [new Case($"MatMul(tA={ta}, tB={tb})", [m * k, k * n],
                    x => { var r = new double[m * n]; SpanOps.MatMul<double>(x[0], x[1], m, k, n, ta, tb, r); return r; },
                    x => { var r = new Dual[m * n]; SpanOps.MatMul(x[0], x[1], m, k, n, ta, tb, r); return r; },
                    (x, s, d) => { var r = new double[m * n]; SpanOps.MatMul<double>(x[0], x[1], m, k, n, ta, tb, r); SpanOps.MatMulPullback<double>(x[0], x[1], m, k, n, ta, tb, r, s, d[0], d[1]); },
                    (x, s, d) => { var r = new Dual[m * n]; SpanOps.MatMul(x[0], x[1], m, k, n, ta, tb, r); SpanOps.MatMulPullback(x[0], x[1], m, k, n, ta, tb, r, s, d[0], d[1]); })];
            }
        }

        yield return [new Case("AddBias", [15, 5],
            x => { var r = new double[15]; SpanOps.AddBias<double>(x[0], x[1], r); return r; },
            x => { var r = new Dual[15]; SpanOps.AddBias(x[0], x[1], r); return r; },
            (x, s, d) => { var r = new double[15]; SpanOps.AddBias<double>(x[0], x[1], r); SpanOps.AddBiasPullback<double>(x[0], x[1], r, s, d[0], d[1]); },
            (x, s, d) => { var r = new Dual[15]; SpanOps.AddBias(x[0], x[1], r); SpanOps.AddBiasPullback(x[0], x[1], r, s, d[0], d[1]); })];
        yield return [new Case("Add", [7, 7],
            x => { var r = new double[7]; SpanOps.Add<double>(x[0], x[1], r); return r; },
            x => { var r = new Dual[7]; SpanOps.Add(x[0], x[1], r); return r; },
            (x, s, d) => { var r = new double[7]; SpanOps.Add<double>(x[0], x[1], r); SpanOps.AddPullback<double>(x[0], x[1], r, s, d[0], d[1]); },
            (x, s, d) => { var r = new Dual[7]; SpanOps.Add(x[0], x[1], r); SpanOps.AddPullback(x[0], x[1], r, s, d[0], d[1]); })];
        yield return [new Case("Sub", [7, 7],
            x => { var r = new double[7]; SpanOps.Sub<double>(x[0], x[1], r); return r; },
            x => { var r = new Dual[7]; SpanOps.Sub(x[0], x[1], r); return r; },
            (x, s, d) => { var r = new double[7]; SpanOps.Sub<double>(x[0], x[1], r); SpanOps.SubPullback<double>(x[0], x[1], r, s, d[0], d[1]); },
            (x, s, d) => { var r = new Dual[7]; SpanOps.Sub(x[0], x[1], r); SpanOps.SubPullback(x[0], x[1], r, s, d[0], d[1]); })];
        yield return [new Case("Mul", [7, 7],
            x => { var r = new double[7]; SpanOps.Mul<double>(x[0], x[1], r); return r; },
            x => { var r = new Dual[7]; SpanOps.Mul(x[0], x[1], r); return r; },
            (x, s, d) => { var r = new double[7]; SpanOps.Mul<double>(x[0], x[1], r); SpanOps.MulPullback<double>(x[0], x[1], r, s, d[0], d[1]); },
            (x, s, d) => { var r = new Dual[7]; SpanOps.Mul(x[0], x[1], r); SpanOps.MulPullback(x[0], x[1], r, s, d[0], d[1]); })];
        yield return [new Case("Relu", [9],
            x => { var r = new double[9]; SpanOps.Relu<double>(x[0], r); return r; },
            x => { var r = new Dual[9]; SpanOps.Relu(x[0], r); return r; },
            (x, s, d) => { var r = new double[9]; SpanOps.Relu<double>(x[0], r); SpanOps.ReluPullback<double>(x[0], r, s, d[0]); },
            (x, s, d) => { var r = new Dual[9]; SpanOps.Relu(x[0], r); SpanOps.ReluPullback(x[0], r, s, d[0]); })];
        yield return [new Case("Relu(derivativeAtZero)", [9],
            x => { var r = new double[9]; SpanOps.Relu<double>(x[0], 0.5, r); return r; },
            x => { var r = new Dual[9]; SpanOps.Relu(x[0], 0.5, r); return r; },
            (x, s, d) => { var r = new double[9]; SpanOps.Relu<double>(x[0], 0.5, r); SpanOps.ReluPullback<double>(x[0], 0.5, r, s, d[0]); },
            (x, s, d) => { var r = new Dual[9]; SpanOps.Relu(x[0], 0.5, r); SpanOps.ReluPullback(x[0], 0.5, r, s, d[0]); })];
        yield return [Unary("Exp", SpanOps.Exp<double>, SpanOps.Exp, SpanOps.ExpPullback<double>, SpanOps.ExpPullback)];
        yield return [Unary("Tanh", SpanOps.Tanh<double>, SpanOps.Tanh, SpanOps.TanhPullback<double>, SpanOps.TanhPullback)];
        yield return [Unary("Sigmoid", SpanOps.Sigmoid<double>, SpanOps.Sigmoid, SpanOps.SigmoidPullback<double>, SpanOps.SigmoidPullback)];
        yield return [Unary("Log", SpanOps.Log<double>, SpanOps.Log, SpanOps.LogPullback<double>, SpanOps.LogPullback) with { PositiveInputs = true }];
        yield return [Unary("Softmax", SpanOps.Softmax<double>, SpanOps.Softmax, SpanOps.SoftmaxPullback<double>, SpanOps.SoftmaxPullback)];
        yield return [Unary("LogSoftmax", SpanOps.LogSoftmax<double>, SpanOps.LogSoftmax, SpanOps.LogSoftmaxPullback<double>, SpanOps.LogSoftmaxPullback)];
        yield return [new Case("Dot", [9, 9],
            x => [SpanOps.Dot<double>(x[0], x[1])],
            x => [SpanOps.Dot(x[0], x[1])],
            (x, s, d) => SpanOps.DotPullback<double>(x[0], x[1], s[0], d[0], d[1]),
            (x, s, d) => SpanOps.DotPullback(x[0], x[1], s[0], d[0], d[1]))];
        yield return [new Case("Sum", [9],
            x => [SpanOps.Sum<double>(x[0])],
            x => [SpanOps.Sum(x[0])],
            (x, s, d) => SpanOps.SumPullback<double>(x[0], s[0], d[0]),
            (x, s, d) => SpanOps.SumPullback(x[0], s[0], d[0]))];
        yield return [new Case("Mean", [9],
            x => [SpanOps.Mean<double>(x[0])],
            x => [SpanOps.Mean(x[0])],
            (x, s, d) => SpanOps.MeanPullback<double>(x[0], s[0], d[0]),
            (x, s, d) => SpanOps.MeanPullback(x[0], s[0], d[0]))];
        yield return [new Case("CrossEntropy", [15],
            x => [SpanOps.CrossEntropy<double>(x[0], Labels, 5)],
            x => [SpanOps.CrossEntropy(x[0], Labels, 5)],
            (x, s, d) => SpanOps.CrossEntropyPullback<double>(x[0], Labels, 5, s[0], d[0]),
            (x, s, d) => SpanOps.CrossEntropyPullback(x[0], Labels, 5, s[0], d[0]))];
    }

    private delegate void UnaryPrimal<T>(ReadOnlySpan<T> x, Span<T> result);

    private delegate void UnaryPullback<T>(ReadOnlySpan<T> x, Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx);

    private static Case Unary(string name, UnaryPrimal<double> primal, UnaryPrimal<Dual> dualPrimal, UnaryPullback<double> pullback, UnaryPullback<Dual> dualPullback)
        => new(name, [9],
            x => { var r = new double[9]; primal(x[0], r); return r; },
            x => { var r = new Dual[9]; dualPrimal(x[0], r); return r; },
            (x, s, d) => { var r = new double[9]; primal(x[0], r); pullback(x[0], r, s, d[0]); },
            (x, s, d) => { var r = new Dual[9]; dualPrimal(x[0], r); dualPullback(x[0], r, s, d[0]); });

    private static double[] Draw(Random random, int n, bool positive)
        => Enumerable.Range(0, n).Select(_ =>
        {
            double u = random.NextDouble() * 2 - 1;
            return positive ? 0.5 + Math.Abs(u) : Math.Sign(u) * (0.2 + Math.Abs(u)); // away from relu's kink
        }).ToArray();

    private static Dual[] Lift(double[] value, double[] tangent) => value.Select((a, i) => new Dual(a, tangent[i])).ToArray();

    private static double[] Difference(Func<double, double[]> f, double h = 1e-4)
    {
        double[] p2 = f(2 * h), p1 = f(h), m1 = f(-h), m2 = f(-2 * h);
        return p1.Select((_, i) => (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h)).ToArray();
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what)
        => Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void DualPrimal_ValuesMatchThePrimalAndTangentsItsCentralDifferences(Case c)
    {
        var random = new Random(c.Name.Length * 31 + 1);
        double[][] x = c.InputLengths.Select(n => Draw(random, n, c.PositiveInputs)).ToArray();
        double[][] v = c.InputLengths.Select(n => Draw(random, n, false)).ToArray();
        Dual[] dual = c.DualPrimal(x.Select((a, i) => Lift(a, v[i])).ToArray());
        double[] value = c.Primal(x);
        double[] tangent = Difference(t => c.Primal(x.Select((a, i) => a.Select((e, j) => e + t * v[i][j]).ToArray()).ToArray()));
        for (int i = 0; i < value.Length; i++)
        {
            AssertClose(value[i], dual[i].Value, 1e-14, $"{c} value[{i}]");
            AssertClose(tangent[i], dual[i].Tangent, 1e-8, $"{c} tangent[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DualPullback_ValuesMatchThePullbackAndTangentsItsCentralDifferences(Case c)
    {
        var random = new Random(c.Name.Length * 31 + 2);
        double[][] x = c.InputLengths.Select(n => Draw(random, n, c.PositiveInputs)).ToArray();
        double[][] v = c.InputLengths.Select(n => Draw(random, n, false)).ToArray();
        int outputs = c.Primal(x).Length;
        double[] seed = Draw(random, outputs, false), seedTangent = Draw(random, outputs, false);
        // Shadows start nonzero: the rule adds to them.
        double[][] start = c.InputLengths.Select(n => Draw(random, n, false)).ToArray();
        double[][] startTangent = c.InputLengths.Select(n => Draw(random, n, false)).ToArray();

        Dual[][] shadows = start.Select((a, i) => Lift(a, startTangent[i])).ToArray();
        c.DualPullback(x.Select((a, i) => Lift(a, v[i])).ToArray(), Lift(seed, seedTangent), shadows);

        double[][] PullbackAt(double t)
        {
            double[][] d = c.InputLengths.Select(n => new double[n]).ToArray();
            c.Pullback(x.Select((a, i) => a.Select((e, j) => e + t * v[i][j]).ToArray()).ToArray(), seed.Select((s, j) => s + t * seedTangent[j]).ToArray(), d);
            return d;
        }

        double[][] values = PullbackAt(0);
        for (int input = 0; input < x.Length; input++)
        {
            int which = input;
            double[] tangent = Difference(t => PullbackAt(t)[which]);
            for (int i = 0; i < x[input].Length; i++)
            {
                AssertClose(start[input][i] + values[input][i], shadows[input][i].Value, 1e-14, $"{c} d{input} value[{i}]");
                AssertClose(startTangent[input][i] + tangent[i], shadows[input][i].Tangent, 1e-8, $"{c} d{input} tangent[{i}]");
            }
        }
    }

    /// <summary>Dot(x, x) with one shadow for both arguments: both contributions land (the rule adds rather than overwrites).</summary>
    [Fact]
    public void DotPullback_WithAliasedShadows_AddsBothContributions()
    {
        double[] x = [0.5, -1.25, 2, 0.75, -0.3];
        double[] v = [1, 0.5, -0.25, 2, -1];
        var shadow = new Dual[x.Length];
        Dual[] lifted = Lift(x, v);
        SpanOps.DotPullback(lifted, lifted, new Dual(1.5, 0.25), shadow, shadow);
        for (int i = 0; i < x.Length; i++)
        {
            // d/dx_i of s x·x is 2 s x_i; its tangent along (v, ṡ) is 2 ṡ x_i + 2 s v_i.
            AssertClose(3 * x[i], shadow[i].Value, 1e-15, $"value[{i}]");
            AssertClose(0.5 * x[i] + 3 * v[i], shadow[i].Tangent, 1e-15, $"tangent[{i}]");
        }
    }

    /// <summary>
    /// At relu's kink (inputs exactly 0) the second-order rule follows the gradient's rule: the tangent is relu'(0) times
    /// the input's tangent (forward) and times the seed's tangent (pullback), with relu'(0) = 0 or the given value.
    /// </summary>
    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(true, 0.0)]
    [InlineData(true, 1.0)]
    [InlineData(true, 0.5)]
    public void Relu_AtTheKink_UsesTheGradientsRuleForTangents(bool withDerivativeAtZero, double atZero)
    {
        Dual[] x = [new(0, 2), new(0, -3), new(1, 5), new(-1, 7)];
        Dual[] seed = [new(1, 0.5), new(2, -1), new(3, 4), new(4, 9)];
        var result = new Dual[4];
        var dx = new Dual[4];
        if (withDerivativeAtZero)
        {
            SpanOps.Relu(x, atZero, result);
            SpanOps.ReluPullback(x, atZero, result, seed, dx);
        }
        else
        {
            SpanOps.Relu(x, result);
            SpanOps.ReluPullback(x, result, seed, dx);
        }

        double[] derivative = [atZero, atZero, 1, 0];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Max(x[i].Value, 0), result[i].Value);
            Assert.Equal(derivative[i] * x[i].Tangent, result[i].Tangent);
            Assert.Equal(derivative[i] * seed[i].Value, dx[i].Value);
            Assert.Equal(derivative[i] * seed[i].Tangent, dx[i].Tangent);
        }
    }

    /// <summary>The DualF overloads run the same rules in single precision: they agree with the Dual ones to float rounding.</summary>
    [Fact]
    public void DualFOverloads_AgreeWithTheDualOnes()
    {
        const int m = 3, k = 5, n = 7;
        var random = new Random(11);
        float[] Floats(int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] a = Floats(m * k), ta = Floats(m * k), b = Floats(k * n), tb = Floats(k * n), g = Floats(m * n), tg = Floats(m * n);
        DualF[] LiftF(float[] value, float[] tangent) => value.Select((e, i) => new DualF(e, tangent[i])).ToArray();
        Dual[] LiftD(float[] value, float[] tangent) => value.Select((e, i) => new Dual(e, tangent[i])).ToArray();

        var rf = new DualF[m * n];
        var rd = new Dual[m * n];
        var daf = new DualF[m * k];
        var dbf = new DualF[k * n];
        var dad = new Dual[m * k];
        var dbd = new Dual[k * n];
        SpanOps.MatMul(LiftF(a, ta), LiftF(b, tb), m, k, n, true, false, rf);
        SpanOps.MatMul(LiftD(a, ta), LiftD(b, tb), m, k, n, true, false, rd);
        SpanOps.MatMulPullback(LiftF(a, ta), LiftF(b, tb), m, k, n, true, false, rf, LiftF(g, tg), daf, dbf);
        SpanOps.MatMulPullback(LiftD(a, ta), LiftD(b, tb), m, k, n, true, false, rd, LiftD(g, tg), dad, dbd);
        var logits = LiftF(Floats(15), Floats(15));
        var dlf = new DualF[15];
        var dld = new Dual[15];
        DualF lossF = SpanOps.CrossEntropy(logits, Labels, 5);
        Dual lossD = SpanOps.CrossEntropy(logits.Select(e => new Dual(e.Value, e.Tangent)).ToArray(), Labels, 5);
        SpanOps.CrossEntropyPullback(logits, Labels, 5, new DualF(1.5f, -0.5f), dlf);
        SpanOps.CrossEntropyPullback(logits.Select(e => new Dual(e.Value, e.Tangent)).ToArray(), Labels, 5, new Dual(1.5, -0.5), dld);

        void Same(IEnumerable<DualF> single, IEnumerable<Dual> twice, string what)
        {
            foreach (var (f, d) in single.Zip(twice))
            {
                AssertClose(d.Value, f.Value, 1e-5, what + " value");
                AssertClose(d.Tangent, f.Tangent, 1e-5, what + " tangent");
            }
        }

        Same(rf, rd, "MatMul");
        Same(daf, dad, "MatMulPullback da");
        Same(dbf, dbd, "MatMulPullback db");
        Same([lossF], [lossD], "CrossEntropy");
        Same(dlf, dld, "CrossEntropyPullback");
    }
}
