using System;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>
/// Reference layers written straight from their definitions (PyTorch's conv2d, max_pool2d, avg_pool2d,
/// batch_norm), as direct loops over every index, with their adjoints as the same loops transposed:
/// nothing shared with the runtime's im2col, GEMM or pooling kernels.
/// </summary>
public static class NaiveLayers
{
    /// <summary>Convolution geometry for the reference loops.</summary>
    public sealed record Conv(int N, int C, int H, int W, int O, int Kh, int Kw, int Stride, int Pad, int Dil, int Groups)
    {
        /// <summary>Output rows.</summary>
        public int Ho => (H + 2 * Pad - Dil * (Kh - 1) - 1) / Stride + 1;

        /// <summary>Output columns.</summary>
        public int Wo => (W + 2 * Pad - Dil * (Kw - 1) - 1) / Stride + 1;

        /// <summary>Input length.</summary>
        public int XLength => N * C * H * W;

        /// <summary>Weight length.</summary>
        public int WLength => O * (C / Groups) * Kh * Kw;

        /// <summary>Output length.</summary>
        public int YLength => N * O * Ho * Wo;

        /// <summary>Calls <paramref name="visit"/>(x index, w index, y index) for every product term of the convolution.</summary>
        public void ForEachTerm(Action<int, int, int> visit)
        {
            int cg = C / Groups, og = O / Groups;
            for (int n = 0; n < N; n++)
            for (int o = 0; o < O; o++)
            for (int p = 0; p < Ho; p++)
            for (int q = 0; q < Wo; q++)
            for (int c = 0; c < cg; c++)
            for (int i = 0; i < Kh; i++)
            for (int j = 0; j < Kw; j++)
            {
                int h = p * Stride - Pad + i * Dil, w = q * Stride - Pad + j * Dil;
                if (h < 0 || h >= H || w < 0 || w >= W) continue;
                int channel = (o / og) * cg + c;
                visit(((n * C + channel) * H + h) * W + w, ((o * cg + c) * Kh + i) * Kw + j, ((n * O + o) * Ho + p) * Wo + q);
            }
        }
    }

    /// <summary>y = conv(x, w) + b (b may be empty).</summary>
    public static double[] ConvForward(Conv g, double[] x, double[] w, double[] b)
    {
        var y = new double[g.YLength];
        g.ForEachTerm((xi, wi, yi) => y[yi] += w[wi] * x[xi]);
        if (b.Length > 0)
        {
            for (int yi = 0; yi < y.Length; yi++) y[yi] += b[yi / (g.Ho * g.Wo) % g.O];
        }

        return y;
    }

    /// <summary>The adjoint: gradients of &lt;dy, conv(x, w) + b&gt; with respect to x, w and b.</summary>
    public static (double[] Dx, double[] Dw, double[] Db) ConvBackward(Conv g, double[] x, double[] w, double[] dy)
    {
        double[] dx = new double[x.Length], dw = new double[w.Length], db = new double[g.O];
        g.ForEachTerm((xi, wi, yi) =>
        {
            dx[xi] += w[wi] * dy[yi];
            dw[wi] += x[xi] * dy[yi];
        });
        for (int yi = 0; yi < dy.Length; yi++) db[yi / (g.Ho * g.Wo) % g.O] += dy[yi];
        return (dx, dw, db);
    }

    /// <summary>Max (or, with <paramref name="average"/>, average with padding counted) pooling.</summary>
    public static double[] Pool(double[] x, int n, int c, int h, int w, int k, int s, int pad, bool average)
    {
        int ho = (h + 2 * pad - k) / s + 1, wo = (w + 2 * pad - k) / s + 1;
        var y = new double[n * c * ho * wo];
        for (int plane = 0; plane < n * c; plane++)
        for (int p = 0; p < ho; p++)
        for (int q = 0; q < wo; q++)
        {
            double best = double.NegativeInfinity, sum = 0;
            for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                int r = p * s - pad + i, col = q * s - pad + j;
                if (r < 0 || r >= h || col < 0 || col >= w) continue;
                double v = x[(plane * h + r) * w + col];
                best = Math.Max(best, v);
                sum += v;
            }

            y[(plane * ho + p) * wo + q] = average ? sum / (k * k) : best;
        }

        return y;
    }

    /// <summary>Batch normalization with the given (or, when null, the batch's biased) statistics.</summary>
    public static double[] BatchNorm(double[] x, double[] gamma, double[] beta, int n, int c, int s, double eps,
                                     double[]? mean = null, double[]? variance = null)
    {
        (double[] m, double[] v) = mean is null ? BatchStatistics(x, n, c, s) : (mean, variance!);
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int ch = i / s % c;
            y[i] = gamma[ch] * (x[i] - m[ch]) / Math.Sqrt(v[ch] + eps) + beta[ch];
        }

        return y;
    }

    /// <summary>Per-channel mean and biased variance over samples and pixels.</summary>
    public static (double[] Mean, double[] Variance) BatchStatistics(double[] x, int n, int c, int s)
    {
        double[] m = new double[c], v = new double[c];
        for (int i = 0; i < x.Length; i++) m[i / s % c] += x[i] / (n * s);
        for (int i = 0; i < x.Length; i++) v[i / s % c] += (x[i] - m[i / s % c]) * (x[i] - m[i / s % c]) / (n * s);
        return (m, v);
    }
}
