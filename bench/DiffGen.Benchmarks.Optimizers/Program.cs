using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DiffGen.Benchmarks.Optimizers;

// --short: in-process, 1 warm-up and 3 measured iterations of 3 steps each (about a minute for all sizes).
// Otherwise BenchmarkDotNet's default job (separate process, statistics-driven iteration counts).
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
