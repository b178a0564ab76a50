using System;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

/// <summary>f(x) = x'A x / 2 - b'x with a seeded symmetric positive definite A = M'M + I (n x n) and its closed-form
/// gradient A x - b and product A v.</summary>
internal sealed class QuadraticProblem
{
    public QuadraticProblem(int n, int seed)
    {
        N = n;
        var rng = new Random(seed);
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) m[i, j] = rng.NextDouble() - 0.5;
        A = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = i == j ? 1.0 : 0.0;
                for (int k = 0; k < n; k++) s += m[k, i] * m[k, j];
                A[i, j] = s;
            }

        B = new double[n];
        for (int i = 0; i < n; i++) B[i] = rng.NextDouble() - 0.5;
    }

    public int N { get; }

    public double[,] A { get; }

    public double[] B { get; }

    public double Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double f = 0.0;
        for (int i = 0; i < N; i++)
        {
            double ax = 0.0;
            for (int j = 0; j < N; j++) ax += A[i, j] * x[j];
            g[i] += ax - B[i];
            f += 0.5 * x[i] * ax - B[i] * x[i];
        }

        return f;
    }

    public void HessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv)
    {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) hv[i] += A[i, j] * v[j];
    }

    /// <summary>||A x - b||.</summary>
    public double Residual(ReadOnlySpan<double> x)
    {
        var g = new double[N];
        Gradient(x, g);
        double s = 0.0;
        foreach (double v in g) s += v * v;
        return Math.Sqrt(s);
    }
}
