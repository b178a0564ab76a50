using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using DiffGen.Samples.Gmm;
using GmmVariants;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// The cost of the generated gradient across source styles of one objective: samples/Gmm (plain source
/// and the variant with exp(q) once per call) and the two styles of shared/gmm-variants (helper calls
/// with a reused scratch array; buffers allocated inside the loops). Each style's value+gradient time
/// over its own value time, and over the hand-written gradient, from interleaved rounds (order
/// rotating) in one process under the runtime's default settings. Run with
/// <c>--gmm-styles [rounds] [files...]</c>; the default files are the README table's eight and the
/// d = 64 ones.
/// </summary>
public static class GmmStyles
{
    private static readonly string[] DefaultFiles =
    {
        "1k/gmm_d2_K5.txt", "1k/gmm_d10_K25.txt", "1k/gmm_d20_K50.txt", "1k/gmm_d32_K100.txt", "1k/gmm_d64_K10.txt",
        "10k/gmm_d2_K200.txt", "10k/gmm_d10_K5.txt", "10k/gmm_d20_K25.txt",
        "1k/gmm_d64_K5.txt", "1k/gmm_d64_K25.txt", "10k/gmm_d64_K5.txt", "10k/gmm_d64_K10.txt",
    };

    private static readonly string[] StyleNames = { "Gmm", "Gmm P", "HelperCalls", "InlineAllocations" };

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 7;
        var files = args.SkipWhile(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)).ToArray();
        string root = SharedData.Folder("data/adbench-gmm");
        if (files.Length == 0) files = DefaultFiles.Where(f => File.Exists(Path.Combine(root, f))).ToArray();
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds per file; ratios as min, median");
        Console.WriteLine("| file | " + string.Join(" | ", StyleNames.Select(s => s + " (value+gradient)/value")) + " | " + string.Join(" | ", StyleNames.Select(s => s + " gradient/hand")) + " |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", 2 * StyleNames.Length)));
        foreach (string file in files)
        {
            var data = GmmData.Load(Path.Combine(root, file));
            double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
            var gradient = new double[data.ParameterCount];
            double[] dAlphas = new double[data.Alphas.Length], dMeans = new double[data.Means.Length], dIcf = new double[data.Icf.Length];
            // Per style: value, then value+gradient; the hand-written gradient last.
            Func<double>[] methods =
            {
                () => GmmObjective.Evaluate(data),
                () => GmmObjective.EvaluateGradient(data, gradient),
                () => GmmObjective.EvaluatePrecomputedDiagonal(data),
                () => GmmObjective.EvaluateGradientPrecomputedDiagonal(data, gradient),
                () => GmmHelperCalls.Objective(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant),
                () => GmmHelperCalls.ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant, dAlphas, dMeans, dIcf),
                () => GmmInlineAllocations.Objective(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant),
                () => GmmInlineAllocations.ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant, dAlphas, dMeans, dIcf),
                () => GmmHandGradient.EvaluateGradient(data, gradient),
            };
            var times = Interleaving.Run(methods, rounds);
            double Min(int m) => times[m].Min();
            double Median(int m) => times[m].OrderBy(t => t).ElementAt(rounds / 2);
            string Ratio(int a, int b) => string.Format(CultureInfo.InvariantCulture, "{0:F2}, {1:F2}", Min(a) / Min(b), Median(a) / Median(b));
            int hand = methods.Length - 1;
            var cells = Enumerable.Range(0, StyleNames.Length).Select(s => Ratio(2 * s + 1, 2 * s))
                .Concat(Enumerable.Range(0, StyleNames.Length).Select(s => Ratio(2 * s + 1, hand)));
            Console.WriteLine($"| {file} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }
}
