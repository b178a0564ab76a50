using System;

namespace DiffGen.Samples.Gmm;

/// <summary>
/// The GMM objective (ADBench's definition, see shared/data/adbench-gmm/README.md) written as plain
/// loops. The generator differentiates <see cref="Objective"/> with respect to alphas, means and icf.
/// </summary>
public static partial class GmmObjective
{
    /// <summary>
    /// f = -(n d / 2) log 2π + Σ_i logsumexp_k [α_k + Σ_j q_kj - ½‖Q_k (x_i - μ_k)‖²] - n logsumexp(α)
    ///     + Σ_k [(γ²/2)(Σ_j exp(q_kj)² + ‖l_k‖²) - m Σ_j q_kj] - K C.
    /// <paramref name="constant"/> carries the data-only terms -(n d / 2) log 2π - K C.
    /// </summary>
    [Differentiable]
    public static double Objective(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf,
                                   [NoDerivative] ReadOnlySpan<double> points, int d, int k, int n,
                                   [NoDerivative] double wishartGamma, int wishartM, [NoDerivative] double constant)
    {
        int icfSize = d * (d + 1) / 2;
        double[] sumLogDiagonal = new double[k];
        double[] centered = new double[d];
        double[] transformed = new double[d];
        double[] mainTerm = new double[k];
        for (int c = 0; c < k; c++)
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += icf[c * icfSize + j];
            sumLogDiagonal[c] = s;
        }

