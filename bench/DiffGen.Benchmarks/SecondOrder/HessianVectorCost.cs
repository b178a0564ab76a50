using System;
using System.Globalization;
using System.IO;
using System.Linq;
using DiffGen.Benchmarks.Gmm;
using DiffGen.Samples.Gmm;

namespace DiffGen.Benchmarks.SecondOrder;

/// <summary>
/// The cost of the generated H·v against the generated gradient, in one process, from interleaved rounds (order
/// rotating): the GMM objective of samples/Gmm on ADBench files, and the MLP loss (<see cref="MlpLoops"/>) on a
/// random batch. Prints H·v time over gradient time (min and median). Run with <c>--hvp [rounds] [files...]</c>.
/// </summary>
public static class HessianVectorCost
{
    private static readonly string[] DefaultFiles = { "1k/gmm_d2_K5.txt", "1k/gmm_d10_K25.txt", "1k/gmm_d20_K50.txt", "10k/gmm_d10_K5.txt" };

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 7;
        var files = args.SkipWhile(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)).ToArray();
        string root = SharedData.Folder("data/adbench-gmm");
        if (files.Length == 0) files = DefaultFiles.Where(f => File.Exists(Path.Combine(root, f))).ToArray();
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds; ratios as min, median");
        Console.WriteLine("| objective | parameters | gradient (ms) | H·v (ms) | H·v / gradient |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (string file in files) Gmm(Path.Combine(root, file), file, rounds);
        foreach (int batch in new[] { 16, 64 }) Mlp(batch, rounds);
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }

    private static void Gmm(string path, string name, int rounds)
    {
        var data = GmmData.Load(path);
        double constant = GmmObjective.Constant(data.D, data.K, data.N, data.WishartGamma, data.WishartM);
        var random = new Random(1);
        double[] v = Enumerable.Range(0, data.ParameterCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] g = new double[data.ParameterCount], hv = new double[data.ParameterCount];
        int ka = data.Alphas.Length, km = data.Means.Length;
        Func<double>[] methods =
        {
            () =>
            {
                Array.Clear(g);
                return GmmObjective.ObjectiveGradient(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant,
                    g.AsSpan(0, ka), g.AsSpan(ka, km), g.AsSpan(ka + km));
            },
            () =>
            {
                Array.Clear(hv);
                return GmmObjective.ObjectiveHessianVector(data.Alphas, data.Means, data.Icf, data.Points, data.D, data.K, data.N, data.WishartGamma, data.WishartM, constant,
                    v.AsSpan(0, ka), v.AsSpan(ka, km), v.AsSpan(ka + km), hv.AsSpan(0, ka), hv.AsSpan(ka, km), hv.AsSpan(ka + km));
            },
        };
        Report("GMM " + name, data.ParameterCount, Interleaving.Run(methods, rounds), rounds);
    }

    private static void Mlp(int batch, int rounds)
    {
        var random = new Random(2);
        float[] Draw(int n, double scale) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
        int[] sizes = { MlpLoops.Inputs * MlpLoops.Hidden1, MlpLoops.Hidden1, MlpLoops.Hidden1 * MlpLoops.Hidden2, MlpLoops.Hidden2, MlpLoops.Hidden2 * MlpLoops.Classes, MlpLoops.Classes };
        float[][] w = sizes.Select((n, i) => Draw(n, i % 2 == 0 ? 0.08 : 0.01)).ToArray();
        float[][] v = sizes.Select(n => Draw(n, 1)).ToArray();
        float[][] g = sizes.Select(n => new float[n]).ToArray();
        float[][] hv = sizes.Select(n => new float[n]).ToArray();
        float[] x = Draw(batch * MlpLoops.Inputs, 1).Select(Math.Abs).ToArray();
        int[] labels = Enumerable.Range(0, batch).Select(_ => random.Next(MlpLoops.Classes)).ToArray();
        Func<double>[] methods =
        {
            () =>
            {
                foreach (var a in g) Array.Clear(a);
                return MlpLoops.LossGradient(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, g[0], g[1], g[2], g[3], g[4], g[5]);
            },
            () =>
            {
                foreach (var a in hv) Array.Clear(a);
                return MlpLoops.LossHessianVector(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, v[0], v[1], v[2], v[3], v[4], v[5],
                    hv[0], hv[1], hv[2], hv[3], hv[4], hv[5]);
            },
        };
        Report($"MLP 784-256-128-10 loss (loops, float), batch {batch}", sizes.Sum(), Interleaving.Run(methods, rounds), rounds);
    }

    /// <summary>One table row: the minimum times and the min and median ratios of method 1 (H·v) over method 0 (gradient).</summary>
    internal static void Report(string name, int parameters, double[][] times, int rounds)
    {
        double Min(int m) => times[m].Min();
        double Median(int m) => times[m].OrderBy(t => t).ElementAt(rounds / 2);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2:F3} | {3:F3} | {4:F2}, {5:F2} |",
            name, parameters, Min(0) * 1e3, Min(1) * 1e3, Min(1) / Min(0), Median(1) / Median(0)));
    }
}
