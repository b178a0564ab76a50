using System;

namespace DiffGen.Samples.Gmm;

/// <summary>
/// The gradient of <see cref="GmmObjective.Objective"/> written by hand, the baseline the generated
/// <c>ObjectiveGradient</c> is measured against. It is what a competent engineer writes without a tool
/// (the shape of ADBench's manual C++ gradient): exp of the log-diagonals computed once per call, one
/// forward pass per point that keeps each component's centred point and its image under Q_k in
/// per-point buffers (reused across points), then that point's reverse sweep over the components. No
/// tape, no recomputation. Same parameters and conventions as the generated method: returns the value,
/// and adds the partial derivatives to the shadows.
/// </summary>
public static class GmmHandGradient
{
    /// <summary>The objective and its gradient; <paramref name="dalphas"/>, <paramref name="dmeans"/> and <paramref name="dicf"/> are added to.</summary>
    public static double ObjectiveGradient(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf,
                                           ReadOnlySpan<double> points, int d, int k, int n, double wishartGamma, int wishartM, double constant,
                                           Span<double> dalphas, Span<double> dmeans, Span<double> dicf)
    {
        if (dalphas.Length != alphas.Length) throw new ArgumentException($"dalphas must have the length of alphas ({alphas.Length}), not {dalphas.Length}.", nameof(dalphas));
        if (dmeans.Length != means.Length) throw new ArgumentException($"dmeans must have the length of means ({means.Length}), not {dmeans.Length}.", nameof(dmeans));
        if (dicf.Length != icf.Length) throw new ArgumentException($"dicf must have the length of icf ({icf.Length}), not {dicf.Length}.", nameof(dicf));
        int icfSize = d * (d + 1) / 2;
        var sumLogDiagonal = new double[k];
        var diagonal = new double[k * d];      // exp(q_kj)
        var centered = new double[k * d];      // x_i - mu_k, for the current point
        var transformed = new double[k * d];   // Q_k (x_i - mu_k), for the current point
        var mainTerm = new double[k];
        var weightSum = new double[k];         // Σ_i softmax weight of component k: the partial of Σ_i lse_i by sum_j q_kj
        var transformedBar = new double[d];
        var centeredBar = new double[d];

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
            var x = points.Slice(i * d, d);
            for (int c = 0; c < k; c++)
            {
                var xc = centered.AsSpan(c * d, d);
                var qx = transformed.AsSpan(c * d, d);
                var mu = means.Slice(c * d, d);
                var q = diagonal.AsSpan(c * d, d);
                for (int j = 0; j < d; j++)
                {
                    xc[j] = x[j] - mu[j];
                    qx[j] = q[j] * xc[j];
                }
                int lower = c * icfSize + d;
                for (int column = 0; column < d; column++)
                {
                    double value = xc[column];
                    for (int row = column + 1; row < d; row++) qx[row] += icf[lower++] * value;
                }
                double squaredNorm = 0;
                for (int j = 0; j < d; j++) squaredNorm += qx[j] * qx[j];
                mainTerm[c] = alphas[c] + sumLogDiagonal[c] - 0.5 * squaredNorm;
            }
            double largest = mainTerm[0];
            for (int c = 1; c < k; c++) if (mainTerm[c] > largest) largest = mainTerm[c];
            double sumExp = 0;
            for (int c = 0; c < k; c++)
            {
                double e = Math.Exp(mainTerm[c] - largest);
                mainTerm[c] = e; // from here on, the unnormalised weight
                sumExp += e;
            }
            sumLogSumExp += largest + Math.Log(sumExp);

            // Reverse sweep of this point: d lse / d mainTerm_c = w_c, the softmax weight.
            double inverse = 1 / sumExp;
            for (int c = 0; c < k; c++)
            {
                double w = mainTerm[c] * inverse;
                dalphas[c] += w;
                weightSum[c] += w;
                var xc = centered.AsSpan(c * d, d);
                var qx = transformed.AsSpan(c * d, d);
                var q = diagonal.AsSpan(c * d, d);
                var dmu = dmeans.Slice(c * d, d);
                var dq = dicf.Slice(c * icfSize, d);
                // mainTerm = ... - ½‖qx‖²: qx_bar = -w qx.
                for (int j = 0; j < d; j++)
                {
                    double bar = -w * qx[j];
                    transformedBar[j] = bar;
                    dq[j] += bar * q[j] * xc[j];
                    centeredBar[j] = bar * q[j];
                }
                int lower = c * icfSize + d;
                for (int column = 0; column < d; column++)
                {
                    double value = xc[column];
                    double bar = centeredBar[column];
                    for (int row = column + 1; row < d; row++)
                    {
                        dicf[lower] += transformedBar[row] * value;
                        bar += transformedBar[row] * icf[lower];
                        lower++;
                    }
                    centeredBar[column] = bar;
                }
                for (int j = 0; j < d; j++) dmu[j] -= centeredBar[j];
            }
        }

        double largestAlpha = alphas[0];
        for (int c = 1; c < k; c++) if (alphas[c] > largestAlpha) largestAlpha = alphas[c];
        double sumExpAlpha = 0;
        for (int c = 0; c < k; c++) sumExpAlpha += Math.Exp(alphas[c] - largestAlpha);
        double logSumExpAlphas = largestAlpha + Math.Log(sumExpAlpha);
        for (int c = 0; c < k; c++) dalphas[c] -= n * Math.Exp(alphas[c] - logSumExpAlphas);

        // Wishart prior: (γ²/2)(Σ_j exp(q_kj)² + ‖l_k‖²) - m Σ_j q_kj.
        double gammaSquared = wishartGamma * wishartGamma;
        double prior = 0;
        for (int c = 0; c < k; c++)
        {
            double frobenius = 0;
            for (int j = 0; j < d; j++)
            {
                double e = diagonal[c * d + j];
                frobenius += e * e;
                dicf[c * icfSize + j] += weightSum[c] + gammaSquared * e * e - wishartM;
            }
            for (int j = d; j < icfSize; j++)
            {
                double l = icf[c * icfSize + j];
                frobenius += l * l;
                dicf[c * icfSize + j] += gammaSquared * l;
            }
            prior += 0.5 * gammaSquared * frobenius - wishartM * sumLogDiagonal[c];
        }

        return constant + sumLogSumExp - n * logSumExpAlphas + prior;
    }

    /// <summary>The objective and its gradient at the data's parameters, in ADBench's order (alphas, means, icf); overwrites <paramref name="gradient"/>.</summary>
    public static double EvaluateGradient(GmmData data, Span<double> gradient)
    {
        if (gradient.Length != data.ParameterCount) throw new ArgumentException($"gradient must have {data.ParameterCount} entries.", nameof(gradient));
        gradient.Clear();
        var dAlphas = gradient.Slice(0, data.Alphas.Length);
        var dMeans = gradient.Slice(data.Alphas.Length, data.Means.Length);
        var dIcf = gradient.Slice(data.Alphas.Length + data.Means.Length, data.Icf.Length);
        return ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM,
                                 GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM), dAlphas, dMeans, dIcf);
    }
}
