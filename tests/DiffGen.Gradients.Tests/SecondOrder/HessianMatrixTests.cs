using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using S = DiffGen.Gradients.Tests.SecondOrder.SecondOrderFunctions;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>
/// The generated dense {M}Hessian: symmetric to rounding, equal to the Hessian built by second differences of the
/// value, and exactly the closed form for a quadratic.
/// </summary>
public sealed class HessianMatrixTests
{
    private static void AssertSymmetric(double[] h, int n, string what)
    {
        double scale = Math.Max(1.0, h.Max(Math.Abs));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(h[i * n + j] - h[j * n + i]) <= 1e-12 * scale, $"{what}: H[{i},{j}] = {h[i * n + j]:R} but H[{j},{i}] = {h[j * n + i]:R}");
    }

    private static void AssertMatchesFiniteDifferences(string caseName, double[] h, double[][] x)
    {
        var c = HessianCases.Get(caseName);
        var reference = HessianVectorTests.FiniteDifferenceHessian(c.Value, c, x);
        int n = c.Dimension;
        double scale = 1.0;
        foreach (double value in reference) scale = Math.Max(scale, Math.Abs(value));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Support.Numeric.AssertClose(reference[i, j], h[i * n + j], 1e-4, 1e-5 * scale, $"{caseName} H[{i},{j}]");
    }

    [Fact]
    public void Hessian_QuadraticForm_IsTheSymmetricPartOfTheMatrixExactly()
    {
        double[] x = { 0.3, -1.2, 0.7, 2.0 };
        var h = new double[16];
        double value = S.QuadraticFormHessian(x, HessianCases.QuadraticMatrix, HessianCases.QuadraticLinear, h);
        Assert.Equal(S.QuadraticForm(x, HessianCases.QuadraticMatrix, HessianCases.QuadraticLinear), value);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                Assert.Equal(0.5 * (HessianCases.QuadraticMatrix[i * 4 + j] + HessianCases.QuadraticMatrix[j * 4 + i]), h[i * 4 + j], 14);
    }

    [Fact]
    public void Hessian_Rosenbrock_IsSymmetricAndMatchesFiniteDifferences()
    {
        var h = new double[4];
        SmoothFunctions.RosenbrockHessian(-0.7, 1.3, h);
        AssertSymmetric(h, 2, "Rosenbrock");
        // Closed form: [[2 - 400 (y - 3x²), -400 x], [-400 x, 200]].
        Assert.Equal(2 - 400 * (1.3 - 3 * 0.49), h[0], 9);
        Assert.Equal(-400 * -0.7, h[1], 9);
        Assert.Equal(200, h[3], 9);
    }

    [Fact]
    public void Hessian_TanhNetwork_IsSymmetricAndMatchesFiniteDifferences()
    {
        double[] w = { 0.3, -0.5, 0.8, -0.2, 0.6, 0.1 }, v = { 0.9, -0.4 };
        var h = new double[64];
        S.TanhNetworkHessian(w, v, HessianCases.NetworkInputs, 2, h);
        AssertSymmetric(h, 8, "TanhNetwork");
        AssertMatchesFiniteDifferences("TanhNetwork", h, new[] { w, v });
    }

    [Fact]
    public void Hessian_LeastSquaresWithThreeArrays_IsSymmetricAndMatchesFiniteDifferences()
    {
        var random = new Random(11);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        double[] a = Draw(12), x = Draw(3), b = Draw(4);
        var h = new double[19 * 19];
        M.LeastSquaresHessian(a, x, b, h);
        AssertSymmetric(h, 19, "LeastSquares");
        AssertMatchesFiniteDifferences("LeastSquares", h, new[] { a, x, b });
    }

    [Fact]
    public void Hessian_LoopOfCallsWithScalarAndArray_IsSymmetricAndMatchesFiniteDifferences()
    {
        double[] x = { 0.4, -0.9, 0.2, 0.7 };
        var h = new double[25];
        S.LoopOfCallsHessian(x, 0.6, h);
        AssertSymmetric(h, 5, "LoopOfCalls");
        AssertMatchesFiniteDifferences("LoopOfCalls", h, new[] { x, new[] { 0.6 } });
    }

    [Fact]
    public void Hessian_FloatPolynomial_MatchesTheClosedFormInSinglePrecision()
    {
        // f = x²y + sin(xy) - y³/2: f_xx = 2y - y² sin, f_xy = 2x + cos - xy sin, f_yy = -x² sin - 3y.
        float x = 0.8f, y = -0.6f;
        var h = new float[4];
        SecondOrderFunctions.FloatPolynomialHessian(x, y, h);
        double s = Math.Sin(x * y), c = Math.Cos(x * y);
        Assert.Equal(2 * y - y * y * s, h[0], 5);
        Assert.Equal(2 * x + c - x * y * s, h[1], 5);
        Assert.Equal(h[1], h[2], 6);
        Assert.Equal(-x * x * s - 3 * y, h[3], 5);
    }
}
