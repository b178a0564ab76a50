using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Samples.Gmm;
using GmmVariants;
using Xunit;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// The ADBench GMM objective written in other ordinary styles (shared/gmm-variants, not written for the
/// generator): each style's generated gradient against the hand-written gradient of samples/Gmm, and its
/// value against ADBench's reference value on test.txt.
/// </summary>
public sealed class GmmStyleTests
{
    /// <summary>A style: value and gradient (into alphas, means, icf shadows, accumulated) at the data's parameters.</summary>
    private delegate double StyleGradient(GmmData data, double constant, double[] dAlphas, double[] dMeans, double[] dIcf);

    private static readonly Dictionary<string, (Func<GmmData, double, double> Value, StyleGradient Gradient)> Styles = new()
    {
        ["InlineAllocations"] = (
            (g, c) => GmmInlineAllocations.Objective(g.Alphas, g.Means, g.Icf, g.Points, g.D, g.K, g.N, g.WishartGamma, g.WishartM, c),
            (g, c, da, dm, di) => GmmInlineAllocations.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.Points, g.D, g.K, g.N, g.WishartGamma, g.WishartM, c, da, dm, di)),
        ["HelperCalls"] = (
            (g, c) => GmmHelperCalls.Objective(g.Alphas, g.Means, g.Icf, g.Points, g.D, g.K, g.N, g.WishartGamma, g.WishartM, c),
            (g, c, da, dm, di) => GmmHelperCalls.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.Points, g.D, g.K, g.N, g.WishartGamma, g.WishartM, c, da, dm, di)),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string style in Styles.Keys)
            foreach (string file in new[] { "test.txt", "1k/gmm_d2_K5.txt", "1k/gmm_d10_K25.txt" }) data.Add(style, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Style_ValueAndGradient_MatchHandWrittenGradient(string style, string file)
    {
        var data = GmmData.Load(SharedData.GmmFile(file));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        var expected = new double[data.ParameterCount];
        double expectedValue = GmmHandGradient.EvaluateGradient(data, expected);

        var (value, gradient) = Styles[style];
        double[] dAlphas = new double[data.Alphas.Length], dMeans = new double[data.Means.Length], dIcf = new double[data.Icf.Length];
        double generatedValue = gradient(data, constant, dAlphas, dMeans, dIcf);
        double plainValue = value(data, constant);
        double[] actual = dAlphas.Concat(dMeans).Concat(dIcf).ToArray();

        Assert.True(Math.Abs(plainValue - expectedValue) <= 1e-12 * Math.Abs(expectedValue), $"{style} value {plainValue}, hand-written {expectedValue}");
        Assert.Equal(plainValue, generatedValue);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-9 * Math.Max(Math.Abs(expected[i]), 1e-3 * scale),
                $"{style} on {file}: d/dp[{i}] = {actual[i]}, hand-written {expected[i]}");
    }

    /// <summary>ADBench's reference value of test.txt (shared/gmm-variants/README.md), for every style.</summary>
    [Fact]
    public void EveryStyle_OnTestFile_GivesAdbenchValue()
    {
        var data = GmmData.Load(SharedData.GmmFile("test.txt"));
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        foreach (var (name, style) in Styles)
            Assert.True(Math.Abs(style.Value(data, constant) - 8.07380408004975791) <= 1e-12 * 8.07, $"{name}: {style.Value(data, constant)}");
    }
}
