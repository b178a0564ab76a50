using System;
using DiffGen.Optimizers.SecondOrder;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

public class FiniteDifferenceHessianVectorTests
{
    /// <summary>f(x) = sum_i exp(c_i x_i) + (x0 x1)^2 + x2^3 x3, gradient written here.</summary>
    private static double Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double f = 0.0;
        for (int i = 0; i < 4; i++)
        {
            double c = 0.5 + 0.25 * i;
            f += Math.Exp(c * x[i]);
            g[i] += c * Math.Exp(c * x[i]);
        }

        f += x[0] * x[0] * x[1] * x[1] + x[2] * x[2] * x[2] * x[3];
        g[0] += 2 * x[0] * x[1] * x[1];
        g[1] += 2 * x[0] * x[0] * x[1];
        g[2] += 3 * x[2] * x[2] * x[3];
        g[3] += x[2] * x[2] * x[2];
        return f;
    }

    /// <summary>The exact Hessian of <see cref="Gradient"/>'s f, by hand.</summary>
    private static double[,] Hessian(double[] x)
    {
        var h = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            double c = 0.5 + 0.25 * i;
            h[i, i] = c * c * Math.Exp(c * x[i]);
        }

        h[0, 0] += 2 * x[1] * x[1];
        h[1, 1] += 2 * x[0] * x[0];
        h[0, 1] = h[1, 0] = 4 * x[0] * x[1];
        h[2, 2] += 6 * x[2] * x[3];
        h[2, 3] = h[3, 2] = 3 * x[2] * x[2];
        return h;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-4)]
    [InlineData(1e5)]
    public void Product_SmoothFunction_MatchesExactHessianWhateverTheScaleOfV(double scale)
    {
        double[] x = [0.3, -1.2, 0.8, 2.0];
        double[] v = [0.5 * scale, 1.0 * scale, -0.7 * scale, 0.2 * scale];
        var hv = new double[] { 1.0, 1.0, 1.0, 1.0 };
        FiniteDifferenceHessianVector.Create(Gradient)(x, v, hv);

        var h = Hessian(x);
        for (int i = 0; i < 4; i++)
        {
            double exact = 0.0;
            for (int j = 0; j < 4; j++) exact += h[i, j] * v[j];
            // The product accumulates into the 1.0 already there.
            Assert.True(Math.Abs(hv[i] - 1.0 - exact) <= 1e-7 * scale * 20, $"component {i}: {hv[i] - 1.0} vs {exact}");
        }
    }

    [Fact]
    public void Product_ZeroDirection_IsZeroWithoutEvaluating()
    {
        int calls = 0;
        var hv = new double[2];
        FiniteDifferenceHessianVector.Create((x, g) => { calls++; return 0.0; })([1.0, 2.0], [0.0, 0.0], hv);
        Assert.Equal(0, calls);
        Assert.Equal([0.0, 0.0], hv);
    }

    [Fact]
    public void Product_CostsTwoGradients()
    {
        int calls = 0;
        var hv = new double[4];
        FiniteDifferenceHessianVector.Create((x, g) => { calls++; return Gradient(x, g); })([0.1, 0.2, 0.3, 0.4], [1.0, 0.0, 0.0, 0.0], hv);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Product_WrongLengths_ThrowNamingTheArgument()
    {
        var product = FiniteDifferenceHessianVector.Create(Gradient);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => product([1.0, 2.0], [1.0], new double[2])).ParamName);
        Assert.Equal("hv", Assert.Throws<ArgumentException>(() => product([1.0, 2.0], [1.0, 0.0], new double[3])).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    public void Create_InvalidStep_ThrowsNamingIt(double step)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => FiniteDifferenceHessianVector.Create(Gradient, step));
        Assert.Equal("relativeStep", e.ParamName);
    }
}
