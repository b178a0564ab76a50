using System;
using System.Globalization;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Samples.Gmm;
using Xunit;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// The hand-written GMM gradient (samples/Gmm/GmmHandGradient.cs), the benchmark baseline of the
/// generated one: against five-point central differences in double on a random subset of coordinates,
/// and against the generated gradient on every coordinate, on the 1k-point ADBench files.
/// </summary>
public sealed class GmmHandGradientTests
{
    private static double Objective(GmmData data, double constant, double[] p)
    {
        int ka = data.Alphas.Length, km = data.Means.Length;
        return GmmObjective.Objective(p.AsSpan(0, ka), p.AsSpan(ka, km), p.AsSpan(ka + km), data.Points,
                                      data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant);
    }

    [Theory]
    [InlineData("1k/gmm_d2_K5.txt")]
    [InlineData("1k/gmm_d10_K25.txt")]
    public void HandGradient_OnAdbenchFile_MatchesCentralDifferencesOnRandomCoordinates(string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        double[] p = data.Alphas.Concat(data.Means).Concat(data.Icf).ToArray();
        var gradient = new double[data.ParameterCount];
        double value = GmmHandGradient.EvaluateGradient(data, gradient);
        double objective = GmmObjective.Evaluate(data);
        Assert.True(Math.Abs(value - objective) <= 1e-12 * Math.Abs(objective), $"value {value:R}, objective {objective:R}");

        // 10 coordinates from each block (alphas, means, icf) and 10 more from anywhere, fixed seed.
        var random = new Random(7310 + data.ParameterCount);
        int[] starts = { 0, data.Alphas.Length, data.Alphas.Length + data.Means.Length, data.ParameterCount };
        var subset = Enumerable.Range(0, 3)
            .SelectMany(b => Enumerable.Range(starts[b], starts[b + 1] - starts[b]).OrderBy(_ => random.Next()).Take(10))
            .Concat(Enumerable.Range(0, 10).Select(_ => random.Next(data.ParameterCount)))
            .Distinct().ToArray();
        // Same stencil and tolerance reasoning as GmmGradientTests: h = 1e-4 max(1, |p_i|), 1e-6 relative,
        // with a floor of 10 eps |f| / h for partials small enough to drown in the stencil's rounding noise.
        const double step = 1e-4;
        double floor = 10 * 2.2e-16 * Math.Abs(value) / step;
        Func<double[], double> f = q => Objective(data, constant, q);
        foreach (int i in subset)
        {
            double fd = ArrayNumeric.CentralDifference(f, p, i, relativeStep: step);
            double error = Math.Abs(fd - gradient[i]);
            double scale = Math.Max(Math.Abs(fd), Math.Abs(gradient[i]));
            Assert.True(error <= 1e-6 * scale || error <= floor,
                string.Format(CultureInfo.InvariantCulture, "{0} coordinate {1}: finite difference {2:R}, hand gradient {3:R}, relative error {4:E2}",
                              file, i, fd, gradient[i], error / scale));
        }
    }

    [Theory]
    [InlineData("1k/gmm_d2_K5.txt")]
    [InlineData("1k/gmm_d10_K25.txt")]
    public void HandGradient_OnAdbenchFile_MatchesGeneratedGradientOnEveryCoordinate(string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        var hand = new double[data.ParameterCount];
        var generated = new double[data.ParameterCount];
        double handValue = GmmHandGradient.EvaluateGradient(data, hand);
        double generatedValue = GmmObjective.EvaluateGradient(data, generated);
        Assert.True(Math.Abs(handValue - generatedValue) <= 1e-12 * Math.Abs(generatedValue), $"values {handValue:R} vs {generatedValue:R}");
        // The two sum the 1000 points' contributions in different orders (the hand version adds the
        // log-determinant part of each icf partial once at the end): agreement to rounding, relative
        // to the largest partial for the ones that nearly cancel.
        double largest = generated.Max(Math.Abs);
        for (int i = 0; i < hand.Length; i++)
        {
            double error = Math.Abs(hand[i] - generated[i]);
            Assert.True(error <= 1e-10 * Math.Abs(generated[i]) || error <= 1e-12 * largest,
                string.Format(CultureInfo.InvariantCulture, "{0} coordinate {1}: hand {2:R}, generated {3:R}", file, i, hand[i], generated[i]));
        }
    }

    [Theory]
    [InlineData("1k/gmm_d2_K5.txt")]
    [InlineData("1k/gmm_d10_K25.txt")]
    public void PrecomputedDiagonalVariant_OnAdbenchFile_MatchesObjectiveAndHandGradient(string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        var hand = new double[data.ParameterCount];
        var variant = new double[data.ParameterCount];
        GmmHandGradient.EvaluateGradient(data, hand);
        double value = GmmObjective.EvaluateGradientPrecomputedDiagonal(data, variant);
        double objective = GmmObjective.Evaluate(data);
        Assert.True(Math.Abs(value - objective) <= 1e-12 * Math.Abs(objective), $"value {value:R}, objective {objective:R}");
        Assert.Equal(GmmObjective.EvaluatePrecomputedDiagonal(data), value);
        double largest = hand.Max(Math.Abs);
        for (int i = 0; i < hand.Length; i++)
        {
            double error = Math.Abs(hand[i] - variant[i]);
            Assert.True(error <= 1e-10 * Math.Abs(hand[i]) || error <= 1e-12 * largest,
                string.Format(CultureInfo.InvariantCulture, "{0} coordinate {1}: hand {2:R}, generated (precomputed diagonal) {3:R}", file, i, hand[i], variant[i]));
        }
    }

    [Fact]
    public void HandGradient_CalledTwiceIntoSameBuffers_Accumulates()
    {
        var data = GmmData.Load(SharedData.GmmFile("1k/gmm_d2_K5.txt"));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        var once = new double[data.ParameterCount];
        GmmHandGradient.EvaluateGradient(data, once);
        double[] da = new double[data.Alphas.Length], dm = new double[data.Means.Length], di = new double[data.Icf.Length];
        for (int call = 0; call < 2; call++)
            GmmHandGradient.ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N,
                data.WishartGamma, data.WishartM, constant, da, dm, di);
        double[] twice = da.Concat(dm).Concat(di).ToArray();
        for (int i = 0; i < twice.Length; i++)
            Assert.True(Math.Abs(twice[i] - 2 * once[i]) <= 1e-14 * Math.Abs(once[i]), $"coordinate {i}: {twice[i]:R} vs 2 × {once[i]:R}");
    }
}
