using System;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.TupleResults.TupleResultFunctions;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>
/// Methods returning tuples are vector outputs: {M}Pullback takes one seed per element, {M}Tangent and {M}Directional
/// return value and tangent tuples, {M}Jacobian has a row per element. Checked against central differences of the
/// method, against each other (&lt;s, J t&gt; = &lt;Jᵀ s, t&gt;), and for the value each member returns.
/// </summary>
public sealed class TupleResultTests
{
    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double Dot(double[][] a, double[][] b) => a.Zip(b, Dot).Sum();

    private static Random RandomFor(string name) => new(Numeric.StableSeed(name));

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void Tangent_MatchesCentralDifferencesOfEachElement(string name)
    {
        var c = TupleCases.Get(name);
        var random = RandomFor(name);
        var direction = c.Like(() => random.NextDouble() - 0.5);
        var (_, tangent) = c.Tangent(c.Inputs, direction, false);
        var reference = c.CentralDifferences(direction);
        Assert.Equal(reference.Length, tangent.Length);
        for (int i = 0; i < reference.Length; i++)
            Numeric.AssertClose(reference[i], tangent[i], 1e-7, 1e-8 * Math.Max(1, Math.Abs(reference[i])), $"{name} element {i}");
    }

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void PullbackAndTangent_AreAdjoint(string name)
    {
        var c = TupleCases.Get(name);
        var random = RandomFor(name + " adjoint");
        var direction = c.Like(() => random.NextDouble() - 0.5);
        var seeds = Enumerable.Range(0, c.M).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (_, tangent) = c.Tangent(c.Inputs, direction, false);
        var shadows = c.Like(() => 0);
        c.Pullback(c.Inputs, seeds, shadows);
        double left = Dot(seeds, tangent), right = Dot(shadows, direction);
        Numeric.AssertClose(left, right, 1e-12, 1e-13, $"{name}: <s, J t> against <Jᵀ s, t>");
    }

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void Pullback_AddsSeededPartialsToItsShadows(string name)
    {
        var c = TupleCases.Get(name);
        var random = RandomFor(name + " shadows");
        var seeds = Enumerable.Range(0, c.M).Select(_ => random.NextDouble() - 0.5).ToArray();
        var start = c.Like(() => random.NextDouble());
        var accumulated = start.Select(x => (double[])x.Clone()).ToArray();
        c.Pullback(c.Inputs, seeds, accumulated);
        // Column j of Jᵀ s by central differences of <s, f> along the unit direction j.
        for (int j = 0, k = 0; k < c.Inputs.Length; k++)
        {
            for (int e = 0; e < c.Inputs[k].Length; e++, j++)
            {
                double expected = Dot(seeds, c.CentralDifferences(c.Unit(j)));
                Numeric.AssertClose(expected, accumulated[k][e] - start[k][e], 1e-7, 1e-8, $"{name} input {k}[{e}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void EveryMember_ReturnsTheMethodsValue(string name)
    {
        var c = TupleCases.Get(name);
        var value = c.Value(c.Inputs);
        var zeros = c.Like(() => 0);
        var members = new[]
        {
            ("Tangent", c.Tangent(c.Inputs, zeros, false).Value),
            ("Directional", c.Tangent(c.Inputs, zeros, true).Value),
            ("Pullback", c.Pullback(c.Inputs, new double[c.M], c.Like(() => 0))),
            ("Jacobian", c.Jacobian(c.Inputs, new double[c.M * c.N], JacobianStrategy.Auto)),
        };
        foreach (var (member, returned) in members)
            for (int i = 0; i < value.Length; i++) Numeric.AssertClose(value[i], returned[i], 1e-14, 1e-15, $"{name}{member} element {i}");
    }

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void Directional_EqualsTangentAwayFromKinks(string name)
    {
        var c = TupleCases.Get(name);
        var random = RandomFor(name + " directional");
        var direction = c.Like(() => random.NextDouble() - 0.5);
        var (_, tangent) = c.Tangent(c.Inputs, direction, false);
        var (_, directional) = c.Tangent(c.Inputs, direction, true);
        Assert.Equal(tangent, directional);
    }

    [Theory]
    [MemberData(nameof(TupleCases.Names), MemberType = typeof(TupleCases))]
    public void Jacobian_RowsAreElements_MatchingCentralDifferencesUnderEachStrategy(string name)
    {
        var c = TupleCases.Get(name);
        foreach (var strategy in new[] { JacobianStrategy.Auto, JacobianStrategy.ForwardColumns, JacobianStrategy.ReverseRows })
        {
            var matrix = new double[c.M * c.N];
            c.Jacobian(c.Inputs, matrix, strategy);
            for (int j = 0; j < c.N; j++)
            {
                var column = c.CentralDifferences(c.Unit(j));
                for (int i = 0; i < c.M; i++)
                    Numeric.AssertClose(column[i], matrix[i * c.N + j], 1e-7, 1e-8 * Math.Max(1, Math.Abs(column[i])), $"{name} ({strategy}) J[{i},{j}]");
            }
        }
    }

    [Fact]
    public void Jacobian_OfTheWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => F.PolarJacobian(0.8, -0.6, new double[3]));
        Assert.Equal("jacobian", error.ParamName);
    }

    [Fact]
    public void Pullback_WithAShadowOfTheWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => F.MeanAndVariancePullback(new[] { 1.0, 2.0, 4.0 }, 1, 1, new double[2]));
        Assert.Contains("dsamples", error.Message);
    }

