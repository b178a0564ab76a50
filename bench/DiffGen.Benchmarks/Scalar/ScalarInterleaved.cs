using System;
using System.Globalization;
using System.Linq;
using DiffGen.Benchmarks.Gmm;

namespace DiffGen.Benchmarks.Scalar;

/// <summary>
/// The scalar benchmark's three functions (value, generated value+gradient, hand-written value+gradient)
/// timed in interleaved rounds in one process, for shared machines where BenchmarkDotNet's separate runs
/// drift with the load. Run with <c>--scalar-interleaved [rounds]</c>.
/// </summary>
public static class ScalarInterleaved
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : 15;
        double a = 0.3, b = 0.7, c = -0.4, d = 1.1;
        var functions = new (string Name, Func<double>[] Methods)[]
        {
            ("Rosenbrock4", new Func<double>[]
            {
                () => Repeat(() => ScalarFunctions.Rosenbrock4(a, b, c, d)),
                () => Repeat(() => ScalarFunctions.Rosenbrock4Gradient(a, b, c, d, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4),
                () => Repeat(() => HandWrittenGradients.Rosenbrock4(a, b, c, d, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4),
            }),
            ("TinyNetwork", new Func<double>[]
            {
                () => Repeat(() => ScalarFunctions.TinyNetwork(a, b, c)),
                () => Repeat(() => ScalarFunctions.TinyNetworkGradient(a, b, c, out var g1, out var g2, out var g3) + g1 + g2 + g3),
                () => Repeat(() => HandWrittenGradients.TinyNetwork(a, b, c, out var g1, out var g2, out var g3) + g1 + g2 + g3),
            }),
            ("Recurrence", new Func<double>[]
            {
                () => Repeat(() => ScalarFunctions.Recurrence(a, 0.9, d * 0.1)),
                () => Repeat(() => ScalarFunctions.RecurrenceGradient(a, 0.9, d * 0.1, out var g1, out var g2, out var g3) + g1 + g2 + g3),
                () => Repeat(() => HandWrittenGradients.Recurrence(a, 0.9, d * 0.1, out var g1, out var g2, out var g3) + g1 + g2 + g3),
            }),
        };
        Console.WriteLine($"load average at start: {Interleaving.LoadAverage()}; {rounds} rounds; ratios as min, median");
        Console.WriteLine("| function | value (ns) | generated/value | hand/value | generated/hand |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, methods) in functions)
        {
            var times = Interleaving.Run(methods, rounds);
            double Min(int m) => times[m].Min();
            double Median(int m) => times[m].OrderBy(t => t).ElementAt(rounds / 2);
            string Ratio(int x, int y) => string.Format(CultureInfo.InvariantCulture, "{0:F2}, {1:F2}", Min(x) / Min(y), Median(x) / Median(y));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} | {2} | {3} | {4} |", name, Min(0) / Calls * 1e9, Ratio(1, 0), Ratio(2, 0), Ratio(1, 2)));
        }
        Console.WriteLine($"load average at end: {Interleaving.LoadAverage()}");
    }

    private const int Calls = 1000;

    /// <summary>Sums <see cref="Calls"/> calls, so that one timed call is long enough to measure.</summary>
    private static double Repeat(Func<double> call)
    {
        double sum = 0;
        for (int i = 0; i < Calls; i++) sum += call();
        return sum;
    }
}
