using System;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers.FiniteSums;

/// <summary>Each method against the papers' pseudo-code written here with plain arrays, drawing the same samples
/// (the same seeded generator and the same uniform mapping), on a small logistic regression.</summary>
public class FiniteSumReferenceTests
{
    private static readonly LogisticProblem Problem = new(n: 40, d: 3, lambda: 0.2, seed: 8);
    private const int Steps = 150;
    private const double Step = 0.5;

    private static double[] Grad(int i, double[] w) =>
        Enumerable.Range(0, Problem.D).Select(j => Problem.LossDerivative(i, Problem.Margin(i, w)) * Problem.X[i * Problem.D + j]).ToArray();

    private static int Draw(NoiseSource rng) => (int)(((UInt128)rng.NextUInt64() * (ulong)Problem.N) >> 64);

    private static double[] SagReference()
    {
        int n = Problem.N, d = Problem.D;
        var rng = new NoiseSource(2);
        double[] w = new double[d], sum = new double[d];
        var y = new double[n][];
        int seen = 0;
        for (int k = 0; k < Steps; k++)
        {
            int i = Draw(rng);
            double[] g = Grad(i, w);
            if (y[i] is null) { seen++; y[i] = new double[d]; }
            for (int j = 0; j < d; j++) { sum[j] += g[j] - y[i][j]; y[i][j] = g[j]; }
            for (int j = 0; j < d; j++) w[j] -= Step * (sum[j] / seen + Problem.Lambda * w[j]);
        }

        return w;
    }

    private static double[] SagaReference()
    {
        int n = Problem.N, d = Problem.D;
        var rng = new NoiseSource(2);
        double[] w = new double[d];
        double[][] phi = Enumerable.Range(0, n).Select(i => Grad(i, w)).ToArray();
        for (int k = 0; k < Steps; k++)
        {
            int i = Draw(rng);
            double[] g = Grad(i, w);
            double[] mean = Enumerable.Range(0, d).Select(j => phi.Average(p => p[j])).ToArray();
            for (int j = 0; j < d; j++) w[j] -= Step * (g[j] - phi[i][j] + mean[j] + Problem.Lambda * w[j]);
            phi[i] = g;
        }

        return w;
    }

    private static double[] SvrgReference(int m)
    {
        int n = Problem.N, d = Problem.D;
        var rng = new NoiseSource(2);
        double[] w = new double[d], snapshot = new double[d], mu = new double[d];
        for (int k = 0; k < Steps; k++)
        {
            if (k % m == 0)
            {
                snapshot = (double[])w.Clone();
                mu = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Average(i => Grad(i, snapshot)[j])).ToArray();
            }

            int s = Draw(rng);
            double[] g = Grad(s, w), g0 = Grad(s, snapshot);
            for (int j = 0; j < d; j++) w[j] -= Step * (g[j] - g0[j] + mu[j] + Problem.Lambda * w[j]);
        }

        return w;
    }

    [Theory]
    [InlineData("SAG", true)]
    [InlineData("SAG", false)]
    [InlineData("SAGA", true)]
    [InlineData("SAGA", false)]
    [InlineData("SVRG", true)]
    [InlineData("SVRG", false)]
    public void Steps_MatchPaperPseudoCode(string method, bool compact)
    {
        var w = new Parameter<double>(new double[Problem.D], "w");
        FiniteSum sum = compact ? Problem.Linear() : Problem.General();
        FiniteSumOptimizer o = method switch
        {
            "SAG" => new Sag(w, sum, new SagOptions { Lr = Step, WeightDecay = Problem.Lambda, Seed = 2 }),
            "SAGA" => new Saga(w, sum, new SagaOptions { Lr = Step, WeightDecay = Problem.Lambda, Seed = 2 }),
            _ => new Svrg(w, sum, new SvrgOptions { Lr = Step, WeightDecay = Problem.Lambda, Seed = 2, InnerLoopLength = 25 }),
        };
        for (int k = 0; k < Steps; k++) o.Step();
        double[] expected = method switch { "SAG" => SagReference(), "SAGA" => SagaReference(), _ => SvrgReference(25) };
        for (int j = 0; j < Problem.D; j++) Assert.Equal(expected[j], w.Data[j], 1e-12);
    }
}
