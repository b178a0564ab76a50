using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DiffGen.Benchmarks.Optimizers;

// --short: in-process, 1 warm-up and 3 measured iterations of 3 steps each (about a minute for all sizes).
// Otherwise BenchmarkDotNet's default job (separate process, statistics-driven iteration counts).
// --device [N]: Adam/AdamW on the ILGPU device vs a device copy (CUDA; add --cpu-accelerator for a smoke test).
if (args.Contains("--device"))
{
    int n = args.Select(a => int.TryParse(a, out int v) ? v : 0).FirstOrDefault(v => v > 0, 100_000_000);
    DeviceBandwidth.Run(n, args.Contains("--cpu-accelerator"), steps: args.Contains("--cpu-accelerator") ? 3 : 20);
    return;
}

// --best-of [N]: no BenchmarkDotNet; the best of 20 Adam steps and 20 copies at 10M parameters (or N), one line. The
// minimum is the figure least disturbed by other load, for comparing builds side by side (bench/compare-targets.sh).
if (args.Contains("--best-of"))
{
    var bench = new OptimizerStepBenchmarks { N = args.Select(a => int.TryParse(a, out int v) ? v : 0).FirstOrDefault(v => v > 0, 10_000_000) };
    bench.Setup();
    double adam = double.MaxValue, copy = double.MaxValue;
    for (int i = 0; i < 20; i++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        bench.Adam();
        adam = Math.Min(adam, sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        bench.Copy();
        copy = Math.Min(copy, sw.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"adam N={bench.N} best {adam:F2} ms, copy of the same bytes {copy:F2} ms ({Environment.Version})");
    return;
}

// The machine this was tuned on has 2 cores shared with other work: every figure is only meaningful with its load.
static string LoadAverage() => File.Exists("/proc/loadavg") ? "load average " + File.ReadAllText("/proc/loadavg").Trim() : "load average n/a";
Console.WriteLine($"Before: {LoadAverage()}");
bool isShort = args.Contains("--short");
var rest = args.Where(a => a != "--short").ToArray();
var job = isShort
    ? Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(3).WithUnrollFactor(1)
    : Job.Default;
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(new BandwidthColumn(ratio: false), new BandwidthColumn(ratio: true))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(OptimizerStepBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
Console.WriteLine($"Environment.ProcessorCount = {Environment.ProcessorCount}");
Console.WriteLine($"After: {LoadAverage()}");
