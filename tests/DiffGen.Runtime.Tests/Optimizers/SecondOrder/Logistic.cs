using System;

namespace DiffGen.Runtime.Tests.Optimizers.SecondOrder;

/// <summary>
/// L2-regularized logistic regression F(w) = (1/n) sum_i log(1 + exp(-y_i x_i . w)) + (lambda/2) ||w||^2 on seeded
/// synthetic rows: standard Gaussian (<c>rank</c> = 0), or a badly conditioned design x_i = a_i B + noise e_i with
/// Gaussian a_i (length rank), B (rank x d, entries of variance 1/d) and e_i, so the data term's Hessian has rank large
/// eigenvalues and d - rank of order noise^2. Labels are drawn from the logistic model with a Gaussian truth. Closed
/// forms written here: grad F = (1/n) sum_i -y_i s(-y_i z_i) x_i + lambda w and
/// H v = (1/n) sum_i s(z_i) s(-z_i) (x_i . v) x_i + lambda v, s the logistic function.
/// </summary>
internal sealed class Logistic
{
    private readonly double[] _x, _y;

    public Logistic(int n, int d, double lambda, int seed, int rank = 0, double noise = 1.0)
    {
        (N, D, Lambda) = (n, d, lambda);
        var rng = new Random(seed);
        _x = new double[n * d];
        _y = new double[n];
        var truth = new double[d];
        for (int j = 0; j < d; j++) truth[j] = Gaussian(rng);
        var basis = new double[rank, d];
        for (int r = 0; r < rank; r++)
            for (int j = 0; j < d; j++) basis[r, j] = Gaussian(rng) / Math.Sqrt(d);
        var a = new double[rank];
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < rank; r++) a[r] = Gaussian(rng);
            double z = 0.0;
            for (int j = 0; j < d; j++)
            {
                double v = noise * Gaussian(rng);
                for (int r = 0; r < rank; r++) v += a[r] * basis[r, j];
                _x[i * d + j] = v;
                z += v * truth[j];
            }

            _y[i] = rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-z)) ? 1.0 : -1.0;
        }
    }

    public int N { get; }

    public int D { get; }

    public double Lambda { get; }

    public double Gradient(ReadOnlySpan<double> w, Span<double> g)
    {
        double f = 0.0;
        for (int i = 0; i < N; i++)
        {
            var row = _x.AsSpan(i * D, D);
            double m = _y[i] * Dot(row, w);
            f += m > 0 ? Math.Log(1.0 + Math.Exp(-m)) : -m + Math.Log(1.0 + Math.Exp(m));
            double c = -_y[i] / (1.0 + Math.Exp(m)) / N;
            for (int j = 0; j < D; j++) g[j] += c * row[j];
        }

        double r = 0.0;
        for (int j = 0; j < D; j++)
        {
            g[j] += Lambda * w[j];
            r += w[j] * w[j];
        }

        return f / N + 0.5 * Lambda * r;
    }

    public void HessianVector(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> hv)
    {
        for (int i = 0; i < N; i++)
        {
            var row = _x.AsSpan(i * D, D);
            double s = 1.0 / (1.0 + Math.Exp(-Dot(row, w)));
            double c = s * (1.0 - s) * Dot(row, v) / N;
            for (int j = 0; j < D; j++) hv[j] += c * row[j];
        }

        for (int j = 0; j < D; j++) hv[j] += Lambda * v[j];
    }

    /// <summary>diag H = (1/n) sum_i s(z_i) s(-z_i) x_ij^2 + lambda (overwritten into <paramref name="diagonal"/>).</summary>
    public void Diagonal(ReadOnlySpan<double> w, Span<double> diagonal)
    {
        diagonal.Fill(Lambda);
        for (int i = 0; i < N; i++)
        {
            var row = _x.AsSpan(i * D, D);
            double s = 1.0 / (1.0 + Math.Exp(-Dot(row, w)));
            double c = s * (1.0 - s) / N;
            for (int j = 0; j < D; j++) diagonal[j] += c * row[j] * row[j];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0.0;
        for (int j = 0; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
