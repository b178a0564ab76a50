using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using Xunit;
using Xunit.Abstractions;

namespace DiffGen.Runtime.Tests.Optimizers.FiniteSums;

/// <summary>
/// The lecture's claim on L2-regularized logistic regression: SAG, SAGA and SVRG with the papers' step sizes reduce
/// log(F(w) - F*) linearly in the passes over the data, down to the Newton optimum at 1e-12, while SGD's falls
/// ever slower. Slopes are least-squares fits of the natural log of the suboptimality against effective passes.
/// </summary>
public class FiniteSumRateTests(ITestOutputHelper output)
{
    private static readonly LogisticProblem Problem = new(n: 500, d: 10, lambda: 0.01, seed: 3);

    private static FiniteSumOptimizer Create(string method, Parameter<double> w, FiniteSum sum)
    {
        double l = Problem.Smoothness;
        double lambda = Problem.Lambda;
        return method switch
        {
            "SAG" => new Sag(w, sum, new SagOptions { Smoothness = l, WeightDecay = lambda, Seed = 1 }),
            "SAGA" => new Saga(w, sum, new SagaOptions { Smoothness = l, WeightDecay = lambda, Seed = 1 }),
            "SVRG" => new Svrg(w, sum, new SvrgOptions { Smoothness = l, WeightDecay = lambda, Seed = 1 }),
            _ => throw new ArgumentException(method, nameof(method)),
        };
    }

    private List<(double Passes, double Gap)> Trajectory(FiniteSumOptimizer o, double passes)
    {
        var points = new List<(double, double)>();
        while (o.EffectivePasses < passes)
        {
            o.Epoch();
            points.Add((o.EffectivePasses, Problem.Value(o.Weights.Data) - Problem.OptimalValue));
        }

        return points;
    }

    [Theory]
    [InlineData("SAG", 100.0)]
    [InlineData("SAGA", 80.0)]
    [InlineData("SVRG", 80.0)]
    public void VarianceReduced_LogSuboptimality_FallsLinearly_ToTheNewtonOptimum(string method, double passes)
    {
        var w = new Parameter<double>(new double[Problem.D], "w");
        var o = Create(method, w, Problem.Linear());
        var points = Trajectory(o, passes);
        // The fit stops where the gap reaches rounding (about 1e-15 of F*).
        var linear = points.Where(p => p.Gap > 1e-13).ToList();
        double slope = SlopeFit.SemiLog(linear);
        double firstHalf = SlopeFit.SemiLog(linear.Take(linear.Count / 2).ToList());
        double secondHalf = SlopeFit.SemiLog(linear.Skip(linear.Count / 2).ToList());
        output.WriteLine($"{method}: slope {slope:F3} per pass (halves {firstHalf:F3}, {secondHalf:F3}); gap {points[^1].Gap:G3} after {o.EffectivePasses:F1} passes");
        Assert.True(slope < -0.3, $"slope {slope}");
        // Linear, not sublinear: the second half falls at least about as fast as the first.
        Assert.True(secondHalf < 0.7 * firstHalf, $"halves {firstHalf}, {secondHalf}");
        Assert.True(points[^1].Gap < 1e-12, $"gap {points[^1].Gap}");
        for (int j = 0; j < Problem.D; j++) Assert.Equal(Problem.Optimum[j], w.Data[j], 1e-6);
    }

    [Fact]
    public void Sgd_LogSuboptimality_DoesNotFallLinearly()
    {
        // Plain SGD with torch's Sgd, one sample per step, step 1/(L + lambda) decayed as 1/sqrt(epoch).
        var w = new Parameter<double>(new double[Problem.D], "w");
        var sgd = new Sgd<double>([w], new SgdOptions { Lr = 1.0 / (Problem.Smoothness + Problem.Lambda), WeightDecay = Problem.Lambda });
        var rng = new NoiseSource(1);
        var points = new List<(double, double)>();
        for (int epoch = 1; epoch <= 40; epoch++)
        {
            sgd.SetLearningRate(0, 1.0 / (Problem.Smoothness + Problem.Lambda) / Math.Sqrt(epoch));
            for (int k = 0; k < Problem.N; k++)
            {
                int i = (int)(rng.NextUInt64() % (ulong)Problem.N);
                double s = Problem.LossDerivative(i, Problem.Margin(i, w.Data));
                for (int j = 0; j < Problem.D; j++) w.Grad[j] = s * Problem.X[i * Problem.D + j];
                sgd.Step();
            }

            points.Add((epoch, Problem.Value(w.Data) - Problem.OptimalValue));
        }

        double firstHalf = SlopeFit.SemiLog(points.Take(20).ToList()), secondHalf = SlopeFit.SemiLog(points.Skip(20).ToList());
        output.WriteLine($"SGD: slope {SlopeFit.SemiLog(points):F3} per pass (halves {firstHalf:F3}, {secondHalf:F3}); gap {points[^1].Item2:G3}");
        Assert.True(points[^1].Item2 > 1e-6, $"gap {points[^1].Item2}");
        Assert.True(secondHalf > -0.1, $"second-half slope {secondHalf}");
    }

    [Theory]
    [InlineData("SAG")]
    [InlineData("SAGA")]
    [InlineData("SVRG")]
    public void CompactTable_OfLinearModel_MatchesFullTable(string method)
    {
        var a = new Parameter<double>(new double[Problem.D], "w");
        var b = new Parameter<double>(new double[Problem.D], "w");
        var compact = Create(method, a, Problem.Linear());
        var full = Create(method, b, Problem.General());
        for (int e = 0; e < 5; e++)
        {
            compact.Epoch();
            full.Epoch();
        }

        for (int j = 0; j < Problem.D; j++) Assert.Equal(b.Data[j], a.Data[j], 1e-12);
        // SVRG recomputes the snapshot gradient of the drawn sample when the table is full: twice the inner evaluations.
        if (method == "SVRG") Assert.True(full.GradientEvaluations > compact.GradientEvaluations);
        else Assert.Equal(full.GradientEvaluations, compact.GradientEvaluations);
    }
}