        double sumLogSumExp = 0;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++) centered[j] = points[i * d + j] - means[c * d + j];
                // Q_k (x_i - μ_k): diagonal exp(q), strict lower triangle from l, column by column.
                for (int j = 0; j < d; j++) transformed[j] = Math.Exp(icf[c * icfSize + j]) * centered[j];
                int lower = c * icfSize + d;
                for (int column = 0; column < d; column++)
                {
                    for (int row = column + 1; row < d; row++)
                    {
                        transformed[row] += icf[lower] * centered[column];
                        lower++;
                    }
                }
                double squaredNorm = 0;
                for (int j = 0; j < d; j++) squaredNorm += transformed[j] * transformed[j];
                mainTerm[c] = alphas[c] + sumLogDiagonal[c] - 0.5 * squaredNorm;
            }
            double largest = mainTerm[0];
            for (int c = 1; c < k; c++) if (mainTerm[c] > largest) largest = mainTerm[c];
            double sumExp = 0;
            for (int c = 0; c < k; c++) sumExp += Math.Exp(mainTerm[c] - largest);
            sumLogSumExp += largest + Math.Log(sumExp);
        }

        double largestAlpha = alphas[0];
        for (int c = 1; c < k; c++) if (alphas[c] > largestAlpha) largestAlpha = alphas[c];
        double sumExpAlpha = 0;
        for (int c = 0; c < k; c++) sumExpAlpha += Math.Exp(alphas[c] - largestAlpha);
        double logSumExpAlphas = largestAlpha + Math.Log(sumExpAlpha);

        double prior = 0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0;
            double sumLog = 0;
            for (int j = 0; j < d; j++)
            {
                double diagonal = Math.Exp(icf[c * icfSize + j]);
                frobenius += diagonal * diagonal;
                sumLog += icf[c * icfSize + j];
            }
            for (int j = d; j < icfSize; j++) frobenius += icf[c * icfSize + j] * icf[c * icfSize + j];
            prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumLog;
        }

        return constant + sumLogSumExp - n * logSumExpAlphas + prior;
    }

    /// <summary>
    /// <see cref="Objective"/> with exp(q_kj) computed once per call into a K·d array instead of once per
    /// point and component, as ADBench's reference C++ does (and as <see cref="GmmHandGradient"/> does):
    /// same value up to rounding, n times fewer exponentials. The benchmarks differentiate both, to
    /// separate what the generated gradient costs from what the way the source is written costs.
    /// </summary>
    [Differentiable]
    public static double ObjectivePrecomputedDiagonal(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf,
                                                      [NoDerivative] ReadOnlySpan<double> points, int d, int k, int n,
                                                      [NoDerivative] double wishartGamma, int wishartM, [NoDerivative] double constant)
    {
        int icfSize = d * (d + 1) / 2;
        double[] sumLogDiagonal = new double[k];
        double[] diagonal = new double[k * d];
        double[] centered = new double[d];
        double[] transformed = new double[d];
        double[] mainTerm = new double[k];
        for (int c = 0; c < k; c++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                s += icf[c * icfSize + j];
                diagonal[c * d + j] = Math.Exp(icf[c * icfSize + j]);
            }
            sumLogDiagonal[c] = s;
        }

        double sumLogSumExp = 0;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++) centered[j] = points[i * d + j] - means[c * d + j];
                for (int j = 0; j < d; j++) transformed[j] = diagonal[c * d + j] * centered[j];
                int lower = c * icfSize + d;
                for (int column = 0; column < d; column++)
                {
                    for (int row = column + 1; row < d; row++)
                    {
                        transformed[row] += icf[lower] * centered[column];
                        lower++;
                    }
                }
                double squaredNorm = 0;
                for (int j = 0; j < d; j++) squaredNorm += transformed[j] * transformed[j];
                mainTerm[c] = alphas[c] + sumLogDiagonal[c] - 0.5 * squaredNorm;
            }
            double largest = mainTerm[0];
            for (int c = 1; c < k; c++) if (mainTerm[c] > largest) largest = mainTerm[c];
            double sumExp = 0;
            for (int c = 0; c < k; c++) sumExp += Math.Exp(mainTerm[c] - largest);
            sumLogSumExp += largest + Math.Log(sumExp);
        }

        double largestAlpha = alphas[0];
        for (int c = 1; c < k; c++) if (alphas[c] > largestAlpha) largestAlpha = alphas[c];
        double sumExpAlpha = 0;
        for (int c = 0; c < k; c++) sumExpAlpha += Math.Exp(alphas[c] - largestAlpha);
        double logSumExpAlphas = largestAlpha + Math.Log(sumExpAlpha);

        double prior = 0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0;
            for (int j = 0; j < d; j++) frobenius += diagonal[c * d + j] * diagonal[c * d + j];
            for (int j = d; j < icfSize; j++) frobenius += icf[c * icfSize + j] * icf[c * icfSize + j];
            prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumLogDiagonal[c];
        }

        return constant + sumLogSumExp - n * logSumExpAlphas + prior;
    }

    /// <summary>The value of <see cref="ObjectivePrecomputedDiagonal"/> at the data's parameters.</summary>
    public static double EvaluatePrecomputedDiagonal(GmmData data)
        => ObjectivePrecomputedDiagonal(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM,
                                        Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM));

    /// <summary>The generated gradient of <see cref="ObjectivePrecomputedDiagonal"/>, in ADBench's order; overwrites <paramref name="gradient"/>.</summary>
    public static double EvaluateGradientPrecomputedDiagonal(GmmData data, Span<double> gradient)
    {
        if (gradient.Length != data.ParameterCount) throw new ArgumentException($"gradient must have {data.ParameterCount} entries.", nameof(gradient));
        gradient.Clear();
        var dAlphas = gradient.Slice(0, data.Alphas.Length);
        var dMeans = gradient.Slice(data.Alphas.Length, data.Means.Length);
        var dIcf = gradient.Slice(data.Alphas.Length + data.Means.Length, data.Icf.Length);
        return ObjectivePrecomputedDiagonalGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM,
                                                    Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM), dAlphas, dMeans, dIcf);
    }

    /// <summary>The data-only part of the objective: -(n d / 2) log 2π - K C, with C the Wishart normaliser.</summary>
    public static double Constant(int d, int k, int n, double wishartGamma, int wishartM)
    {
        int degrees = d + wishartM + 1;
        double logGammaD = d * (d - 1) / 4.0 * Math.Log(Math.PI);
        for (int j = 1; j <= d; j++) logGammaD += LogGamma(0.5 * degrees + (1 - j) / 2.0);
        double c = degrees * d * (Math.Log(wishartGamma) - 0.5 * Math.Log(2)) - logGammaD;
        return -0.5 * n * d * Math.Log(2 * Math.PI) - k * c;
    }

    /// <summary>The objective at the data's parameters.</summary>
    public static double Evaluate(GmmData data)
        => Objective(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM,
                     Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM));

    /// <summary>The objective and its gradient at the data's parameters, in ADBench's order (alphas, means, icf).</summary>
    public static double EvaluateGradient(GmmData data, Span<double> gradient)
    {
        if (gradient.Length != data.ParameterCount) throw new ArgumentException($"gradient must have {data.ParameterCount} entries.", nameof(gradient));
        gradient.Clear();
        var dAlphas = gradient.Slice(0, data.Alphas.Length);
        var dMeans = gradient.Slice(data.Alphas.Length, data.Means.Length);
        var dIcf = gradient.Slice(data.Alphas.Length + data.Means.Length, data.Icf.Length);
        return ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM,
                                 Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM), dAlphas, dMeans, dIcf);
    }

    /// <summary>log Γ(x) for x &gt; 0 (Lanczos, g = 7, about 15 digits).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        ReadOnlySpan<double> coefficients = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        double sum = coefficients[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) sum += coefficients[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
