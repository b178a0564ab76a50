using System;

namespace DiffGen.Gradients.Tests.Arrays.Corpus;

/// <summary>
/// Inner loops of eight iterations or more inside other loops, recording nothing for their adjoint: reverse
/// mode runs their primal from methods of their own (generator/Stages/LoopOutlining.cs) when they run that
/// long, inline when shorter. Triangles whose inner trip count grows from 0 past 8 take both paths in one call.
/// </summary>
public static partial class OutlinedLoopFunctions
{
    /// <summary>Σ_r (Σ_{c&lt;r} l[o_rc] x_c + e^{q_r} x_r)², the lower triangle stepped column by column as in the GMM objective.</summary>
    [Differentiable]
    public static double LowerTriangleSquares(double[] l, double[] q, [NoDerivative] double[] x)
    {
        int d = x.Length;
        double total = 0;
        for (int row = 0; row < d; row++)
        {
            double value = Math.Exp(q[row]) * x[row];
            int offset = row - 1;
            for (int column = 0; column < row; column++)
            {
                value += l[offset] * x[column];
                offset += d - column - 2;
            }
            total += value * value;
        }
        return total;
    }

    /// <summary>Σ_k sin(Σ_{j=hi..lo, counting down, inclusive} w_j x_{kj}) over rows k: a &gt;= bound counting down.</summary>
    [Differentiable]
    public static double CountDownRows(double[] w, double[] x, int rows)
    {
        int m = w.Length;
        double total = 0;
        for (int k = 0; k < rows; k++)
        {
            double s = 0;
            for (int j = m - 1; j >= 0; j--) s += w[j] * x[k * m + j];
            total += Math.Sin(s);
        }
        return total;
    }

    /// <summary>Σ_k tanh(Σ_{j=0..last} w_j² e^{x_{kj}}): an inclusive bound and library math in the inner loop.</summary>
    [Differentiable]
    public static double InclusiveBoundRows(double[] w, double[] x, int rows)
    {
        int last = w.Length - 1;
        double total = 0;
        for (int k = 0; k < rows; k++)
        {
            double s = 0;
            for (int j = 0; j <= last; j++) s += w[j] * w[j] * Math.Exp(x[k * w.Length + j]);
            total += Math.Tanh(0.1 * s);
        }
        return total;
    }

    /// <summary>A scratch row written by an inner loop, then reduced by another: Σ_k Σ_j (h_j)² h_{j-1} with h = x_k ∘ w.</summary>
    [Differentiable]
    public static double ScratchRows(double[] w, double[] x, int rows)
    {
        int m = w.Length;
        double[] h = new double[m];
        double total = 0;
        for (int k = 0; k < rows; k++)
        {
            for (int j = 0; j < m; j++) h[j] = x[k * m + j] * w[j];
            for (int j = 1; j < m; j++) total += h[j] * h[j] * h[j - 1];
        }
        return total;
    }

    /// <summary>The triangle through an inlined helper over span views, as the GMM objective written with helpers.</summary>
    [Differentiable]
    public static double Mahalanobis(ReadOnlySpan<double> mu, ReadOnlySpan<double> lower, [NoDerivative] ReadOnlySpan<double> x)
    {
        int d = x.Length;
        double total = 0;
        for (int row = 0; row < d; row++)
        {
            double value = x[row] - mu[row];
            int offset = row - 1;
            for (int column = 0; column < row; column++)
            {
                value += lower[offset] * (x[column] - mu[column]);
                offset += d - column - 2;
            }
            total += value * value;
        }
        return total;
    }

    /// <summary>Σ_i Mahalanobis(x_i; mu, lower) over points: the helper inlined in the points loop.</summary>
    [Differentiable]
    public static double PointsMahalanobis(double[] mu, double[] lower, [NoDerivative] double[] points, int n)
    {
        int d = mu.Length;
        double total = 0;
        for (int i = 0; i < n; i++) total += Math.Log(1 + Mahalanobis(mu, lower, points.AsSpan(i * d, d)));
        return total;
    }

    /// <summary><see cref="ScratchRows"/> in float.</summary>
    [Differentiable]
    public static float ScratchRowsF(float[] w, float[] x, int rows)
    {
        int m = w.Length;
        float[] h = new float[m];
        float total = 0;
        for (int k = 0; k < rows; k++)
        {
            for (int j = 0; j < m; j++) h[j] = x[k * m + j] * w[j];
            for (int j = 1; j < m; j++) total += h[j] * h[j] * h[j - 1];
        }
        return total;
    }
}
