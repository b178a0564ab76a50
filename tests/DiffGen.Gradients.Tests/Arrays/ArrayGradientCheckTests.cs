using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using Xunit;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using R = DiffGen.Gradients.Tests.Arrays.Corpus.ReductionFunctions;
using Rec = DiffGen.Gradients.Tests.Arrays.Corpus.RecurrenceFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// The generated {M}GradientCheck for array parameters: one entry per element (named "x[k]") and per
/// scalar, in parameter order, whose reverse column is the generated gradient, and which passes at
/// smooth points.
/// </summary>
public sealed class ArrayGradientCheckTests
{
    [Fact]
    public void DotArraysGradientCheck_TwoArrays_ChecksEveryElementInOrderAndPasses()
    {
        double[] x = { 0.5, -1.5, 2.0 }, y = { 1.0, 0.25, -0.75 };
        var result = R.DotArraysGradientCheck(x, y);
        Assert.Equal(new[] { "x[0]", "x[1]", "x[2]", "y[0]", "y[1]", "y[2]" }, result.ParameterNames);
        Assert.Equal(y.Concat(x), result.Reverse);
        Assert.True(result.Passed(1e-6, 1e-8), result.ToString());
    }

    [Fact]
    public void HornerGradientCheck_SpanAndScalar_ChecksCoefficientsThenScalarAndPasses()
    {
        double[] c = { 1.0, -2.0, 0.5, 3.0 };
        var result = Rec.HornerGradientCheck(c, 0.8);
        Assert.Equal(5, result.ParameterNames.Length);
        Assert.Equal("c[3]", result.ParameterNames[3]);
        var dc = new double[4];
        Rec.HornerGradient(c, 0.8, dc, out double dx);
        Assert.Equal(dc.Append(dx), result.Reverse);
        Assert.True(result.Passed(1e-6, 1e-8), result.ToString());
    }

    [Fact]
    public void LeastSquaresAndRecurrenceGradientChecks_AtFixedPoints_Pass()
    {
        var random = new Random(401);
        double[] a = Enumerable.Range(0, 12).Select(_ => random.NextDouble() - 0.5).ToArray();
        var leastSquares = M.LeastSquaresGradientCheck(a, new[] { 0.3, -0.8, 1.1 }, new[] { 0.5, -0.5, 0.25, 1.0 });
        Assert.Equal(12 + 3 + 4, leastSquares.ParameterNames.Length);
        Assert.True(leastSquares.Passed(1e-6, 1e-8), leastSquares.ToString());
        var recurrence = Rec.TwoSlotRecurrenceGradientCheck(new[] { 0.9, -1.1, 0.4 }, 0.6, 11);
        Assert.Equal(new[] { "a[0]", "a[1]", "a[2]", "x0" }, recurrence.ParameterNames);
        Assert.True(recurrence.Passed(1e-6, 1e-8), recurrence.ToString());
    }

    [Fact]
    public void MlpLossReluGradientCheck_AwayFromKinks_ChecksAllWeightsAndPasses()
    {
        var c = ArrayCases.Get("MlpLossRelu");
        double[][] p = c.Sample(new Random(402));
        var result = M.MlpLossReluGradientCheck(p[0], p[1], p[2], p[3], ArrayCases.MlpInput, ArrayCases.MlpTarget);
        Assert.Equal(c.Dimension, result.ParameterNames.Length);
        Assert.True(result.Passed(1e-6, 1e-8), result.ToString());
    }
}
