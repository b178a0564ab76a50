using System.Reflection;
using DiffGen.Generator.Tests.Support;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>
/// The kink rules are chosen per assembly. The same five functions, all equal to relu or to the identity
/// away from 0, give at 0 the values that backpropagation's chain rule predicts from relu'(0)
/// (Bolte and Pauwels' conservative-field examples).
/// </summary>
public class NonsmoothSettingsTests
{
    private const string Functions = """
        using System;
        using DiffGen;
        public static partial class K
        {
            [Differentiable] public static double Relu(double x) => DiffMath.Relu(x);
            [Differentiable] public static double Relu2(double x) => DiffMath.Relu(-x) + x;
            [Differentiable] public static double Relu3(double x) => (DiffMath.Relu(x) + DiffMath.Relu(-x) + x) / 2;
            [Differentiable] public static double Zero(double x) => (DiffMath.Relu(-x) + x) - DiffMath.Relu(x);
            [Differentiable] public static double Identity(double x) => x - ((DiffMath.Relu(-x) + x) - DiffMath.Relu(x));
            [Differentiable] public static double Abs(double x) => Math.Abs(x);
            [Differentiable] public static double Max(double x, double y) => Math.Max(x, y);
            [Differentiable] public static double Clamp(double x) => Math.Clamp(x, 0.0, 1.0);
        }
        """;

    [Theory]
    // relu'(0) = 0 (default): 0, 1, 1/2, 1, 0 as in the literature.
    [InlineData("", "Relu", 0.0)]
    [InlineData("", "Relu2", 1.0)]
    [InlineData("", "Relu3", 0.5)]
    [InlineData("", "Zero", 1.0)]
    [InlineData("", "Identity", 0.0)]
    // relu'(0) = 1: relu2' = -1 + 1 = 0, relu3' = (1 + 0)/2, zero' = 0 - 1, identity' = 1 - (-1).
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "Relu", 1.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "Relu2", 0.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "Relu3", 0.5)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "Zero", -1.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "Identity", 2.0)]
    [InlineData("", "Abs", 0.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(AbsAtZero = 1.0)]", "Abs", 1.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(AbsAtZero = -0.25)]", "Abs", -0.25)]
    public void GradientAtZero_FollowsTheAssemblysKinkRule(string settings, string function, double expected)
    {
        var assembly = GeneratorHarness.CompileAndLoad(settings, Functions);
        var (_, gradient) = GeneratorHarness.Gradient(assembly, "K", function, 0.0);
        Assert.Equal(expected, gradient[0]);
        // Forward mode applies the same rule.
        var tangent = ((System.ValueTuple<double, double>)GeneratorHarness.Call(assembly, "K", function + "Tangent", 0.0, 1.0)!).Item2;
        Assert.Equal(expected, tangent);
    }

    [Theory]
    [InlineData("", 0.5, 0.5)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(TieShareFirst = 1.0)]", 1.0, 0.0)]
    public void MaxAtATie_SplitsTheSeedAsConfigured(string settings, double first, double second)
    {
        var assembly = GeneratorHarness.CompileAndLoad(settings, Functions);
        var (_, gradient) = GeneratorHarness.Gradient(assembly, "K", "Max", 2.0, 2.0);
        Assert.Equal(new[] { first, second }, gradient);
    }

    [Theory]
    [InlineData("", 0.0, 1.0)]
    [InlineData("", 1.0, 1.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ClampPassesAtBound = false)]", 0.0, 0.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ClampPassesAtBound = false)]", 1.0, 0.0)]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ClampPassesAtBound = false)]", 0.5, 1.0)]
    public void ClampAtABound_PassesTheSeedAsConfigured(string settings, double x, double expected)
    {
        var assembly = GeneratorHarness.CompileAndLoad(settings, Functions);
        Assert.Equal(expected, GeneratorHarness.Gradient(assembly, "K", "Clamp", x).Gradient[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0, AbsAtZero = 1.0)]")]
    public void Directional_IsExact_WhateverTheKinkRule(string settings)
    {
        Assembly assembly = GeneratorHarness.CompileAndLoad(settings, Functions);
        foreach (double d in new[] { 1.0, -1.0, 2.5, -0.3 })
        {
            Assert.Equal(d, GeneratorHarness.Directional(assembly, "K", "Identity", new[] { 0.0 }, new[] { d }));
            Assert.Equal(0.0, GeneratorHarness.Directional(assembly, "K", "Zero", new[] { 0.0 }, new[] { d }));
            Assert.Equal(System.Math.Max(d, 0), GeneratorHarness.Directional(assembly, "K", "Relu", new[] { 0.0 }, new[] { d }));
            Assert.Equal(System.Math.Max(d, 0), GeneratorHarness.Directional(assembly, "K", "Relu2", new[] { 0.0 }, new[] { d }));
            Assert.Equal(System.Math.Abs(d), GeneratorHarness.Directional(assembly, "K", "Abs", new[] { 0.0 }, new[] { d }));
            Assert.Equal(System.Math.Max(d, -d), GeneratorHarness.Directional(assembly, "K", "Max", new[] { 1.0, 1.0 }, new[] { d, -d }));
        }
    }
}
