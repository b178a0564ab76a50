using System;
using System.Linq;
using DiffGen.Samples.FashionMnist.Model;
using Xunit;

namespace DiffGen.Training.Tests;

/// <summary>
/// H·v of the sample auto-encoder's loss (samples/FashionMnist/Model/Autoencoder.cs, float) through the span
/// primitives' second-order rules.
/// </summary>
public sealed class AutoencoderHessianVectorTests
{
    private const int Batch = 2;

    private static float[][] Weights(Random random)
    {
        int[] widths = Autoencoder.Widths;
        var parameters = new float[12][];
        for (int layer = 0; layer < 6; layer++)
        {
            double scale = 1 / Math.Sqrt(widths[layer]);
            parameters[2 * layer] = Enumerable.Range(0, widths[layer] * widths[layer + 1]).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
            parameters[2 * layer + 1] = Enumerable.Range(0, widths[layer + 1]).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
        }

        return parameters;
    }

    private static float[][] Gradient(float[][] p, float[] x)
    {
        var g = p.Select(a => new float[a.Length]).ToArray();
        Autoencoder.LossGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], x, Batch,
            g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11]);
        return g;
    }

    private static float[][] HessianVector(float[][] p, float[] x, float[][] v)
    {
        var h = p.Select(a => new float[a.Length]).ToArray();
        Autoencoder.LossHessianVector(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], x, Batch,
            v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
            h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11]);
        return h;
    }

    /// <summary>
    /// Along a direction in the output layer only (w6, b6, after the last rectifier) the loss is exactly quadratic, so
    /// the central difference of the gradient with step 1, (g(p + v) - g(p - v)) / 2, is H·v up to float rounding,
    /// every block included (the earlier layers' rows of H·v come from the cross terms).
    /// </summary>
    [Fact]
    public void LossHessianVector_AlongTheOutputLayer_MatchesTheCentralDifferenceOfTheGradient()
    {
        var random = new Random(3);
        float[][] p = Weights(random);
        float[] x = Enumerable.Range(0, Batch * Autoencoder.Inputs).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[][] v = p.Select((a, i) => i >= 10 ? a.Select(_ => (float)((random.NextDouble() * 2 - 1) * 0.05)).ToArray() : new float[a.Length]).ToArray();

        float[][] hv = HessianVector(p, x, v);
        float[][] plus = Gradient(p.Select((a, i) => a.Select((e, j) => e + v[i][j]).ToArray()).ToArray(), x);
        float[][] minus = Gradient(p.Select((a, i) => a.Select((e, j) => e - v[i][j]).ToArray()).ToArray(), x);
        double scale = hv.SelectMany(a => a).Max(e => Math.Abs(e));
        Assert.True(scale > 1e-6, "H·v is zero");
        for (int block = 0; block < 12; block++)
        {
            for (int j = 0; j < p[block].Length; j++)
            {
                double reference = ((double)plus[block][j] - minus[block][j]) / 2;
                Assert.True(Math.Abs(reference - hv[block][j]) <= 1e-3 * scale, $"block {block}[{j}]: difference {reference:R}, H·v {hv[block][j]:R}");
            }
        }
    }
}
