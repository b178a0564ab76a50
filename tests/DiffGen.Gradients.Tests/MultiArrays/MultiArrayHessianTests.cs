using System;
using System.Linq;
using Xunit;
using F = DiffGen.Gradients.Tests.MultiArrays.MultiArrayFunctions;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>
/// {M}HessianVector and {M}Hessian of methods with 2-D and jagged parameters, taking directions and outputs in the
/// arrays' shapes: against central differences of the generated gradient, a closed form, and each other.
/// </summary>
public sealed class MultiArrayHessianTests
{
    private const double Step = 1e-5;

    private static double[,] Grid(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var a = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) a[i, j] = random.NextDouble() * 1.6 - 0.8;
        return a;
    }

    private static double[] Vector(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray();
    }

    private static double[,] Plus(double[,] a, double[,] v, double t)
    {
        var r = (double[,])a.Clone();
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) r[i, j] += t * v[i, j];
        return r;
    }

    [Fact]
    public void MatVecLoss_HessianVector_MatchesCentralDifferencesOfTheGradient()
    {
        double[,] w = Grid(3, 4, 1), vw = Grid(3, 4, 2);
        double[] x = Vector(4, 3), vx = Vector(4, 4), target = Vector(3, 5);
        var hw = new double[3, 4];
        var hx = new double[4];
        double value = F.MatVecLossHessianVector(w, x, target, vw, vx, hw, hx);
        Assert.Equal(F.MatVecLoss(w, x, target), value, 12);

        (double[,] Dw, double[] Dx) Gradient(double t)
        {
            var dw = new double[3, 4];
            var dx = new double[4];
            F.MatVecLossGradient(Plus(w, vw, t), x.Zip(vx, (a, b) => a + t * b).ToArray(), target, dw, dx);
            return (dw, dx);
        }
        var (plusW, plusX) = Gradient(Step);
        var (minusW, minusX) = Gradient(-Step);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) Assert.Equal((plusW[i, j] - minusW[i, j]) / (2 * Step), hw[i, j], 6);
        for (int j = 0; j < 4; j++) Assert.Equal((plusX[j] - minusX[j]) / (2 * Step), hx[j], 6);
    }

    [Fact]
    public void JaggedSumCubes_HessianVector_IsSixBTimesV_AddedToTheOutput()
    {
        double[][] b = { new[] { 0.5, -1.0, 2.0 }, new[] { 1.5 } };
        double[][] v = { new[] { 1.0, 2.0, -0.5 }, new[] { 3.0 } };
        double[][] h = { new[] { 1.0, 0.0, 0.0 }, new[] { 0.0 } }; // added to, like gradient shadows
        F.JaggedSumCubesHessianVector(b, v, h);
        Assert.Equal(new[] { 1.0 + 6 * 0.5 * 1.0, 6 * -1.0 * 2.0, 6 * 2.0 * -0.5 }, h[0].Select(e => Math.Round(e, 12)));
        Assert.Equal(6 * 1.5 * 3.0, h[1][0], 12);
    }

    [Fact]
    public void RowViews_HessianVector_WithAScalarInput_MatchesCentralDifferencesOfTheGradient()
    {
        double[][] b = { new[] { 0.3, -0.7 }, new[] { 1.1, 0.2, -0.4 } };
        double[][] vb = { new[] { 0.5, 1.0 }, new[] { -1.0, 0.25, 0.75 } };
        double c = 0.8, vc = -0.6;
        double[][] hb = { new double[2], new double[3] };
        F.RowViewsHessianVector(b, c, vb, vc, hb, out double hc);

        (double[][] Db, double Dc) Gradient(double t)
        {
            var bt = b.Select((row, i) => row.Select((e, j) => e + t * vb[i][j]).ToArray()).ToArray();
            double[][] db = { new double[2], new double[3] };
            F.RowViewsGradient(bt, c + t * vc, db, out double dc);
            return (db, dc);
        }
        var (plusB, plusC) = Gradient(Step);
        var (minusB, minusC) = Gradient(-Step);
        for (int i = 0; i < b.Length; i++)
            for (int j = 0; j < b[i].Length; j++) Assert.Equal((plusB[i][j] - minusB[i][j]) / (2 * Step), hb[i][j], 6);
        Assert.Equal((plusC - minusC) / (2 * Step), hc, 6);
    }

    [Fact]
    public void MatVecLoss_Hessian_IsSymmetric_AndItsColumnsAreHessianVectorProducts()
    {
        double[,] w = Grid(2, 3, 6);
        double[] x = Vector(3, 7), target = Vector(2, 8);
        int n = 6 + 3;
        var hessian = new double[n * n];
        F.MatVecLossHessian(w, x, target, hessian);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) Assert.Equal(hessian[i * n + j], hessian[j * n + i], 10);
        // Column 4 is H e_4, e_4 the element w[1, 1] in row-major order.
        var vw = new double[2, 3];
        vw[1, 1] = 1;
        var hw = new double[2, 3];
        var hx = new double[3];
        F.MatVecLossHessianVector(w, x, target, vw, new double[3], hw, hx);
        double[] column = hw.Cast<double>().Concat(hx).ToArray();
        for (int i = 0; i < n; i++) Assert.Equal(column[i], hessian[i * n + 4], 10);
    }

    [Fact]
    public void HessianVector_DirectionOfAnotherShape_ThrowsNamingIt()
    {
        double[,] w = Grid(3, 4, 1);
        double[] x = Vector(4, 3), target = Vector(3, 5);
        var error = Assert.Throws<ArgumentException>(() => F.MatVecLossHessianVector(w, x, target, new double[4, 3], new double[4], new double[3, 4], new double[4]));
        Assert.Equal("vw", error.ParamName);
    }
}
