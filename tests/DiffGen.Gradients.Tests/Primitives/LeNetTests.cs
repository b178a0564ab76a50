using System;
using System.Linq;
using Xunit;

namespace DiffGen.Gradients.Tests.Primitives;

/// <summary>
/// The generated gradients of small LeNets (<see cref="LeNetFunctions"/>): reverse mode through the
/// convolution, pooling and batch-norm pullbacks against central differences in every coordinate, and
/// against forward mode through their tangents.
/// </summary>
public class LeNetTests
{
    private const int Batch = 3;

    private static double[] Random(Random random, int count, double scale) => Enumerable.Range(0, count).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LeNetLoss_Gradient_MatchesFiniteDifferencesAndForwardMode(int seed)
    {
        var random = new Random(seed);
        double[] k1 = Random(random, LeNetFunctions.C1 * 9, 0.5), c1 = Random(random, LeNetFunctions.C1, 0.2);
        double[] k2 = Random(random, LeNetFunctions.C2 * LeNetFunctions.C1 * 9, 0.5), c2 = Random(random, LeNetFunctions.C2, 0.2);
        double[] w1 = Random(random, LeNetFunctions.Flat * LeNetFunctions.Hidden, 0.5), b1 = Random(random, LeNetFunctions.Hidden, 0.2);
        double[] w2 = Random(random, LeNetFunctions.Hidden * LeNetFunctions.Classes, 0.5), b2 = Random(random, LeNetFunctions.Classes, 0.2);
        double[] x = Random(random, Batch * LeNetFunctions.Side * LeNetFunctions.Side, 1.0);
        int[] labels = [0, 2, 1];

        var check = LeNetFunctions.LossGradientCheck(k1, c1, k2, c2, w1, b1, w2, b2, x, labels, Batch);

        Assert.Equal(k1.Length + c1.Length + k2.Length + c2.Length + w1.Length + b1.Length + w2.Length + b2.Length, check.Reverse.Length);
        Assert.True(check.Reverse.Take(k1.Length).Any(g => g != 0), "the first convolution must receive a gradient");
        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());
    }

    [Fact]
    public void LeNetBnLoss_Gradient_MatchesFiniteDifferencesAndForwardMode()
    {
        var random = new Random(4);
        double[] k1 = Random(random, LeNetFunctions.C1 * 9, 0.5), s1 = Random(random, LeNetFunctions.C1, 1.0), t1 = Random(random, LeNetFunctions.C1, 0.2);
        double[] k2 = Random(random, LeNetFunctions.C2 * LeNetFunctions.C1 * 9, 0.5), s2 = Random(random, LeNetFunctions.C2, 1.0), t2 = Random(random, LeNetFunctions.C2, 0.2);
        double[] w1 = Random(random, LeNetFunctions.Flat * LeNetFunctions.Hidden, 0.5), b1 = Random(random, LeNetFunctions.Hidden, 0.2);
        double[] w2 = Random(random, LeNetFunctions.Hidden * LeNetFunctions.Classes, 0.5), b2 = Random(random, LeNetFunctions.Classes, 0.2);
        double[] x = Random(random, Batch * LeNetFunctions.Side * LeNetFunctions.Side, 1.0);
        int[] labels = [1, 0, 2];
        double[] running = new double[2 * (LeNetFunctions.C1 + LeNetFunctions.C2)];

        var check = LeNetFunctions.LossBnGradientCheck(k1, s1, t1, k2, s2, t2, w1, b1, w2, b2, x, labels, Batch, running);

        Assert.True(check.Passed(1e-6, 1e-9), check.ToString());
        Assert.True(check.MaxForwardReverseAbsoluteError < 1e-12, check.ToString());

        // The generated gradient runs the primal once: the running averages move once, by momentum 0.1.
        double[][] shadows = [.. new[] { k1, s1, t1, k2, s2, t2, w1, b1, w2, b2 }.Select(p => new double[p.Length])];
        LeNetFunctions.LossBnGradient(k1, s1, t1, k2, s2, t2, w1, b1, w2, b2, x, labels, Batch, running,
                                      shadows[0], shadows[1], shadows[2], shadows[3], shadows[4], shadows[5], shadows[6], shadows[7], shadows[8], shadows[9]);
        Assert.Contains(running, v => v != 0);
    }
}
