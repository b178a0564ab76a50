using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DiffGen.Samples.Gmm;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// A load-tolerant companion to <see cref="GmmBenchmarks"/> for shared machines: the objective, the
/// generated gradient and the hand-written gradient (and the objective variant with exp(q) computed once
/// per call, with its generated gradient) run in alternating rounds (the order rotating), so
/// a change in background load hits all three alike, and the ratios come from the per-method minimum
/// and median over the rounds. Run with <c>--gmm-interleaved [rounds] [files...]</c>.
/// </summary>
public static class GmmInterleaved
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 15;
        var files = args.SkipWhile(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)).ToArray();
        if (files.Length == 0) files = GmmBenchmarks.Files().ToArray();
        string root = SharedData.Folder("data/adbench-gmm");
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds per file");
        Console.WriteLine("Ratios as min, median. P: the source variant with exp(q) computed once per call (ObjectivePrecomputedDiagonal).");
        Console.WriteLine("| file | objective (min) | gradient/objective | hand/objective | gradient/hand | P gradient/P objective | P gradient/hand |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (string file in files)
        {
            var data = GmmData.Load(Path.Combine(root, file));
            var gradient = new double[data.ParameterCount];
            Func<double>[] methods =
            {
                () => GmmObjective.Evaluate(data),
                () => GmmObjective.EvaluateGradient(data, gradient),
                () => GmmHandGradient.EvaluateGradient(data, gradient),
                () => GmmObjective.EvaluatePrecomputedDiagonal(data),
                () => GmmObjective.EvaluateGradientPrecomputedDiagonal(data, gradient),
            };
            var times = Interleaving.Run(methods, rounds);
            double Min(int m) => times[m].Min();
            double Median(int m) => times[m].OrderBy(t => t).ElementAt(rounds / 2);
            string Ratio(int a, int b) => string.Format(CultureInfo.InvariantCulture, "{0:F2}, {1:F2}", Min(a) / Min(b), Median(a) / Median(b));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F3} ms | {2} | {3} | {4} | {5} | {6} |",
                file, Min(0) * 1e3, Ratio(1, 0), Ratio(2, 0), Ratio(1, 2), Ratio(4, 3), Ratio(4, 2)));
        }
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }
}
