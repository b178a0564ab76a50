using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// Timing for shared machines: methods run in alternating rounds with the order rotating, so a change in
/// background load hits all alike; ratios come from per-method minima and medians over the rounds.
/// </summary>
public static class Interleaving
{
    /// <summary>Seconds per call of each method, per round; the order rotates every round.</summary>
    public static double[][] Run(Func<double>[] methods, int rounds)
    {
        foreach (var method in methods) { method(); method(); }
        var watch = Stopwatch.StartNew();
        methods[0]();
        int calls = Math.Max(1, (int)(0.02 / Math.Max(1e-7, watch.Elapsed.TotalSeconds)));
        var times = methods.Select(_ => new double[rounds]).ToArray();
        double sink = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int o = 0; o < methods.Length; o++)
            {
                int m = (o + round) % methods.Length;
                watch.Restart();
                for (int c = 0; c < calls; c++) sink += methods[m]();
                times[m][round] = watch.Elapsed.TotalSeconds / calls;
            }
        }
        if (double.IsNaN(sink)) Console.WriteLine("(NaN)");
        return times;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
