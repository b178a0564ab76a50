using System;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using DiffGen.Optimizers.SecondOrder;
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

    [Fact]
    public void CommandLine_Newton_SetsItsDefaults()
    {
        var o = Options.Parse(["--newton"], FashionMnistData.ClassNames).Options!;
        Assert.Equal((true, 300, "newton-cg.png"), (o.SecondOrder, o.Passes, o.PlotPath));
        o = Options.Parse(["--newton", "--passes", "50", "--plot", "a.png"], FashionMnistData.ClassNames).Options!;
        Assert.Equal((true, 50, "a.png"), (o.SecondOrder, o.Passes, o.PlotPath));
        Assert.False(Options.Parse([], FashionMnistData.ClassNames).Options!.SecondOrder);
    }

    /// <summary>The hand-written H·v of the sample against central differences of the generated gradient, written here
    /// (step 1e-5 on unit-norm data: truncation about 1e-10).</summary>
    [Fact]
    public void HessianVector_MatchesCentralDifferencesOfTheGeneratedGradient()
    {
        var problem = BinaryProblem.Create(FashionMnistData.Embedded().Train, 2, 4, 1e-3);
        var rng = new Random(3);
        double[] w = Enumerable.Range(0, problem.Dimension).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] v = Enumerable.Range(0, problem.Dimension).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var hv = new double[problem.Dimension];
        problem.HessianVector(w, v, hv);

        const double h = 1e-5;
        double[] plus = new double[problem.Dimension], minus = new double[problem.Dimension];
        problem.ValueAndGradient(w.Zip(v, (a, b) => a + h * b).ToArray(), plus);
        problem.ValueAndGradient(w.Zip(v, (a, b) => a - h * b).ToArray(), minus);
        double scale = hv.Max(Math.Abs);
        for (int j = 0; j < problem.Dimension; j++) Assert.Equal((plus[j] - minus[j]) / (2 * h), hv[j], 1e-8 * scale);
    }

    /// <summary>The --newton comparison on the real data: Newton-CG reaches 1e-8 of the initial gradient norm (the
    /// table's last column; measured 44 passes), and its curve starts at the gradient at 0.</summary>
    [Fact]
    public void RealData_NewtonCg_ReachesTightGradientNorm()
    {
        var problem = BinaryProblem.Create(FashionMnistData.Embedded().Train, 2, 4, 1e-3);
        var g0 = new double[problem.Dimension];
        problem.ValueAndGradient(new double[problem.Dimension], g0);
        double initial = Math.Sqrt(g0.Sum(v => v * v));

        var (curve, o) = SecondOrderRuns.NewtonCg(problem, 300, 1e-8 * initial);

        Assert.Equal(initial, curve.Points[0].Value, 1e-15);
        Assert.True(SecondOrderRuns.PassesTo(curve, 1e-8 * initial) is { } p && p <= 100, $"passes {SecondOrderRuns.PassesTo(curve, 1e-8 * initial)}");
        Assert.Equal(o.Passes(1.0), curve.Points[^1].Passes);
        Assert.Equal(CgStop.Converged, o.LastCgStop);
    }
}
