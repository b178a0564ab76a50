using System;
using System.Linq;
using DiffGen.Gradients.Tests.Corpus;
using Xunit;

namespace DiffGen.Gradients.Tests.Objects;

/// <summary>
/// {M}GradientCheck of instance methods: the object's differentiable members are coordinates too (this.Member,
/// this.Array[k]), checked against forward mode and against central differences that perturb each member in place
/// (put back afterwards) or, for the init-only properties of records, in a copy made with <c>with</c>.
/// </summary>
public class InstanceGradientCheckTests
{
    private static void AssertPassed(GradientCheckResult result) => Assert.True(result.Passed(1e-6, 1e-9), result.ToString());

    [Fact]
    public void ClassWithScalarFields_ChecksTheFieldsAndLeavesThemAsTheyWere()
    {
        var fit = new LineFit { Slope = 0.7, Intercept = -0.2 };
        double[] x = { 0.5, 1.5, -1.0 }, y = { 1.0, 0.3, -0.4 };
        var result = fit.LossGradientCheck(x, y);
        AssertPassed(result);
        Assert.Equal(new[] { "this.Slope", "this.Intercept" }, result.ParameterNames);
        Assert.Equal((0.7, -0.2), (fit.Slope, fit.Intercept));
        var gradient = new LineFit.Tangent(fit);
        fit.LossGradient(x, y, gradient);
        Assert.Equal(new[] { gradient.Slope, gradient.Intercept }, result.Reverse);
    }

    [Fact]
    public void ParameterState_AndArrayFields_AreCheckedElementByElement()
    {
        var mlp = new TinyMlp(3, 4, new Random(3));
        var before = mlp.W1.Data.ToArray();
        double[] x = { 0.2, -0.5, 0.9, 1.1, 0.0, -0.3 };
        var result = mlp.LossGradientCheck(x, new[] { 0.4, -0.1 }, 2);
        AssertPassed(result);
        Assert.Contains("this.W1[11]", result.ParameterNames);
        Assert.Contains("x[5]", result.ParameterNames);
        Assert.Equal(6 + 12 + 4 + 4, result.ParameterNames.Length);
        Assert.Equal(before, mlp.W1.Data);

        var regressor = new Regressor();
        AssertPassed(regressor.PredictGradientCheck(new[] { 1.0, -2.0, 0.5 }));
    }

    [Fact]
    public void Structs_AndRecordsWithInitOnlyProperties_AreChecked()
    {
        var body = new Body { Mass = 2.0, Velocity = 3.0 };
        var bodyCheck = body.ActionGradientCheck(0.1);
        AssertPassed(bodyCheck);
        Assert.Equal(new[] { "dt", "this.Mass", "this.Velocity" }, bodyCheck.ParameterNames);

        var spring = new Spring(4.0, 1.2);
        var springCheck = spring.PotentialGradientCheck(1.7);
        AssertPassed(springCheck);
        Assert.Equal(new[] { "x", "this.Stiffness", "this.RestLength" }, springCheck.ParameterNames);

        AssertPassed(new Point2(0.3, -0.4).DistanceToGradientCheck(1.0, 0.5));
        AssertPassed(new Pendulum { Length = 1.4, Mass = 0.8 }.EnergyGradientCheck(0.6));
    }

    [Fact]
    public void FloatState_UsesSinglePrecisionDifferences()
    {
        var neuron = new FloatNeuron();
        var result = neuron.OutputGradientCheck(new[] { 0.5f, 1.0f, -0.25f });
        Assert.True(result.Passed(2e-3, 1e-4), result.ToString());
        Assert.Equal(new[] { "this.Weights[0]", "this.Weights[1]", "this.Weights[2]", "this.Bias" }, result.ParameterNames);
    }

    [Fact]
    public void Differences_PerturbTheState_SoAWrongReverseEntryWouldShow()
    {
        // The finite-difference column moves with the state: at another slope the Intercept entry changes.
        double[] x = { 0.5, 1.5, -1.0 }, y = { 1.0, 0.3, -0.4 };
        var first = new LineFit { Slope = 0.7, Intercept = -0.2 }.LossGradientCheck(x, y);
        var second = new LineFit { Slope = -1.3, Intercept = -0.2 }.LossGradientCheck(x, y);
        Assert.NotEqual(first.FiniteDifference[1], second.FiniteDifference[1], 6);
        // d/dIntercept of the mean squared residual: 2 * mean(residual), computed here by hand.
        double expected = 2 * x.Select((xi, i) => -1.3 * xi - 0.2 - y[i]).Average();
        Assert.Equal(expected, second.FiniteDifference[1], 7);
    }
}
