using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.BatchNorm{T}"/> and its rules, in training and inference mode.</summary>
public sealed class BatchNormTests : PrimitiveTestBase
{
    private const double Eps = 1e-5;

    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach ((int n, int c, int s) in new[] { (4, 3, 1), (2, 2, 5), (3, 1, 7) })
        {
            foreach (bool training in new[] { true, false })
            {
                var rng = new Random(n * 100 + c * 10 + s);
                double[] mean = Sample.Uniform(rng, c), variance = Sample.Uniform(rng, c, 0.5, 2);
                yield return new PrimitiveCase<T>
                {
                    Name = $"BatchNorm {n}x{c}x{s} training={training}",
                    InputNames = ["x", "gamma", "beta"],
                    ScalarInputs = [false, false, false],
                    Inputs = [Sample.Uniform(rng, n * c * s, -2, 2), Sample.AwayFromZero(rng, c, 0.5, 1.5), Sample.Uniform(rng, c)],
                    OutputName = "result",
                    OutputLength = n * c * s,
                    Primal = (x, y) => SpanOps.BatchNorm<T>(x[0].Span, x[1].Span, x[2].Span, n, c, s, training, T.CreateChecked(0.1), T.CreateChecked(Eps),
                                                            Sample.To<T>(mean), Sample.To<T>(variance), y.Span),
                    Pullback = (x, y, dy, dx) => SpanOps.BatchNormPullback<T>(x[0].Span, x[1].Span, x[2].Span, n, c, s, training, T.CreateChecked(0.1), T.CreateChecked(Eps),
                                                                              Sample.To<T>(mean), Sample.To<T>(variance), y.Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span),
                    Tangent = (x, tx, y, ty) => SpanOps.BatchNormTangent<T>(x[0].Span, x[1].Span, x[2].Span, n, c, s, training, T.CreateChecked(0.1), T.CreateChecked(Eps),
                                                                            Sample.To<T>(mean), Sample.To<T>(variance), y.Span, tx[0].Span, tx[1].Span, tx[2].Span, ty.Span),
                };
            }
        }
    }

    /// <summary>
    /// Training mode normalizes with the batch statistics and moves the running averages by PyTorch's rule
    /// (unbiased variance); inference mode normalizes with the running averages and leaves them alone.
    /// </summary>
    [Fact]
    public void BatchNorm_BothModes_MatchTheDefinition()
    {
        const int n = 3, c = 2, s = 4;
        var rng = new Random(9);
        double[] x = Sample.Uniform(rng, n * c * s, -3, 3), gamma = Sample.Uniform(rng, c, 0.5, 2), beta = Sample.Uniform(rng, c);
        double[] runMean = [0.5, -0.5], runVar = [2, 0.5], y = new double[x.Length];

        SpanOps.BatchNorm<double>(x, gamma, beta, n, c, s, true, 0.1, Eps, runMean, runVar, y);
        Close(NaiveLayers.BatchNorm(x, gamma, beta, n, c, s, Eps), y);
        (double[] m, double[] v) = NaiveLayers.BatchStatistics(x, n, c, s);
        double count = n * s;
        Close([0.9 * 0.5 + 0.1 * m[0], 0.9 * -0.5 + 0.1 * m[1]], runMean);
        Close([0.9 * 2 + 0.1 * v[0] * count / (count - 1), 0.9 * 0.5 + 0.1 * v[1] * count / (count - 1)], runVar);

        double[] meanBefore = (double[])runMean.Clone(), varBefore = (double[])runVar.Clone();
        SpanOps.BatchNorm<double>(x, gamma, beta, n, c, s, false, 0.1, Eps, runMean, runVar, y);
        Close(NaiveLayers.BatchNorm(x, gamma, beta, n, c, s, Eps, meanBefore, varBefore), y);
        Assert.Equal(meanBefore, runMean);
        Assert.Equal(varBefore, runVar);
    }

    /// <summary>State of the wrong length and bad hyper-parameters throw naming the argument before anything is written.</summary>
    [Theory]
    [InlineData("gamma")]
    [InlineData("beta")]
    [InlineData("runningMean")]
    [InlineData("runningVariance")]
    [InlineData("momentum")]
    [InlineData("epsilon")]
    public void BatchNorm_BadArgument_ThrowsNamingIt(string argument)
    {
        const int c = 3;
        double[] Channels(string name) => new double[argument == name ? c + 1 : c];
        double[] runMean = Channels("runningMean"), runVar = Channels("runningVariance"), y = Enumerable.Repeat(7.0, 2 * c).ToArray();
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpanOps.BatchNorm<double>(
            new double[2 * c], Channels("gamma"), Channels("beta"), 2, c, 1, true,
            argument == "momentum" ? 1.5 : 0.1, argument == "epsilon" ? 0 : Eps, runMean, runVar, y));
        Assert.Equal(argument, ex.ParamName);
        Assert.All(y, v => Assert.Equal(7.0, v));
        Assert.All(runMean, v => Assert.Equal(0.0, v));
    }

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
