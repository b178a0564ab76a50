using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Samples.Gmm;
using Xunit;

namespace DiffGen.Gradients.Tests.SecondOrder;

/// <summary>The ADBench GMM objective (samples/Gmm): its generated H·v against central differences of its generated gradient.</summary>
public sealed class GmmHessianVectorTests
{
    [Fact]
    public void ObjectiveHessianVector_OnSmallFile_MatchesCentralDifferencesOfTheGradient()
    {
        var data = GmmData.Load(SharedData.GmmFile("1k/gmm_d2_K5.txt"));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        int ka = data.Alphas.Length, km = data.Means.Length, n = data.ParameterCount;
        double[] p = data.Alphas.Concat(data.Means).Concat(data.Icf).ToArray();
        var random = new Random(5);
        double[] v = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();

        double[] Gradient(double[] q)
        {
            var g = new double[n];
            GmmObjective.ObjectiveGradient(q.AsSpan(0, ka), q.AsSpan(ka, km), q.AsSpan(ka + km), data.Points, data.D, data.K, data.N,
                data.WishartGamma, data.WishartM, constant, g.AsSpan(0, ka), g.AsSpan(ka, km), g.AsSpan(ka + km));
            return g;
        }
        var hv = new double[n];
        double value = GmmObjective.ObjectiveHessianVector(p.AsSpan(0, ka), p.AsSpan(ka, km), p.AsSpan(ka + km), data.Points, data.D, data.K, data.N,
            data.WishartGamma, data.WishartM, constant, v.AsSpan(0, ka), v.AsSpan(ka, km), v.AsSpan(ka + km), hv.AsSpan(0, ka), hv.AsSpan(ka, km), hv.AsSpan(ka + km));
        Assert.Equal(GmmObjective.Evaluate(data), value, 9);

        double h = 1e-4;
        double[] At(double t) => Gradient(p.Select((x, i) => x + t * v[i]).ToArray());
        double[] p2 = At(2 * h), p1 = At(h), m1 = At(-h), m2 = At(-2 * h);
        double scale = Math.Max(1.0, hv.Max(Math.Abs));
        for (int i = 0; i < n; i++)
        {
            double reference = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h);
            Support.Numeric.AssertClose(reference, hv[i], 1e-6, 1e-7 * scale, $"GMM (H v)[{i}]");
        }
    }
}
