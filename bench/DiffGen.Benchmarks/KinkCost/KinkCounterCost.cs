using System;
using System.Globalization;
using System.Linq;
using DiffGen.Benchmarks.Gmm;

namespace DiffGen.Benchmarks.KinkCost;

/// <summary>
/// The cost of the kink counters when counting is off: each nonsmooth function's gradient as generated now
/// (with the counters' guard where a kink rule is applied, and call sites around rule calls) against the
/// gradient the generator wrote before the counters existed (<see cref="Before.KinkFunctions"/>), timed in
/// interleaved rounds in one process. Run with <c>--kink-counter-cost [rounds]</c>; with counting on as a
/// third column (what a user pays for <c>KinkCounters.Enable()</c>).
/// </summary>
public static class KinkCounterCost
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 15;
        var random = new Random(1);
        double[] Values(int n, double scale) => Enumerable.Range(0, n).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();

        const int inputs = 16, hidden = 32;
        double[] w1 = Values(inputs * hidden, 0.5), w2 = Values(hidden, 0.5), x = Values(inputs, 1);
        double[] dw1 = new double[w1.Length], dw2 = new double[w2.Length];
        const int batch = 64, mlpInputs = 784, mlpHidden = 128, classes = 10;
        double[] m1 = Values(mlpInputs * mlpHidden, 0.05), c1 = Values(mlpHidden, 0.05), m2 = Values(mlpHidden * classes, 0.1), c2 = Values(classes, 0.1);
        double[] images = Values(batch * mlpInputs, 1);
        int[] labels = Enumerable.Range(0, batch).Select(i => i % classes).ToArray();
        double[] dm1 = new double[m1.Length], dc1 = new double[c1.Length], dm2 = new double[m2.Length], dc2 = new double[c2.Length];

        var functions = new (string Name, int Calls, Func<double> Now, Func<double> Before)[]
        {
            ("KinkChain (straight line, 7 kink rules)", 1000,
                () => KinkFunctions.KinkChainGradient(0.3, 0.7, -0.4, 1.1, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4,
                () => Before.KinkFunctions.KinkChainGradient(0.3, 0.7, -0.4, 1.1, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4),
            ("ReluNetwork (16-32-1, scalar loops)", 100,
                () => KinkFunctions.ReluNetworkGradient(w1, w2, x, inputs, hidden, dw1, dw2),
                () => Before.KinkFunctions.ReluNetworkGradient(w1, w2, x, inputs, hidden, dw1, dw2)),
            ("MlpLoss (784-128-10, batch 64, span primitives)", 1,
                () => KinkFunctions.MlpLossGradient(m1, c1, m2, c2, images, labels, batch, mlpInputs, mlpHidden, classes, dm1, dc1, dm2, dc2),
                () => Before.KinkFunctions.MlpLossGradient(m1, c1, m2, c2, images, labels, batch, mlpInputs, mlpHidden, classes, dm1, dc1, dm2, dc2)),
        };

        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds; ratios as min, median");
        Console.WriteLine("| gradient | before (ns) | counting off / before | counting on / before |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, calls, now, before) in functions)
        {
            Func<double> Repeat(Func<double> call, bool counting) => () =>
            {
                if (counting) KinkCounters.Enable();
                double sum = 0;
                for (int i = 0; i < calls; i++) sum += call();
                KinkCounters.Disable();
                return sum;
            };
            var times = Interleaving.Run(new[] { Repeat(before, false), Repeat(now, false), Repeat(now, true) }, rounds);
            double Min(int m) => times[m].Min();
            double Median(int m) => times[m].OrderBy(t => t).ElementAt(rounds / 2);
            string Ratio(int a, int b) => string.Format(CultureInfo.InvariantCulture, "{0:F3}, {1:F3}", Min(a) / Min(b), Median(a) / Median(b));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} | {2} | {3} |", name, Min(0) / calls * 1e9, Ratio(1, 0), Ratio(2, 0)));
        }
        KinkCounters.Reset();
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }
}
