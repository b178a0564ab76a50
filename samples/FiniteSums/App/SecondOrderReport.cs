using System;
using System.Linq;
using System.Numerics.Tensors;
using DiffGen.Samples.FiniteSums.Model;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>The <c>--newton</c> command: Newton-CG against L-BFGS and Adam on the full-batch problem, passes over the
/// data to reach gradient norms of 1e-4, 1e-6 and 1e-8 times the initial one, and the gradient-norm chart.</summary>
public static class SecondOrderReport
{
    /// <summary>Runs every method and prints the table.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Budget and plot path.</param>
    /// <param name="pair">The class pair, for the title.</param>
    public static void Run(BinaryProblem problem, Options options, string pair)
    {
        var g0 = new double[problem.Dimension];
        problem.ValueAndGradient(new double[problem.Dimension], g0);
        double initial = TensorPrimitives.Norm<double>(g0);
        double[] reductions = [1e-4, 1e-6, 1e-8];
        double stop = initial * reductions[^1];

        var (newton, o) = SecondOrderRuns.NewtonCg(problem, options.Passes, stop);
        Curve[] curves =
        [
            newton,
            SecondOrderRuns.NewtonCg(problem, options.Passes, stop, preconditioned: true).Curve,
            SecondOrderRuns.NewtonCgFiniteDifferences(problem, options.Passes, stop),
            SecondOrderRuns.Lbfgs(problem, options.Passes, 10, stop),
            SecondOrderRuns.Lbfgs(problem, options.Passes, 100, stop),
            SecondOrderRuns.Adam(problem, options.Passes, 1e-3, stop),
            SecondOrderRuns.Adam(problem, options.Passes, 1e-2, stop),
        ];

        Console.WriteLine($"||grad F(0)|| = {initial:G3}; passes over the data to reach ||grad F|| <= r ||grad F(0)|| (L-BFGS and Adam stop after {options.Passes}; Newton-CG runs to r = 1e-8)");
        Console.WriteLine($"| method | {string.Join(" | ", reductions.Select(r => $"r = {r:G1}"))} |");
        Console.WriteLine($"|---|{string.Concat(reductions.Select(_ => "---|"))}");
        foreach (var c in curves)
        {
            var cells = reductions.Select(r => SecondOrderRuns.PassesTo(c, r * initial) is { } p ? $"{p:F0}" : "not reached");
            Console.WriteLine($"| {c.Name} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine($"Newton-CG: {o.Iterations} iterations, {o.GradientEvaluations} gradients, {o.HessianVectorProducts} H·v products; " +
                          $"with H·v counted as 2 passes it reaches r = 1e-8 after {o.Passes(2.0):F0} passes");
        GradientNormPlot.Save(curves, $"Logistic regression, Fashion-MNIST {pair}: gradient norm per pass", options.PlotPath);
        Console.WriteLine($"plot written to {System.IO.Path.GetFullPath(options.PlotPath)}");
    }
}
