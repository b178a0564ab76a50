using System;
using System.Linq;
using Xunit;

namespace DiffGen.Gradients.Tests.VectorOutputs;

/// <summary>
/// Methods that write their results into Span outputs get <c>{M}Pullback</c> (seeds of the outputs in,
/// input shadows accumulated) and <c>{M}Tangent</c> (output tangents written); callers chain through them.
/// </summary>
public class VectorOutputTests
{
    private static readonly double[] W = { 0.3, -0.2, 0.5, 0.1 };
    private static readonly double[] X = { 0.7, -0.4 };

    [Theory]
    [InlineData(0.2)]
    [InlineData(-0.6)]
    [InlineData(2.5)] // the early return fires: y[0] > 0.9
    public void Caller_GradientThroughLayerPullback_MatchesFiniteDifferences(double bias)
    {
        var check = Layers.LossGradientCheck(W, X, bias);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(2.5)]
    public void LayerPullbackAndTangent_AreAdjoint(double bias)
    {
        var random = new Random(5);
        double[] tw = W.Select(_ => random.NextDouble() - 0.5).ToArray(), tx = X.Select(_ => random.NextDouble() - 0.5).ToArray();
        double tb = 0.3;
        double[] seed = { 0.8, -1.3 };
        var y = new double[2];
        var ty = new double[2];
        Layers.LayerTangent(W, X, bias, y, tw, tx, tb, ty);
        double[] dw = new double[W.Length], dx = new double[X.Length];
        double db = 0;
        Layers.LayerPullback(W, X, bias, new double[2], seed, dw, dx, ref db);

        // <seed, J t> == <J^T seed, t>
        double left = seed[0] * ty[0] + seed[1] * ty[1];
        double right = dw.Zip(tw, (a, b) => a * b).Sum() + dx.Zip(tx, (a, b) => a * b).Sum() + db * tb;
        Assert.Equal(left, right, 12);
    }

    [Fact]
    public void LayerPullback_MatchesFiniteDifferencesOfTheSeededOutput()
    {
        double[] seed = { 0.8, -1.3 };
        double bias = 0.2;
        double Weighted(double[] w, double[] x, double b)
        {
            var y = new double[2];
            Layers.Layer(w, x, b, y);
            return seed[0] * y[0] + seed[1] * y[1];
        }
        double[] dw = new double[W.Length], dx = new double[X.Length];
        double db = 0;
        Layers.LayerPullback(W, X, bias, new double[2], seed, dw, dx, ref db);

        for (int i = 0; i < W.Length; i++)
        {
            int k = i;
            double fd = FiniteDifferences.Central(h => { var p = (double[])W.Clone(); p[k] += h; return Weighted(p, X, bias); }, W[k]);
            Assert.Equal(fd, dw[i], 9);
        }
        Assert.Equal(FiniteDifferences.Central(h => Weighted(W, X, bias + h), bias), db, 9);
    }

    [Fact]
    public void LayerPullback_WrongSeedLength_ThrowsNamingTheSeed()
    {
        double db = 0;
        var error = Assert.Throws<ArgumentException>(() => Layers.LayerPullback(W, X, 0.2, new double[2], new double[3], new double[4], new double[2], ref db));
        Assert.Equal("dy", error.ParamName);
    }
}
