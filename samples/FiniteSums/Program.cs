using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using DiffGen.Optimizers.FiniteSums;
using DiffGen.Samples.FashionMnist.Data;
using DiffGen.Samples.FiniteSums.App;
using DiffGen.Samples.FiniteSums.Model;

// Usage: dotnet run -c Release --project samples/FiniteSums -- [--classes A,B] [--lambda X] [--passes N] [--full-table] [--newton] [--plot FILE]
var (options, error) = Options.Parse(args, FashionMnistData.ClassNames);
if (options is null)
{
    Console.Error.WriteLine($"error: {error}");
    return 2;
}

FashionMnistData data;
try
{
    data = FashionMnistData.Embedded();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

var problem = BinaryProblem.Create(data.Train, options.Positive, options.Negative, options.Lambda);
string pair = $"{FashionMnistData.ClassNames[options.Positive]} vs {FashionMnistData.ClassNames[options.Negative]}";
Console.WriteLine($"L2-regularized logistic regression, {pair}: n = {problem.Count}, d = {problem.Dimension}, lambda = {options.Lambda:G3}, " +
                  $"L = {problem.Smoothness} (unit-norm rows), {(options.FullTable ? "full gradient tables" : "one stored scalar per sample")}");
if (options.SecondOrder)
{
    SecondOrderReport.Run(problem, options, pair);
    return 0;
}

var (lbfgsValue, lbfgsGradient) = problem.ReferenceOptimum();
// Strong convexity (mu >= lambda) bounds what L-BFGS leaves: F - F* <= ||grad F||^2 / (2 lambda).
Console.WriteLine($"reference optimum by L-BFGS: F* = {lbfgsValue:R}, ||grad F|| = {lbfgsGradient:G3} " +
                  $"(so within {lbfgsGradient * lbfgsGradient / (2 * options.Lambda):G2} of the optimum)");

FiniteSum Sum() => options.FullTable ? problem.AsSampleGradients() : problem.AsLinearModel();
Parameter<double> Zero() => new(new double[problem.Dimension], "w");
var common = (L: problem.Smoothness, Lambda: problem.Lambda);
Curve[] curves =
[
    MethodRuns.Sgd(problem, options.Passes, seed: 1),
    MethodRuns.Run(new Sag(Zero(), Sum(), new SagOptions { Smoothness = common.L, WeightDecay = common.Lambda, Seed = 1 }), problem, options.Passes),
    MethodRuns.Run(new Saga(Zero(), Sum(), new SagaOptions { Smoothness = common.L, WeightDecay = common.Lambda, Seed = 1 }), problem, options.Passes),
    MethodRuns.Run(new Svrg(Zero(), Sum(), new SvrgOptions { Smoothness = common.L, WeightDecay = common.Lambda, Seed = 1 }), problem, options.Passes),
];

// A method may end a hair below L-BFGS; the optimum is the best value seen, and gaps under 1e-13 are rounding.
double best = curves.SelectMany(c => c.Points).Min(p => p.Value);
double optimum = Math.Min(lbfgsValue, best);
const double Floor = 1e-13;
Console.WriteLine($"{"method",-6} {"step",-16} {"passes",7} {"F - F*",10} {"slope of ln(F - F*) per pass",30}");
string[] steps = ["1/((L+l)sqrt k)", "1/(16(L+l))", "1/(3(L+l))", "1/(10(L+l))"];
for (int m = 0; m < curves.Length; m++)
{
    var c = curves[m];
    var last = c.Points[^1];
    Console.WriteLine($"{c.Name,-6} {steps[m],-16} {last.Passes,7:F1} {Math.Max(last.Value - optimum, 0.0),10:G3} {c.LogGapSlope(optimum, Floor),30:F3}");
}

SuboptimalityPlot.Save(curves, optimum, Floor, $"Logistic regression, Fashion-MNIST {pair}: suboptimality per pass", options.PlotPath);
Console.WriteLine($"plot written to {Path.GetFullPath(options.PlotPath)}");
return 0;
