using System;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FiniteSums.App;
using DiffGen.Samples.FiniteSums.Model;
using Xunit;

namespace DiffGen.Training.Tests;

public class FiniteSumsSampleTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(2.5, -1.0)]
    [InlineData(-40.0, 1.0)]
    [InlineData(800.0, -1.0)]
    public void GeneratedMarginGradient_IsTheLogisticDerivative(double z, double y)
    {
        double value = LogisticLoss.MarginLossGradient(z, y, out double dz);
        Assert.Equal(-y / (1.0 + Math.Exp(y * z)), dz, 1e-15);
        Assert.True(double.IsFinite(value));
    }

    [Fact]
    public void GeneratedSampleGradient_IsMarginDerivativeTimesFeatures()
    {
        double[] w = [0.3, -0.2, 0.5], x = [1.0, 2.0, -0.5];
        var g = new double[3];
        LogisticLoss.SampleLossGradient(w, x, -1.0, g);
        double z = w.Zip(x, (a, b) => a * b).Sum(), s = 1.0 / (1.0 + Math.Exp(-z));
        for (int j = 0; j < 3; j++) Assert.Equal(s * x[j], g[j], 1e-15);
    }

    [Theory]
    [InlineData("--lambda", "0", "--lambda needs a positive number (got '0')")]
    [InlineData("--passes", "0", "--passes needs an integer from 1 to 1000 (got '0')")]
    [InlineData("--classes", "coat", "--classes needs two different classes")]
    [InlineData("--classes", "coat,Coat", "--classes needs two different classes")]
    [InlineData("--classes", "2,11", "--classes needs two different classes")]
    [InlineData("--oops", "1", "unexpected argument '--oops'")]
    public void CommandLine_BadInput_IsOneLineError(string option, string value, string message)
    {
        var (options, error) = Options.Parse([option, value], FashionMnistData.ClassNames);
        Assert.Null(options);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error!);
    }

    [Fact]
    public void CommandLine_ClassNamesAndLabels_Parse()
    {
        var (options, _) = Options.Parse(["--classes", "sneaker,9", "--full-table"], FashionMnistData.ClassNames);
        Assert.Equal((7, 9, true), (options!.Positive, options.Negative, options.FullTable));
        Assert.Equal((2, 4), (Options.Parse([], FashionMnistData.ClassNames).Options!.Positive, Options.Parse([], FashionMnistData.ClassNames).Options!.Negative));
    }

    /// <summary>On the real data (Pullover vs Coat) SAGA's gap to the L-BFGS optimum falls linearly to 1e-9 in 20 passes;
    /// SGD with decreasing steps stays far above.</summary>
    [Fact]
    public void RealData_Saga_ReachesTheOptimum_SgdDoesNot()
    {
        var problem = BinaryProblem.Create(FashionMnistData.Embedded().Train, 2, 4, 1e-3);
        Assert.All(Enumerable.Range(0, problem.Count), i => Assert.Equal(1.0, Math.Sqrt(problem.Row(i).ToArray().Sum(v => v * v)), 1e-12));
        var (optimum, gradientNorm) = problem.ReferenceOptimum();
        Assert.True(gradientNorm < 1e-6, $"L-BFGS gradient norm {gradientNorm}");

        var w = new Parameter<double>(new double[problem.Dimension], "w");
        var saga = MethodRuns.Run(new Saga(w, problem.AsLinearModel(), new SagaOptions { Smoothness = 0.25, WeightDecay = 1e-3, Seed = 1 }), problem, 20);
        var sgd = MethodRuns.Sgd(problem, 20, seed: 1);
        Assert.True(saga.Points[^1].Value - optimum < 1e-9, $"SAGA gap {saga.Points[^1].Value - optimum}");
        Assert.True(saga.LogGapSlope(optimum, 1e-13) < -0.5);
        Assert.True(sgd.Points[^1].Value - optimum > 1e-3, $"SGD gap {sgd.Points[^1].Value - optimum}");
    }
}
