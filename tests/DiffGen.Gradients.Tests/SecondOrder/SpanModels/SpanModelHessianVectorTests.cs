using System;
using System.Linq;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using M = DiffGen.Gradients.Tests.SecondOrder.SpanModels.SpanOpsModels;

namespace DiffGen.Gradients.Tests.SecondOrder.SpanModels;

/// <summary>
/// H·v through models built from the span primitives (their second-order rules): against central differences of the
/// generated gradient, a closed form (softmax regression), a dense Hessian by finite differences, and symmetry.
/// </summary>
public sealed class SpanModelHessianVectorTests
{
    private const int Batch = 4;

    private static readonly int[] MlpSizes =
        [M.Inputs * M.Hidden1, M.Hidden1, M.Hidden1 * M.Hidden2, M.Hidden2, M.Hidden2 * M.Classes, M.Classes];

    private static readonly int[] Labels = [2, 0, 1, 2];

    private static double[] Draw(Random random, int n, double scale) => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();

    /// <summary>The MLP's weights (as torch.nn.Linear draws them), a batch and a direction, in one flat vector each.</summary>
    private static (double[] P, double[] X, double[] V) MlpPoint(int seed)
    {
        var random = new Random(seed);
        double[] p = MlpSizes.Select((n, i) => Draw(random, n, i % 2 == 0 ? 0.6 : 0.3)).SelectMany(a => a).ToArray();
        double[] x = Draw(random, Batch * M.Inputs, 1.0);
        double[] v = Numeric.RandomDirection(random, p.Length);
        return (p, x, v);
    }

    private static ReadOnlySpan<double> Part(double[] flat, int index) => flat.AsSpan(MlpSizes.Take(index).Sum(), MlpSizes[index]);

    private static Span<double> Out(double[] flat, int index) => flat.AsSpan(MlpSizes.Take(index).Sum(), MlpSizes[index]);

    private static double[] MlpGradient(double[] p, double[] x)
    {
        var g = new double[p.Length];
        M.MlpLossGradient(Part(p, 0), Part(p, 1), Part(p, 2), Part(p, 3), Part(p, 4), Part(p, 5), x, Labels, Batch,
            Out(g, 0), Out(g, 1), Out(g, 2), Out(g, 3), Out(g, 4), Out(g, 5));
        return g;
    }

    private static double[] MlpHessianVector(double[] p, double[] x, double[] v, out double value)
    {
        var hv = new double[p.Length];
        value = M.MlpLossHessianVector(Part(p, 0), Part(p, 1), Part(p, 2), Part(p, 3), Part(p, 4), Part(p, 5), x, Labels, Batch,
            Part(v, 0), Part(v, 1), Part(v, 2), Part(v, 3), Part(v, 4), Part(v, 5),
            Out(hv, 0), Out(hv, 1), Out(hv, 2), Out(hv, 3), Out(hv, 4), Out(hv, 5));
        return hv;
    }

