using System;
using System.Globalization;
using System.Linq;
using DiffGen.Benchmarks.Gmm;

namespace DiffGen.Benchmarks.SecondOrder;

/// <summary>
/// The cost of H·v through the span primitives' second-order rules: the sample MLP's loss (<see cref="MlpSpanOps"/>,
/// float and double) on random batches, generated H·v against the generated gradient in interleaved rounds of one
/// process. Prints H·v time over gradient time (min and median). Run with <c>--hvp-mlp [rounds] [batches...]</c>.
/// </summary>
public static class SpanMlpHessianVectorCost
{
    public static void Run(string[] args)
    {
        int[] numbers = args.Select(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : -1).Where(n => n > 0).ToArray();
        int rounds = numbers.Length > 0 ? numbers[0] : 7;
        int[] batches = numbers.Length > 1 ? numbers.Skip(1).ToArray() : [16, 64, 256];
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds; ratios as min, median");
        Console.WriteLine("| objective | parameters | gradient (ms) | H·v (ms) | H·v / gradient |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int batch in batches)
        {
            Float(batch, rounds);
            Double(batch, rounds);
        }

        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }

    private static readonly int[] Sizes =
    [
        MlpSpanOps.Inputs * MlpSpanOps.Hidden1, MlpSpanOps.Hidden1, MlpSpanOps.Hidden1 * MlpSpanOps.Hidden2, MlpSpanOps.Hidden2,
        MlpSpanOps.Hidden2 * MlpSpanOps.Classes, MlpSpanOps.Classes,
    ];

    private static double[][] Draw(Random random, bool weights)
        => Sizes.Select((n, i) => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) * (weights ? (i % 2 == 0 ? 0.08 : 0.01) : 1)).ToArray()).ToArray();

    private static (double[][] W, double[][] V, double[] X, int[] Labels) Data(int batch)
    {
        var random = new Random(3);
        var w = Draw(random, weights: true);
        var v = Draw(random, weights: false);
        double[] x = Enumerable.Range(0, batch * MlpSpanOps.Inputs).Select(_ => random.NextDouble()).ToArray();
        int[] labels = Enumerable.Range(0, batch).Select(_ => random.Next(MlpSpanOps.Classes)).ToArray();
        return (w, v, x, labels);
    }

    private static void Float(int batch, int rounds)
    {
        var (wd, vd, xd, labels) = Data(batch);
        float[][] w = wd.Select(a => a.Select(e => (float)e).ToArray()).ToArray(), v = vd.Select(a => a.Select(e => (float)e).ToArray()).ToArray();
        float[] x = xd.Select(e => (float)e).ToArray();
        float[][] g = Sizes.Select(n => new float[n]).ToArray(), hv = Sizes.Select(n => new float[n]).ToArray();
        Func<double>[] methods =
        [
            () =>
            {
                foreach (var a in g) Array.Clear(a);
                return MlpSpanOps.LossGradient(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, 0f, g[0], g[1], g[2], g[3], g[4], g[5]);
            },
            () =>
            {
                foreach (var a in hv) Array.Clear(a);
                return MlpSpanOps.LossHessianVector(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, 0f, v[0], v[1], v[2], v[3], v[4], v[5],
                    hv[0], hv[1], hv[2], hv[3], hv[4], hv[5]);
            },
        ];
        HessianVectorCost.Report($"MLP 784-256-128-10 loss (SpanOps, float), batch {batch}", Sizes.Sum(), Interleaving.Run(methods, rounds), rounds);
    }

    private static void Double(int batch, int rounds)
    {
        var (w, v, x, labels) = Data(batch);
        double[][] g = Sizes.Select(n => new double[n]).ToArray(), hv = Sizes.Select(n => new double[n]).ToArray();
        Func<double>[] methods =
        [
            () =>
            {
                foreach (var a in g) Array.Clear(a);
                return MlpSpanOps.LossDoubleGradient(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, 0.0, g[0], g[1], g[2], g[3], g[4], g[5]);
            },
            () =>
            {
                foreach (var a in hv) Array.Clear(a);
                return MlpSpanOps.LossDoubleHessianVector(w[0], w[1], w[2], w[3], w[4], w[5], x, labels, batch, 0.0, v[0], v[1], v[2], v[3], v[4], v[5],
                    hv[0], hv[1], hv[2], hv[3], hv[4], hv[5]);
            },
        ];
        HessianVectorCost.Report($"MLP 784-256-128-10 loss (SpanOps, double), batch {batch}", Sizes.Sum(), Interleaving.Run(methods, rounds), rounds);
    }
}
