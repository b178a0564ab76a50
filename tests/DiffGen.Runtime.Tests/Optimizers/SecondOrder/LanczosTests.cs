using System;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

/// <summary>H = Q diag(eigenvalues) Q' with Q a Householder reflection I - 2 u u' / u'u built here, so the eigenpairs
/// are known: (eigenvalues[i], column i of Q).</summary>
public class LanczosTests
{
    private static readonly double[] Eigenvalues = [3.0, -2.5, 0.5, 7.0, -0.25, 1.5, 4.0, 2.0];

    private static double[] U => [1.0, -2.0, 0.5, 3.0, 1.0, -1.0, 0.25, 2.0];

    private static double Q(int i, int j)
    {
        double uu = 0.0;
        foreach (double v in U) uu += v * v;
        return (i == j ? 1.0 : 0.0) - 2.0 * U[i] * U[j] / uu;
    }

    private static void Product(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv)
    {
        int n = Eigenvalues.Length;
        for (int k = 0; k < n; k++)
        {
            double c = 0.0;
            for (int j = 0; j < n; j++) c += Q(j, k) * v[j];
            for (int i = 0; i < n; i++) hv[i] += Q(i, k) * Eigenvalues[k] * c;
        }
    }

    [Fact]
    public void SmallestEigenpair_FullKrylovSpace_IsExact()
    {
        double[] start = [0.3, 0.1, -0.4, 0.2, 0.9, -0.6, 0.5, 0.7];
        var e = Lanczos.SmallestEigenpair(Product, new double[8], start, 50);

        Assert.Equal(8, e.Products);
        Assert.Equal(-2.5, e.Eigenvalue, 1e-10);
        double cos = 0.0;
        for (int i = 0; i < 8; i++) cos += e.Direction[i] * Q(i, 1);
        Assert.Equal(1.0, Math.Abs(cos), 1e-10);
    }

    /// <summary>Ritz values bound the smallest eigenvalue from above and do not increase with more iterations.</summary>
    [Fact]
    public void SmallestEigenpair_FewIterations_IsAnUpperBoundThatImproves()
    {
        double[] start = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        double previous = double.PositiveInfinity;
        for (int k = 1; k <= 8; k++)
        {
            double theta = Lanczos.SmallestEigenpair(Product, new double[8], start, k).Eigenvalue;
            Assert.True(theta >= -2.5 - 1e-12 && theta <= previous + 1e-12, $"k = {k}: {theta}");
            previous = theta;
        }
    }

    /// <summary>A start in an invariant subspace stops the process early (breakdown) with the exact answer there.</summary>
    [Fact]
    public void SmallestEigenpair_StartIsAnEigenvector_StopsAfterOneProduct()
    {
        var start = new double[8];
        for (int i = 0; i < 8; i++) start[i] = Q(i, 3);
        var e = Lanczos.SmallestEigenpair(Product, new double[8], start, 8);
        Assert.Equal(1, e.Products);
        Assert.Equal(7.0, e.Eigenvalue, 1e-12);
    }

    [Fact]
    public void SmallestEigenpair_BadInput_Throws()
    {
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => Lanczos.SmallestEigenpair(Product, new double[8], new double[3], 4)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentException>(() => Lanczos.SmallestEigenpair(Product, new double[8], new double[8], 4)).ParamName);
        Assert.Equal("maxIterations", Assert.ThrowsAny<ArgumentException>(() => Lanczos.SmallestEigenpair(Product, new double[8], new double[8], 0)).ParamName);
    }
}