    /// <summary>The five-point central difference of <paramref name="gradient"/> along <paramref name="v"/>: (H v) to O(h⁴).</summary>
    private static double[] DirectionalDifference(Func<double[], double[]> gradient, double[] p, double[] v, double h = 1e-4)
    {
        double[] At(double t) => gradient(p.Select((x, i) => x + t * v[i]).ToArray());
        double[] p2 = At(2 * h), p1 = At(h), m1 = At(-h), m2 = At(-2 * h);
        return p.Select((_, i) => (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * h)).ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        double scale = Math.Max(1e-3, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Length; i++) Numeric.AssertClose(expected[i], actual[i], relative, relative * scale, $"{what}[{i}]");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MlpLoss_HessianVector_MatchesCentralDifferencesOfTheGradient(int seed)
    {
        var (p, x, v) = MlpPoint(seed);
        double[] hv = MlpHessianVector(p, x, v, out double value);
        Assert.Equal(M.MlpLoss(Part(p, 0), Part(p, 1), Part(p, 2), Part(p, 3), Part(p, 4), Part(p, 5), x, Labels, Batch), value, 12);
        Assert.Contains(hv, h => Math.Abs(h) > 1e-3); // the direction moves the gradient
        AssertClose(DirectionalDifference(q => MlpGradient(q, x), p, v), hv, 1e-6, "MLP H v");
    }

    [Fact]
    public void MlpLoss_HessianVector_AddsToItsOutputs()
    {
        var (p, x, v) = MlpPoint(4);
        double[] once = MlpHessianVector(p, x, v, out _);
        var twice = new double[p.Length];
        for (int round = 0; round < 2; round++)
        {
            M.MlpLossHessianVector(Part(p, 0), Part(p, 1), Part(p, 2), Part(p, 3), Part(p, 4), Part(p, 5), x, Labels, Batch,
                Part(v, 0), Part(v, 1), Part(v, 2), Part(v, 3), Part(v, 4), Part(v, 5),
                Out(twice, 0), Out(twice, 1), Out(twice, 2), Out(twice, 3), Out(twice, 4), Out(twice, 5));
        }

        for (int i = 0; i < p.Length; i++) Assert.Equal(2 * once[i], twice[i], 12);
    }

    /// <summary>Single precision: H·v of the float model against central differences of the double model's gradient at the same weights.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void MlpLossF_HessianVector_MatchesTheDoubleModelsCentralDifferences(int seed)
    {
        var (p, x, v) = MlpPoint(seed);
        float[] pf = p.Select(a => (float)a).ToArray(), xf = x.Select(a => (float)a).ToArray(), vf = v.Select(a => (float)a).ToArray();
        double[] pd = pf.Select(a => (double)a).ToArray(), xd = xf.Select(a => (double)a).ToArray(), vd = vf.Select(a => (double)a).ToArray();
        var hv = new float[p.Length];
        ReadOnlySpan<float> PartF(float[] f, int i) => f.AsSpan(MlpSizes.Take(i).Sum(), MlpSizes[i]);
        Span<float> OutF(float[] f, int i) => f.AsSpan(MlpSizes.Take(i).Sum(), MlpSizes[i]);
        float value = M.MlpLossFHessianVector(PartF(pf, 0), PartF(pf, 1), PartF(pf, 2), PartF(pf, 3), PartF(pf, 4), PartF(pf, 5), xf, Labels, Batch,
            PartF(vf, 0), PartF(vf, 1), PartF(vf, 2), PartF(vf, 3), PartF(vf, 4), PartF(vf, 5),
            OutF(hv, 0), OutF(hv, 1), OutF(hv, 2), OutF(hv, 3), OutF(hv, 4), OutF(hv, 5));
        Assert.Equal(M.MlpLoss(Part(pd, 0), Part(pd, 1), Part(pd, 2), Part(pd, 3), Part(pd, 4), Part(pd, 5), xd, Labels, Batch), value, 4);
        AssertClose(DirectionalDifference(q => MlpGradient(q, xd), pd, vd), hv.Select(a => (double)a).ToArray(), 2e-4, "float MLP H v");
    }

    /// <summary>The dense Hessian of the MLP (111 inputs): symmetric to rounding, and each column the central difference of the gradient along that axis.</summary>
    [Fact]
    public void MlpLoss_Hessian_IsSymmetricAndMatchesTheFiniteDifferenceHessian()
    {
        var (p, x, _) = MlpPoint(6);
        int n = p.Length;
        var hessian = new double[n * n];
        M.MlpLossHessian(Part(p, 0), Part(p, 1), Part(p, 2), Part(p, 3), Part(p, 4), Part(p, 5), x, Labels, Batch, hessian);
        double scale = hessian.Max(Math.Abs);
        Assert.True(scale > 1e-2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i * n + j] - hessian[j * n + i]) <= 1e-13 * scale, $"H[{i},{j}] = {hessian[i * n + j]:R} but H[{j},{i}] = {hessian[j * n + i]:R}");

