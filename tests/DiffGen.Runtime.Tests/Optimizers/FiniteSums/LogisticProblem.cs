using System;
using System.Linq;
using DiffGen.Optimizers.FiniteSums;

namespace DiffGen.Runtime.Tests.Optimizers.FiniteSums;

/// <summary>
/// L2-regularized logistic regression F(w) = (1/n) sum_i log(1 + exp(-y_i x_i . w)) + (lambda/2) ||w||^2 on seeded
/// synthetic data (rows of norm 1, noisy labels), with its exact optimum from Newton's method written here
/// independently of the runtime (dense Hessian, Cholesky), iterated until the gradient norm is below 1e-15.
/// </summary>
internal sealed class LogisticProblem
{
    public LogisticProblem(int n, int d, double lambda, int seed)
    {
        N = n;
        D = d;
        Lambda = lambda;
        var rng = new Random(seed);
        double[] truth = Enumerable.Range(0, d).Select(_ => 2.0 * rng.NextDouble() - 1.0).ToArray();
        X = new double[n * d];
        Y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double norm = 0.0;
            for (int j = 0; j < d; j++) norm += (X[i * d + j] = Gaussian(rng)) * X[i * d + j];
            double z = 0.0;
            for (int j = 0; j < d; j++) z += (X[i * d + j] /= Math.Sqrt(norm)) * truth[j] * 3.0;
            Y[i] = rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-z)) ? 1.0 : -1.0;
        }

        Optimum = Newton();
        OptimalValue = Value(Optimum);
    }

    public int N { get; }

    public int D { get; }

    public double Lambda { get; }

    public double[] X { get; }

    public double[] Y { get; }

    public double[] Optimum { get; }

    public double OptimalValue { get; }

    /// <summary>Rows have norm 1 and |l''| &lt;= 1/4.</summary>
    public double Smoothness => 0.25;

    public double Margin(int i, ReadOnlySpan<double> w)
    {
        double z = 0.0;
        for (int j = 0; j < D; j++) z += X[i * D + j] * w[j];
        return z;
    }

    /// <summary>d/dz log(1 + exp(-y z)) = -y / (1 + exp(y z)).</summary>
    public double LossDerivative(int i, double z) => -Y[i] / (1.0 + Math.Exp(Y[i] * z));

    public double Value(ReadOnlySpan<double> w)
    {
        double f = 0.0;
        for (int i = 0; i < N; i++)
        {
            double t = -Y[i] * Margin(i, w);
            f += t > 0 ? t + Math.Log(1.0 + Math.Exp(-t)) : Math.Log(1.0 + Math.Exp(t));
        }

        double r = 0.0;
        foreach (double v in w) r += v * v;
        return f / N + 0.5 * Lambda * r;
    }

    public LinearModelSum Linear() => new(X, N, D, LossDerivative);

    public SampleGradientSum General() => new(N, D, (i, w, g) =>
    {
        double s = LossDerivative(i, Margin(i, w));
        for (int j = 0; j < D; j++) g[j] += s * X[i * D + j];
        return 0.0;
    });

    private double[] Newton()
    {
        var w = new double[D];
        for (int iteration = 0; iteration < 50; iteration++)
        {
            var g = new double[D];
            var h = new double[D, D];
            for (int i = 0; i < N; i++)
            {
                double z = Margin(i, w), s = LossDerivative(i, z), p = 1.0 / (1.0 + Math.Exp(-Y[i] * z)), c = p * (1.0 - p);
                for (int a = 0; a < D; a++)
                {
                    g[a] += s * X[i * D + a] / N;
                    for (int b = 0; b < D; b++) h[a, b] += c * X[i * D + a] * X[i * D + b] / N;
                }
            }

            double norm = 0.0;
            for (int a = 0; a < D; a++)
            {
                g[a] += Lambda * w[a];
                h[a, a] += Lambda;
                norm += g[a] * g[a];
            }

            if (Math.Sqrt(norm) < 1e-15) return w;
            double[] step = CholeskySolve(h, g);
            for (int a = 0; a < D; a++) w[a] -= step[a];
        }

        return w;
    }

    private double[] CholeskySolve(double[,] a, double[] b)
    {
        var l = new double[D, D];
        for (int i = 0; i < D; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(s) : s / l[j, j];
            }

        var y = new double[D];
        for (int i = 0; i < D; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }

        var x = new double[D];
        for (int i = D - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < D; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }

        return x;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
