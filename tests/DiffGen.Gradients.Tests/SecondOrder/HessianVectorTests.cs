using System;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// Every function of <see cref="HessianCases"/> at random points and directions (fixed seed per function, away
/// from kinks): the generated {M}HessianVector against two references that do not use it, central differences of
/// the generated gradient along the direction, and the dense Hessian built by second differences of the value.
/// </summary>
public sealed class HessianVectorTests
{
    private const int PointsPerFunction = 6;

    public static TheoryData<string> Names => HessianCases.Names;

    [Fact]
    public void CaseTable_Size_CoversAtLeast30Functions()
    {
        Assert.True(HessianCases.All.Count >= 30, $"only {HessianCases.All.Count} functions in the table");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HessianVector_AtRandomPoints_MatchesCentralDifferencesOfTheGradient(string name)
    {
        var c = HessianCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) ^ 0x2545f491);
        for (int n = 0; n < PointsPerFunction; n++)
        {
            var x = c.Sample(random);
            double[] v = Numeric.RandomDirection(random, c.Dimension);
            var (value, product) = c.Product(x, v);
            Numeric.AssertClose(c.Value(x), value, 1e-13, 1e-13, $"{name} value");
            double[] reference = GradientDerivative(c, x, v);
            double scale = Math.Max(1.0, reference.Max(Math.Abs));
            for (int i = 0; i < c.Dimension; i++)
                Numeric.AssertClose(reference[i], product[i], 1e-6, 1e-7 * scale, $"{name} (H v)[{i}] at {Numeric.Format(x.SelectMany(a => a).ToArray())}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HessianVector_AtRandomPoints_MatchesFiniteDifferenceHessian(string name)
    {
        var c = HessianCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) ^ 0x68e31da4);
        var x = c.Sample(random);
        double[] v = Numeric.RandomDirection(random, c.Dimension);
        var (_, product) = c.Product(x, v);
        double[,] hessian = FiniteDifferenceHessian(c.Value, c, x);
        double scale = 1.0;
        for (int i = 0; i < c.Dimension; i++)
            for (int j = 0; j < c.Dimension; j++) scale = Math.Max(scale, Math.Abs(hessian[i, j]));
        for (int i = 0; i < c.Dimension; i++)
        {
            double expected = 0;
            for (int j = 0; j < c.Dimension; j++) expected += hessian[i, j] * v[j];
            Numeric.AssertClose(expected, product[i], 1e-4, 1e-5 * scale * c.Dimension, $"{name} (H v)[{i}] against the finite-difference Hessian");
        }
    }

    /// <summary>d/dt grad f(x + t v) at t = 0, by the five-point stencil on the generated gradient.</summary>
    public static double[] GradientDerivative(HessianCase c, double[][] x, double[] v)
    {
        double size = Math.Max(1.0, x.SelectMany(a => a).Max(Math.Abs));
        double h = 1e-4 * size;
        double[] At(double t) => c.Gradient(Moved(c, x, v, t));
        double[] p2 = At(2 * h), p1 = At(h), m1 = At(-h), m2 = At(-2 * h);
        return Enumerable.Range(0, c.Dimension).Select(i => (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h)).ToArray();
    }

    /// <summary>The Hessian of <paramref name="f"/> by second central differences of its value (h = 1e-3 max(1, |x|)).</summary>
    public static double[,] FiniteDifferenceHessian(Func<double[][], double> f, HessianCase c, double[][] x)
    {
        int n = c.Dimension;
        double[] flat = x.SelectMany(a => a).ToArray();
        double h = 1e-3 * Math.Max(1.0, flat.Max(Math.Abs));
        double At(int i, double di, int j, double dj)
        {
            var moved = (double[])flat.Clone();
            moved[i] += di;
            moved[j] += dj;
            return f(c.Split(moved));
        }
        var hessian = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double value = (At(i, h, j, h) - At(i, h, j, -h) - At(i, -h, j, h) + At(i, -h, j, -h)) / (4 * h * h);
                hessian[i, j] = hessian[j, i] = value;
            }
        }
        return hessian;
    }

    private static double[][] Moved(HessianCase c, double[][] x, double[] v, double t)
    {
        double[] flat = x.SelectMany(a => a).ToArray();
        for (int i = 0; i < flat.Length; i++) flat[i] += t * v[i];
        return c.Split(flat);
    }
}
