using System;
using System.Linq;
using DiffGen.Training.Tests.Support;
using Xunit;

namespace DiffGen.Training.Tests;

public class DataParallelGradientTests
{
    /// <summary>Shards of unequal size, weighted by their sizes, give the gradient of the mean loss over the whole batch.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void ShardedGradient_EqualsTheWholeBatchGradient(int threads)
    {
        var data = LinearRegression.Data(count: 40, features: 4, seed: 1);
        var model = new LinearRegression(4);
        model.Weights.Data.AsSpan().Fill(0.3);
        model.Bias.Data[0] = -0.2;
        int[] indices = Enumerable.Range(0, 37).Select(i => (i * 7) % 40).ToArray();

        // Reference: the closed-form gradient of the mean squared error, written out over the batch.
        var expectedW = new double[4];
        double expectedB = 0, expectedLoss = 0;
        foreach (int n in indices)
        {
            var x = data.Sample(n);
            double r = -0.2 - data.Labels[n];
            for (int j = 0; j < 4; j++) r += 0.3 * x[j];
            expectedLoss += r * r / indices.Length;
            for (int j = 0; j < 4; j++) expectedW[j] += 2 * r * x[j] / indices.Length;
            expectedB += 2 * r / indices.Length;
        }

        model.Weights.Grad.AsSpan().Fill(123); // Stale values must be overwritten, not accumulated.
        var gradient = new DataParallelGradient<double>(model.Parameters, threads, batchCapacity: 40, featureCount: 4);
        double loss = gradient.Compute(data, indices, model.LossGradient);

        Assert.Equal(expectedLoss, loss, 12);
        for (int j = 0; j < 4; j++) Assert.Equal(expectedW[j], model.Weights.Grad[j], 12);
        Assert.Equal(expectedB, model.Bias.Grad[0], 12);
    }

    [Fact]
    public void BatchLargerThanCapacity_Throws()
    {
        var model = new LinearRegression(2);
        var gradient = new DataParallelGradient<double>(model.Parameters, 2, batchCapacity: 4, featureCount: 2);
        var data = LinearRegression.Data(10, 2, 0);
        Assert.Throws<ArgumentException>(() => gradient.Compute(data, new[] { 0, 1, 2, 3, 4 }, model.LossGradient));
    }
}
