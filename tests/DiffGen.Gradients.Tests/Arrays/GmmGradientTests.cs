using System;
using System.Globalization;
using System.IO;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Samples.Gmm;
using Xunit;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// The ADBench GMM objective (samples/Gmm, plain loops differentiated by the generator) on the 1k-point
/// files: the generated gradient against five-point central differences of the objective on 30
/// coordinates, forward mode against reverse mode, and the loader's rejection of malformed files.
/// </summary>
public sealed class GmmGradientTests
{
    private const int Coordinates = 30;

    private static double Objective(GmmData data, double constant, double[] p)
    {
        int ka = data.Alphas.Length, km = data.Means.Length;
        return GmmObjective.Objective(p.AsSpan(0, ka), p.AsSpan(ka, km), p.AsSpan(ka + km), data.Points,
                                      data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant);
    }

    private static double[] Parameters(GmmData data) => data.Alphas.Concat(data.Means).Concat(data.Icf).ToArray();

    /// <summary>
    /// 30 distinct coordinates (fixed seed), up to 10 from each block (alphas, means, icf) so that every
    /// block is checked, the rest drawn from all remaining coordinates.
    /// </summary>
    private static int[] CoordinateSubset(GmmData data, int seed)
    {
        var random = new Random(seed);
        int[] starts = { 0, data.Alphas.Length, data.Alphas.Length + data.Means.Length, data.ParameterCount };
        var chosen = new System.Collections.Generic.SortedSet<int>();
        for (int b = 0; b < 3; b++)
        {
            int size = starts[b + 1] - starts[b];
            foreach (int i in Enumerable.Range(starts[b], size).OrderBy(_ => random.Next()).Take(Math.Min(10, size))) chosen.Add(i);
        }
        foreach (int i in Enumerable.Range(0, data.ParameterCount).Where(i => !chosen.Contains(i)).OrderBy(_ => random.Next()))
        {
            if (chosen.Count >= Math.Min(Coordinates, data.ParameterCount)) break;
            chosen.Add(i);
        }
        return chosen.ToArray();
    }

    [Theory]
    [InlineData("1k/gmm_d2_K5.txt")]
    [InlineData("1k/gmm_d10_K25.txt")]
    public void EvaluateGradient_OnAdbenchFile_MatchesCentralDifferencesOn30Coordinates(string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        double[] p = Parameters(data);
        var gradient = new double[data.ParameterCount];
        double value = GmmObjective.EvaluateGradient(data, gradient);
        Assert.Equal(GmmObjective.Evaluate(data), value);
        Assert.Equal(BitConverter.DoubleToInt64Bits(Objective(data, constant, p)), BitConverter.DoubleToInt64Bits(value));

        int[] subset = CoordinateSubset(data, 20250 + data.ParameterCount);
        Assert.Equal(Math.Min(Coordinates, data.ParameterCount), subset.Length);
        // Five-point stencil with h = 1e-4 max(1, |p_i|). Its rounding noise is about (18/12) eps |f| / h
        // (1e-7 for d10_K25, where |f| ~ 2.6e4), which exceeds 1e-6 relative on the partial derivatives
        // smaller than ~0.1 that this file has; smaller steps are worse (h = 1e-5 measured 2e-5 relative),
        // larger ones let truncation dominate (h = 1e-2: 5e-5). So the check is 1e-6 relative to
        // max(|fd|, |grad|), with an absolute floor of 10 eps |f| / h for the tiny partials only.
        const double step = 1e-4;
        double floor = 10 * 2.2e-16 * Math.Abs(value) / step;
        Func<double[], double> f = q => Objective(data, constant, q);
        foreach (int i in subset)
        {
            double fd = ArrayNumeric.CentralDifference(f, p, i, relativeStep: step);
            double error = Math.Abs(fd - gradient[i]);
            double scale = Math.Max(Math.Abs(fd), Math.Abs(gradient[i]));
            Assert.True(error <= 1e-6 * scale || error <= floor,
                string.Format(CultureInfo.InvariantCulture,
                    "{0} coordinate {1}: finite difference {2:R}, gradient {3:R}, relative error {4:E2} (floor {5:E2}, f = {6:R})",
                    file, i, fd, gradient[i], error / scale, floor, value));
        }
    }

