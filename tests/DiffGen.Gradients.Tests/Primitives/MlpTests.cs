using System;
using System.Linq;
using Xunit;

namespace DiffGen.Gradients.Tests.Primitives;

/// <summary>
/// Gradients of model code built from span primitives: the generated chain of pullbacks against
/// finite differences and forward mode (through the primitives' tangent rules).
/// </summary>
public class MlpTests
{
    private const int Batch = 3, Inputs = 4, Hidden = 5, Classes = 3;

    private static double[] Random(Random random, int count, double scale) => Enumerable.Range(0, count).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MlpLoss_Gradient_MatchesFiniteDifferencesAndForwardMode(int seed)
    {
        var random = new Random(seed);
        double[] w1 = Random(random, Inputs * Hidden, 0.8), b1 = Random(random, Hidden, 0.3);
        double[] w2 = Random(random, Hidden * Classes, 0.8), b2 = Random(random, Classes, 0.3);
        double[] x = Random(random, Batch * Inputs, 1.0);
        int[] labels = { 0, 2, 1 };

        var check = MlpFunctions.MlpLossGradientCheck(w1, b1, w2, b2, x, labels, Batch, Inputs, Hidden, Classes);

        Assert.Equal(w1.Length + b1.Length + w2.Length + b2.Length, check.Reverse.Length);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());
    }

    [Fact]
    public void MlpLoss_GradientOfOutputBias_IsSoftmaxMinusOneHotAveraged()
    {
        var random = new Random(7);
        double[] w1 = Random(random, Inputs * Hidden, 0.8), b1 = Random(random, Hidden, 0.3);
        double[] w2 = Random(random, Hidden * Classes, 0.8), b2 = Random(random, Classes, 0.3);
        double[] x = Random(random, Batch * Inputs, 1.0);
        int[] labels = { 1, 1, 0 };
        double[] dw1 = new double[w1.Length], db1 = new double[b1.Length], dw2 = new double[w2.Length], db2 = new double[b2.Length];

        MlpFunctions.MlpLossGradient(w1, b1, w2, b2, x, labels, Batch, Inputs, Hidden, Classes, dw1, db1, dw2, db2);

        // Independent forward pass: dL/db2 = mean over the batch of softmax(logits) - onehot(label).
        var expected = new double[Classes];
        for (int n = 0; n < Batch; n++)
        {
            var hidden = new double[Hidden];
            for (int j = 0; j < Hidden; j++)
            {
                double s = b1[j];
                for (int i = 0; i < Inputs; i++) s += x[n * Inputs + i] * w1[i * Hidden + j];
                hidden[j] = Math.Max(s, 0);
            }
            var logits = new double[Classes];
            for (int c = 0; c < Classes; c++)
            {
                logits[c] = b2[c];
                for (int j = 0; j < Hidden; j++) logits[c] += hidden[j] * w2[j * Classes + c];
            }
            double max = logits.Max(), sum = logits.Sum(l => Math.Exp(l - max));
            for (int c = 0; c < Classes; c++) expected[c] += (Math.Exp(logits[c] - max) / sum - (c == labels[n] ? 1 : 0)) / Batch;
        }
        for (int c = 0; c < Classes; c++) Assert.Equal(expected[c], db2[c], 12);
    }

    [Fact]
    public void ScalarRulesInALoop_AndArrayCallee_MatchFiniteDifferences()
    {
        var check = MlpFunctions.DotsAndNormGradientCheck(new[] { 0.3, -0.2, 0.5 }, new[] { 0.7, 0.1, -0.4 }, 4);
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
    }
}