        for (int j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            double[] column = DirectionalDifference(q => MlpGradient(q, x), p, e);
            for (int i = 0; i < n; i++) Numeric.AssertClose(column[i], hessian[i * n + j], 1e-6, 1e-7 * scale, $"H[{i},{j}]");
        }
    }

    /// <summary>
    /// Softmax regression: with z_b = x_b W + b and s_b = softmax(z_b), (H v) is, for V = (V_W, v_b), ż_b = x_b V_W + v_b,
    /// r_b = s_b ⊙ (ż_b - s_b·ż_b), (H v)_W = (1/B) Σ_b x_bᵀ r_b and (H v)_b = (1/B) Σ_b r_b.
    /// </summary>
    [Fact]
    public void SoftmaxRegression_HessianVector_MatchesTheClosedForm()
    {
        const int batch = 5, inputs = 3, classes = 4;
        var random = new Random(7);
        double[] w = Draw(random, inputs * classes, 1), b = Draw(random, classes, 1), x = Draw(random, batch * inputs, 1);
        double[] vw = Draw(random, inputs * classes, 1), vb = Draw(random, classes, 1);
        int[] labels = [0, 3, 1, 1, 2];
        double[] hw = new double[w.Length], hb = new double[b.Length];
        M.SoftmaxRegressionHessianVector(w, b, x, labels, batch, inputs, classes, vw, vb, hw, hb);

        double[] expectedW = new double[w.Length], expectedB = new double[b.Length];
        for (int r = 0; r < batch; r++)
        {
            double[] z = new double[classes], zdot = new double[classes];
            for (int c = 0; c < classes; c++)
            {
                z[c] = b[c];
                zdot[c] = vb[c];
                for (int i = 0; i < inputs; i++)
                {
                    z[c] += x[r * inputs + i] * w[i * classes + c];
                    zdot[c] += x[r * inputs + i] * vw[i * classes + c];
                }
            }

            double max = z.Max(), sum = z.Sum(zc => Math.Exp(zc - max));
            double[] s = z.Select(zc => Math.Exp(zc - max) / sum).ToArray();
            double sz = s.Zip(zdot, (a, d) => a * d).Sum();
            for (int c = 0; c < classes; c++)
            {
                double rc = s[c] * (zdot[c] - sz) / batch;
                expectedB[c] += rc;
                for (int i = 0; i < inputs; i++) expectedW[i * classes + c] += x[r * inputs + i] * rc;
            }
        }

        AssertClose(expectedW, hw, 1e-12, "(H v)_W");
        AssertClose(expectedB, hb, 1e-12, "(H v)_b");
    }

    /// <summary>The auto-encoder's ending (Sub, Dot of the error with itself) through two products: H·v against central differences.</summary>
    [Fact]
    public void Reconstruction_HessianVector_MatchesCentralDifferencesOfTheGradient()
    {
        const int batch = 3, inputs = 7, code = 2;
        var random = new Random(8);
        double[] p = Draw(random, 2 * inputs * code, 0.8), x = Draw(random, batch * inputs, 1), v = Numeric.RandomDirection(random, p.Length);
        int half = inputs * code;
        double[] Gradient(double[] q)
        {
            var g = new double[q.Length];
            M.ReconstructionGradient(q.AsSpan(0, half), q.AsSpan(half), x, batch, inputs, code, g.AsSpan(0, half), g.AsSpan(half));
            return g;
        }

        var hv = new double[p.Length];
        M.ReconstructionHessianVector(p.AsSpan(0, half), p.AsSpan(half), x, batch, inputs, code, v.AsSpan(0, half), v.AsSpan(half), hv.AsSpan(0, half), hv.AsSpan(half));
        AssertClose(DirectionalDifference(Gradient, p, v), hv, 1e-7, "reconstruction H v");
    }

    /// <summary>Transposed products, Tanh, Exp, Mul, Sigmoid, Add, Log, Dot, Mean, Sum: H·v against central differences, and a symmetric Hessian.</summary>
    [Fact]
    public void Chain_HessianVectorAndHessian_MatchCentralDifferencesAndAreSymmetric()
    {
        var random = new Random(9);
        double[] p = Draw(random, 15 + 20 + 12, 0.7), v = Numeric.RandomDirection(random, p.Length);
        double[] Gradient(double[] q)
        {
            var g = new double[q.Length];
            M.ChainGradient(q.AsSpan(0, 15), q.AsSpan(15, 20), q.AsSpan(35), g.AsSpan(0, 15), g.AsSpan(15, 20), g.AsSpan(35));
            return g;
        }

        var hv = new double[p.Length];
        M.ChainHessianVector(p.AsSpan(0, 15), p.AsSpan(15, 20), p.AsSpan(35), v.AsSpan(0, 15), v.AsSpan(15, 20), v.AsSpan(35),
            hv.AsSpan(0, 15), hv.AsSpan(15, 20), hv.AsSpan(35));
        AssertClose(DirectionalDifference(Gradient, p, v), hv, 1e-7, "chain H v");

        int n = p.Length;
        var hessian = new double[n * n];
        M.ChainHessian(p.AsSpan(0, 15).ToArray(), p.AsSpan(15, 20).ToArray(), p.AsSpan(35).ToArray(), hessian);
        double scale = hessian.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i * n + j] - hessian[j * n + i]) <= 1e-12 * scale, $"H[{i},{j}] = {hessian[i * n + j]:R} but H[{j},{i}] = {hessian[j * n + i]:R}");
    }

    /// <summary>Softmax and LogSoftmax: H·v against central differences of the gradient, and a symmetric Hessian.</summary>
    [Fact]
    public void Probabilities_HessianVectorAndHessian_MatchCentralDifferencesAndAreSymmetric()
    {
        var random = new Random(10);
        double[] p = Draw(random, 14, 1.5), v = Numeric.RandomDirection(random, p.Length);
        double[] Gradient(double[] q)
        {
            var g = new double[q.Length];
            M.ProbabilitiesGradient(q.AsSpan(0, 7), q.AsSpan(7), g.AsSpan(0, 7), g.AsSpan(7));
            return g;
        }

        var hv = new double[p.Length];
        M.ProbabilitiesHessianVector(p.AsSpan(0, 7), p.AsSpan(7), v.AsSpan(0, 7), v.AsSpan(7), hv.AsSpan(0, 7), hv.AsSpan(7));
        AssertClose(DirectionalDifference(Gradient, p, v), hv, 1e-7, "probabilities H v");

        var hessian = new double[14 * 14];
        M.ProbabilitiesHessian(p.AsSpan(0, 7).ToArray(), p.AsSpan(7).ToArray(), hessian);
        double scale = hessian.Max(Math.Abs);
        for (int i = 0; i < 14; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i * 14 + j] - hessian[j * 14 + i]) <= 1e-12 * scale, $"H[{i},{j}] = {hessian[i * 14 + j]:R} but H[{j},{i}] = {hessian[j * 14 + i]:R}");
    }
}
