using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using C = DiffGen.Gradients.Tests.Arrays.Corpus.ControlFlowFunctions;
using F = DiffGen.Gradients.Tests.Arrays.Corpus.FloatArrayFunctions;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using R = DiffGen.Gradients.Tests.Arrays.Corpus.ReductionFunctions;
using Rec = DiffGen.Gradients.Tests.Arrays.Corpus.RecurrenceFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Generated gradients of array functions against their closed forms, at fixed-seed random points,
/// to 1e-12 relative (double) or exactly where the closed form is a copy of an input.
/// </summary>
public sealed class ArrayClosedFormTests
{
    private const double Tolerance = 1e-12;

    private static double[] RandomVector(Random random, int length, double lo = -2, double hi = 2)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++) v[i] = lo + (hi - lo) * random.NextDouble();
        return v;
    }

    /// <summary>Each entry within 1e-12 of the larger magnitude or 1e-12 of the vector's largest entry (for entries that cancel to ~0).</summary>
    private static void AssertVectorClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
            Numeric.AssertClose(expected[i], actual[i], Tolerance, Tolerance * scale, $"{what}[{i}]");
    }

    private static double[] Softmax(double[] z)
    {
        double m = z.Max();
        double[] e = z.Select(v => Math.Exp(v - m)).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    [Fact]
    public void DotGradients_ArraySpanMixedAndWhile_AreTheOtherVector()
    {
        var random = new Random(101);
        for (int n = 0; n < 5; n++)
        {
            double[] x = RandomVector(random, 6), y = RandomVector(random, 6);
            var dx = new double[6];
            var dy = new double[6];
            R.DotArraysGradient(x, y, dx, dy);
            Assert.Equal(y, dx);
            Assert.Equal(x, dy);
            dx = new double[6];
            dy = new double[6];
            R.DotSpansGradient(x, y, dx, dy);
            Assert.Equal(y, dx);
            Assert.Equal(x, dy);
            dx = new double[6];
            dy = new double[6];
            R.DotMixedGradient(x, y, dx, dy);
            Assert.Equal(y, dx);
            Assert.Equal(x, dy);
            dx = new double[6];
            dy = new double[6];
            R.DotMutableSpanWhileGradient(x, y, dx, dy);
            Assert.Equal(y, dx);
            Assert.Equal(x, dy);
        }
    }

    [Fact]
    public void DotFGradient_RandomFloats_IsTheOtherVectorExactly()
    {
        var random = new Random(102);
        float[] x = ArrayNumeric.ToFloat(RandomVector(random, 7)), y = ArrayNumeric.ToFloat(RandomVector(random, 7));
        var dx = new float[7];
        var dy = new float[7];
        F.DotFGradient(x, y, dx, dy);
        Assert.Equal(y, dx);
        Assert.Equal(x, dy);
    }

    [Fact]
    public void WeightedSquaredNormGradient_RandomPoint_IsTwiceWeightTimesX()
    {
        var random = new Random(103);
        double[] x = RandomVector(random, 5), w = RandomVector(random, 5, 0.1, 3);
        var dx = new double[5];
        R.WeightedSquaredNormGradient(x, w, dx);
        AssertVectorClose(x.Select((v, i) => 2 * w[i] * v).ToArray(), dx, "dx");
    }

    [Fact]
    public void WeightedEuclideanNormGradient_RandomPoint_MatchesClosedForm()
    {
        var random = new Random(104);
        double[] x = RandomVector(random, 4), w = RandomVector(random, 4, 0.3, 2);
        var dx = new double[4];
        var dw = new double[4];
        double norm = R.WeightedEuclideanNormGradient(x, w, dx, dw);
        AssertVectorClose(x.Select((v, i) => w[i] * w[i] * v / norm).ToArray(), dx, "dx");
        AssertVectorClose(x.Select((v, i) => w[i] * v * v / norm).ToArray(), dw, "dw");
    }

    [Fact]
    public void HornerGradient_RandomPolynomial_GivesPowersAndDerivativePolynomial()
    {
        var random = new Random(105);
        for (int n = 0; n < 5; n++)
        {
            double[] c = RandomVector(random, 7);
            double x = -1.5 + 3 * random.NextDouble();
            var dc = new double[7];
            Rec.HornerGradient(c, x, dc, out double dx);
            AssertVectorClose(Enumerable.Range(0, 7).Select(i => Math.Pow(x, i)).ToArray(), dc, "dc");
            double derivative = 0;
            for (int i = 1; i < 7; i++) derivative += i * c[i] * Math.Pow(x, i - 1);
            double scale = Enumerable.Range(1, 6).Sum(i => Math.Abs(i * c[i] * Math.Pow(x, i - 1)));
            Numeric.AssertClose(derivative, dx, Tolerance, Tolerance * scale, "dx");
        }
    }

    [Fact]
    public void PrefixProductGradient_NonzeroFactors_IsProductOverFactor()
    {
        var random = new Random(106);
        double[] p = RandomVector(random, 8, 0.2, 2).Select((v, i) => i % 3 == 0 ? -v : v).ToArray();
        double product = p.Aggregate(1.0, (a, b) => a * b);
        var dp = new double[8];
        double value = Rec.PrefixProductGradient(p, dp);
        Numeric.AssertClose(product, value, Tolerance, 0, "value");
        AssertVectorClose(p.Select(v => product / v).ToArray(), dp, "dp");
    }

    [Fact]
    public void PrefixProductFGradient_NonzeroFactors_IsProductOverFactorToFloatPrecision()
    {
        float[] p = { 1.25f, -0.5f, 2f, 0.75f, -1.5f };
        double product = p.Aggregate(1.0, (a, b) => a * b);
        var dp = new float[5];
        F.PrefixProductFGradient(p, dp);
        for (int i = 0; i < p.Length; i++) Numeric.AssertClose(product / p[i], dp[i], 1e-6, 0, $"dp[{i}]");
    }

    [Fact]
    public void PrefixSumSquaresGradient_RandomPoint_IsTwiceSuffixSumOfPrefixSums()
    {
        var random = new Random(107);
        double[] x = RandomVector(random, 6);
        double[] s = new double[6];
        s[0] = x[0];
        for (int i = 1; i < 6; i++) s[i] = s[i - 1] + x[i];
        double[] expected = Enumerable.Range(0, 6).Select(j => 2 * s.Skip(j).Sum()).ToArray();
        var dx = new double[6];
        Rec.PrefixSumSquaresGradient(x, dx);
        AssertVectorClose(expected, dx, "dx");
    }

    [Fact]
    public void LeastSquaresGradient_RandomProblem_IsTwiceATransposeResidual()
    {
        var random = new Random(108);
        int rows = 5, cols = 3;
        double[] a = RandomVector(random, rows * cols), x = RandomVector(random, cols), b = RandomVector(random, rows);
        double[] r = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            r[i] = -b[i];
            for (int j = 0; j < cols; j++) r[i] += a[i * cols + j] * x[j];
        }
        var da = new double[rows * cols];
        var dx = new double[cols];
        var db = new double[rows];
        double value = M.LeastSquaresGradient(a, x, b, da, dx, db);
        Numeric.AssertClose(r.Sum(v => v * v), value, Tolerance, 0, "value");
        double[] expectedDx = new double[cols];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) expectedDx[j] += 2 * a[i * cols + j] * r[i];
        AssertVectorClose(expectedDx, dx, "dx = 2 Aᵀ(Ax - b)");
        AssertVectorClose(Enumerable.Range(0, rows * cols).Select(k => 2 * r[k / cols] * x[k % cols]).ToArray(), da, "dA = 2 r xᵀ");
        AssertVectorClose(r.Select(v => -2 * v).ToArray(), db, "db = -2 r");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void SoftmaxCrossEntropyGradient_RandomLogits_IsSoftmaxMinusOneHot(int label)
    {
        var random = new Random(109 + label);
        double[] z = RandomVector(random, 5, -4, 4);
        double[] expected = Softmax(z);
        expected[label] -= 1;
        var dz = new double[5];
        double value = M.SoftmaxCrossEntropyGradient(z, label, dz);
        Numeric.AssertClose(-Math.Log(Softmax(z)[label]), value, 1e-12, 0, "value");
        AssertVectorClose(expected, dz, "dz");
    }

    [Fact]
    public void SoftmaxCrossEntropyFGradient_RandomLogits_IsSoftmaxMinusOneHotToFloatPrecision()
    {
        var random = new Random(110);
        float[] z = ArrayNumeric.ToFloat(RandomVector(random, 5, -3, 3));
        double[] expected = Softmax(z.Select(v => (double)v).ToArray());
        expected[3] -= 1;
        var dz = new float[5];
        F.SoftmaxCrossEntropyFGradient(z, 3, dz);
        for (int i = 0; i < 5; i++) Numeric.AssertClose(expected[i], dz[i], 1e-5, 1e-6, $"dz[{i}]");
    }

    [Fact]
    public void SoftmaxCrossEntropyBatchGradient_RandomLogits_IsMeanOfSoftmaxMinusOneHot()
    {
        var random = new Random(111);
        int[] labels = { 1, 3, 0 };
        int classes = 4;
        double[] z = RandomVector(random, labels.Length * classes, -3, 3);
        double[] expected = new double[z.Length];
        for (int b = 0; b < labels.Length; b++)
        {
            double[] p = Softmax(z.Skip(b * classes).Take(classes).ToArray());
            for (int i = 0; i < classes; i++) expected[b * classes + i] = (p[i] - (i == labels[b] ? 1 : 0)) / labels.Length;
        }
        var dz = new double[z.Length];
        M.SoftmaxCrossEntropyBatchGradient(z, labels, classes, dz);
        AssertVectorClose(expected, dz, "dz");
    }

    [Fact]
    public void LogSumExpForeachGradient_RandomPoint_IsSoftmax()
    {
        var random = new Random(112);
        double[] x = RandomVector(random, 6, -5, 5);
        var dx = new double[6];
        R.LogSumExpForeachGradient(x, dx);
        AssertVectorClose(Softmax(x), dx, "dx");
    }

    [Fact]
    public void LogisticRegressionLossGradient_RandomWeights_IsResidualTimesFeatures()
    {
        var random = new Random(113);
        double[] w = RandomVector(random, 3);
        double b = 0.3;
        double[] features = ArrayCases.LogisticFeatures;
        int[] labels = ArrayCases.LogisticLabels;
        double[] expectedW = new double[3];
        double expectedB = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double z = b;
            for (int j = 0; j < 3; j++) z += w[j] * features[i * 3 + j];
            double residual = 1 / (1 + Math.Exp(-z)) - labels[i];
            for (int j = 0; j < 3; j++) expectedW[j] += residual * features[i * 3 + j];
            expectedB += residual;
        }
        var dw = new double[3];
        M.LogisticRegressionLossGradient(w, b, features, labels, dw, out double db);
        AssertVectorClose(expectedW, dw, "dw");
        Numeric.AssertClose(expectedB, db, Tolerance, Tolerance * expectedW.Max(Math.Abs), "db");
    }

    [Fact]
    public void VarianceGradient_RandomPoint_IsTwiceCenteredOverN()
    {
        var random = new Random(114);
        double[] x = RandomVector(random, 7);
        double mean = x.Average();
        var dx = new double[7];
        R.VarianceGradient(x, dx);
        AssertVectorClose(x.Select(v => 2 * (v - mean) / 7).ToArray(), dx, "dx");
    }

    [Fact]
    public void TriangularProductsGradient_RandomPoint_IsSumPlusElement()
    {
        var random = new Random(115);
        double[] x = RandomVector(random, 6);
        double sum = x.Sum();
        var dx = new double[6];
        double value = C.TriangularProductsGradient(x, dx);
        Numeric.AssertClose(0.5 * sum * sum + 0.5 * x.Sum(v => v * v), value, Tolerance, 1e-14, "value");
        AssertVectorClose(x.Select(v => sum + v).ToArray(), dx, "dx");
    }

    [Fact]
    public void BubbleSortWeightedGradient_DistinctEntries_IsRankPlusOne()
    {
        double[] x = { 0.3, -1.2, 2.5, 0.9, -0.4, 1.7 };
        int[] rank = x.Select(v => x.Count(u => u < v)).ToArray();
        var dx = new double[6];
        double value = C.BubbleSortWeightedGradient(x, dx);
        double[] sorted = x.OrderBy(v => v).ToArray();
        Assert.Equal(sorted.Select((v, j) => (j + 1) * v).Sum(), value, 12);
        Assert.Equal(rank.Select(r => (double)(r + 1)).ToArray(), dx);
    }

    [Fact]
    public void LaplacianEnergyGradient_RandomPoint_IsTwiceLTransposeLU()
    {
        var random = new Random(116);
        double[] u = RandomVector(random, 8);
        double[] l = new double[8];
        for (int i = 1; i < 7; i++) l[i] = u[i - 1] - 2 * u[i] + u[i + 1];
        double[] expected = new double[8];
        for (int i = 1; i < 7; i++)
        {
            expected[i - 1] += 2 * l[i];
            expected[i] -= 4 * l[i];
            expected[i + 1] += 2 * l[i];
        }
        var du = new double[8];
        C.LaplacianEnergyGradient(u, du);
        AssertVectorClose(expected, du, "du");
    }

    [Fact]
    public void DiscountedReturnGradient_RandomRewards_IsPowersOfGammaAndDerivative()
    {
        var random = new Random(117);
        double[] r = RandomVector(random, 8);
        double gamma = 0.9;
        var dr = new double[8];
        Rec.DiscountedReturnGradient(r, gamma, dr, out double dgamma);
        AssertVectorClose(Enumerable.Range(0, 8).Select(i => Math.Pow(gamma, i)).ToArray(), dr, "dr");
        double expected = Enumerable.Range(1, 7).Sum(i => i * r[i] * Math.Pow(gamma, i - 1));
        double scale = Enumerable.Range(1, 7).Sum(i => Math.Abs(i * r[i] * Math.Pow(gamma, i - 1)));
        Numeric.AssertClose(expected, dgamma, Tolerance, Tolerance * scale, "dgamma");
    }

    [Fact]
    public void MatVecTanhSumGradient_RandomPoint_IsSechSquaredOuterProduct()
    {
        var random = new Random(118);
        int rows = 4, cols = 3;
        double[] w = RandomVector(random, rows * cols, -1, 1), x = RandomVector(random, cols);
        double[] sech2 = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double y = 0;
            for (int c = 0; c < cols; c++) y += w[r * cols + c] * x[c];
            sech2[r] = 1 - Math.Tanh(y) * Math.Tanh(y);
        }
        var dw = new double[rows * cols];
        var dx = new double[cols];
        M.MatVecTanhSumGradient(w, x, dw, dx);
        AssertVectorClose(Enumerable.Range(0, rows * cols).Select(k => sech2[k / cols] * x[k % cols]).ToArray(), dw, "dW");
        AssertVectorClose(Enumerable.Range(0, cols).Select(c => Enumerable.Range(0, rows).Sum(r => sech2[r] * w[r * cols + c])).ToArray(), dx, "dx");
    }

    [Fact]
    public void Convolution1DGradient_RandomPoint_IsCorrelationWithOutput()
    {
        var random = new Random(119);
        double[] s = RandomVector(random, 9), k = RandomVector(random, 3);
        int outputs = 7;
        double[] y = new double[outputs];
        for (int i = 0; i < outputs; i++)
            for (int j = 0; j < 3; j++) y[i] += k[j] * s[i + j];
        double[] expectedS = new double[9];
        double[] expectedK = new double[3];
        for (int i = 0; i < outputs; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                expectedS[i + j] += 2 * y[i] * k[j];
                expectedK[j] += 2 * y[i] * s[i + j];
            }
        }
        var ds = new double[9];
        var dk = new double[3];
        M.Convolution1DGradient(s, k, ds, dk);
        AssertVectorClose(expectedS, ds, "dsignal");
        AssertVectorClose(expectedK, dk, "dkernel");
    }

    [Fact]
    public void GatherWeightedGradient_RepeatedIndices_SumsContributionsPerElement()
    {
        double[] x = { 0.5, -1.5, 2.0, 0.25, -0.75 };
        double[] w = { 1.0, 0.5, -2.0, 3.0, 0.25, -1.0 };
        int[] index = { 0, 2, 2, 4, 1, 0 };
        double[] expected = new double[5];
        for (int j = 0; j < index.Length; j++) expected[index[j]] += 2 * w[j] * x[index[j]];
        var dx = new double[5];
        R.GatherWeightedGradient(x, w, index, dx);
        AssertVectorClose(expected, dx, "dx");
        Assert.Equal(0.0, dx[3]);
    }

    [Fact]
    public void StackallocSoftmaxEntropyGradient_RandomPoint_MatchesClosedForm()
    {
        // H = -Σ p log p with p = softmax(x): dH/dx_i = -p_i (log p_i + H).
        var random = new Random(120);
        double[] x = RandomVector(random, 5);
        double[] p = Softmax(x);
        double h = -p.Sum(v => v * Math.Log(v));
        var dx = new double[5];
        double value = C.StackallocSoftmaxEntropyGradient(x, dx);
        Numeric.AssertClose(h, value, 1e-12, 0, "value");
        AssertVectorClose(p.Select(v => -v * (Math.Log(v) + h)).ToArray(), dx, "dx");
    }
}
