using System;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DiffGen.Benchmarks.Primitives;

/// <summary>
/// Entry point. <c>--short</c>: BenchmarkDotNet's short run (about a minute), in process.
/// <c>--gflops</c>: a plain timing loop printing GFLOP/s per size (seconds; same numbers, no statistics), with the
/// repetition scheme of bench/pytorch/matmul.py (one untimed round, then the best of 5).
/// <c>--vs-openblas [ROUNDS]</c>: the same sizes against OpenBLAS in the same process, in alternating
/// windows (see <see cref="VersusOpenBlas"/>); <c>--sizes 64,128</c> picks the sizes,
/// <c>--path Vector512</c> forces a GEMM path (to compare paths and place the thresholds between them).
/// Anything else goes to BenchmarkDotNet's switcher (for example <c>--filter *MatMul*</c>).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks.</summary>
    public static int Main(string[] args)
    {
        int vs = Array.IndexOf(args, "--vs-openblas");
        if (vs >= 0)
        {
            int pathAt = Array.IndexOf(args, "--path");
            if (pathAt >= 0 && pathAt + 1 < args.Length)
            {
                Gemm.ForcedPath = Enum.Parse<Gemm.KernelPath>(args[pathAt + 1]);
            }

            int sizesAt = Array.IndexOf(args, "--sizes");
            int[] sizes = sizesAt >= 0 && sizesAt + 1 < args.Length
                ? args[sizesAt + 1].Split(',').Select(int.Parse).ToArray()
                : VersusOpenBlas.DefaultSizes;
            VersusOpenBlas.Run(vs + 1 < args.Length && int.TryParse(args[vs + 1], out int rounds) ? rounds : 15, sizes);
            return 0;
        }

        if (args.Contains("--gflops"))
        {
            QuickGflops();
            return 0;
        }

        var job = args.Contains("--short")
            ? Job.ShortRun.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(200)).WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance.AddJob(job).AddColumn(new GflopsColumn())
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        string[] rest = args.Where(a => a != "--short").ToArray();
        if (rest.Length == 0)
        {
            BenchmarkRunner.Run<MatMulBenchmarks>(config);
        }
        else
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        }

        return 0;
    }

    private static void QuickGflops()
    {
        Console.WriteLine($"threads={Environment.ProcessorCount}");
        foreach (int n in VersusOpenBlas.DefaultSizes)
        {
            Console.WriteLine($"n={n,5}  f64 {Measure<double>(n, false),7:F1}  f32 {Measure<float>(n, false),7:F1}  f64 AtBt {Measure<double>(n, true),7:F1}  GFLOP/s");
        }
    }

    private static double Measure<T>(int n, bool transpose)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new Random(1);
        var a = new T[n * n];
        var b = new T[n * n];
        var c = new T[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = T.CreateTruncating(rng.NextDouble());
            b[i] = T.CreateTruncating(rng.NextDouble());
        }

        double flops = 2.0 * n * n * n;
        int reps = Math.Max(3, (int)(2e9 / flops));
        double best = double.MaxValue;

        // One untimed round first, as bench/pytorch/matmul.py does: here it also lets the JIT's tiering settle.
        for (int round = -1; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < reps; r++)
            {
                SpanOps.MatMul<T>(a, b, n, n, n, transpose, transpose, c);
            }

            if (round >= 0)
            {
                best = Math.Min(best, sw.Elapsed.TotalSeconds / reps);
            }
        }

        return flops / best / 1e9;
    }
}