    [Theory]
    [InlineData("1k/gmm_d2_K5.txt")]
    [InlineData("1k/gmm_d10_K25.txt")]
    public void ObjectiveTangent_AlongRandomDirections_MatchesReverseGradient(string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        var gradient = new double[data.ParameterCount];
        GmmObjective.EvaluateGradient(data, gradient);
        var random = new Random(4242 + data.ParameterCount);
        for (int n = 0; n < 2; n++)
        {
            double[] v = Enumerable.Range(0, data.ParameterCount).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            int ka = data.Alphas.Length, km = data.Means.Length;
            var (value, tangent) = GmmObjective.ObjectiveTangent(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N,
                data.WishartGamma, data.WishartM, constant, v.AsSpan(0, ka), v.AsSpan(ka, km), v.AsSpan(ka + km));
            Assert.Equal(GmmObjective.Evaluate(data), value);
            double dot = 0, scale = 0;
            for (int i = 0; i < v.Length; i++)
            {
                dot += gradient[i] * v[i];
                scale += Math.Abs(gradient[i] * v[i]);
            }
            // Relative to Σ|g_i v_i|: forward and reverse sum the 1000 points' contributions in different orders.
            Assert.True(Math.Abs(dot - tangent) <= 1e-12 * scale,
                $"{file}: <gradient, v> = {dot:R}, tangent = {tangent:R}, error {Math.Abs(dot - tangent) / scale:E2} of Σ|g v| = {scale:R}");
        }
    }

    [Fact]
    public void ObjectiveGradient_CalledTwiceIntoSameBuffers_Accumulates()
    {
        var data = GmmData.Load(SharedData.GmmFile("1k/gmm_d2_K5.txt"));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        var once = new double[data.ParameterCount];
        GmmObjective.EvaluateGradient(data, once);
        double[] da = new double[data.Alphas.Length], dm = new double[data.Means.Length], di = new double[data.Icf.Length];
        for (int call = 0; call < 2; call++)
            GmmObjective.ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N,
                data.WishartGamma, data.WishartM, constant, da, dm, di);
        double[] twice = da.Concat(dm).Concat(di).ToArray();
        for (int i = 0; i < twice.Length; i++)
            Assert.True(Math.Abs(twice[i] - 2 * once[i]) <= 1e-14 * Math.Abs(once[i]), $"coordinate {i}: {twice[i]:R} vs 2 × {once[i]:R}");
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidDataExceptionNamingFile()
    {
        string[] tokens = File.ReadAllText(SharedData.GmmFile("1k/gmm_d2_K5.txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string path = Path.Combine(Path.GetTempPath(), $"diffgen-gmm-truncated-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, string.Join(" ", tokens.Take(tokens.Length / 2)));
            var e = Assert.Throws<InvalidDataException>(() => GmmData.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_NonNumberToken_ThrowsInvalidDataExceptionNamingFile()
    {
        string[] tokens = File.ReadAllText(SharedData.GmmFile("1k/gmm_d2_K5.txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        tokens[10] = "0.3x7";
        string path = Path.Combine(Path.GetTempPath(), $"diffgen-gmm-nonnumber-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, string.Join(" ", tokens));
            var e = Assert.Throws<InvalidDataException>(() => GmmData.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("0.3x7", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_AdbenchFile_ReadsSizesAndParameterCount()
    {
        var data = GmmData.Load(SharedData.GmmFile("1k/gmm_d10_K25.txt"));
        Assert.Equal((10, 25, 1000), (data.D, data.K, data.N));
        Assert.Equal(25 * (1 + 10 + 55), data.ParameterCount);
        Assert.Equal(10_000, data.Points.Length);
        Assert.Equal((1.0, 0), (data.WishartGamma, data.WishartM));
    }
}