    [Fact]
    public void GenericMethod_FloatInstance_AgreesWithDouble()
    {
        double dxDouble = 0, dyDouble = 0;
        float dxFloat = 0, dyFloat = 0;
        var valueDouble = F.SpreadPullback(0.3, 0.9, 0.5, -1.5, ref dxDouble, ref dyDouble);
        var valueFloat = F.SpreadPullback(0.3f, 0.9f, 0.5f, -1.5f, ref dxFloat, ref dyFloat);
        Assert.Equal(valueDouble.High, valueFloat.High, 5);
        Assert.Equal(dxDouble, dxFloat, 5);
        Assert.Equal(dyDouble, dyFloat, 5);
        var (_, tangent) = F.SpreadTangent(0.3f, 0.9f, 1f, 0f);
        Assert.Equal(2 * 0.3, tangent.Low, 5); // d(min(x, y) x)/dx = 2x where x < y
    }

    [Fact]
    public void FloatTuple_MatchesCentralDifferencesOfTheSameFormulaInDouble()
    {
        float x = 0.4f;
        float[] w = { 0.3f, -0.7f, 1.1f };
        static (double Sum, double Product) Reference(double x, double[] w)
            => (w.Sum() * x, w.Aggregate(1.0, (p, wi) => p * Math.Tanh(wi + x)));
        double[] wd = w.Select(v => (double)v).ToArray();
        const double h = 1e-5;
        var plus = Reference(x + h, wd);
        var minus = Reference(x - h, wd);
        float dx = 0;
        var dw = new float[3];
        var value = F.FloatPairPullback(x, w, 0.25f, 2f, ref dx, dw);
        Assert.Equal(Reference(x, wd).Product, value.Product, 5);
        Assert.Equal(0.25 * (plus.Sum - minus.Sum) / (2 * h) + 2 * (plus.Product - minus.Product) / (2 * h), dx, 4);
        for (int i = 0; i < 3; i++)
        {
            var up = (double[])wd.Clone();
            var down = (double[])wd.Clone();
            up[i] += h;
            down[i] -= h;
            double expected = 0.25 * (Reference(x, up).Sum - Reference(x, down).Sum) / (2 * h) + 2 * (Reference(x, up).Product - Reference(x, down).Product) / (2 * h);
            Assert.Equal(expected, dw[i], 4);
        }
    }
}
