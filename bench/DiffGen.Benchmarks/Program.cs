using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DiffGen.Benchmarks;

/// <summary>
/// Runs the benchmarks. <c>--short</c> runs a quick in-process job (about a minute) for a first look;
/// without it, BenchmarkDotNet's default job. Other arguments go to BenchmarkDotNet (e.g. --filter).
/// <c>--gmm-interleaved [rounds] [files...]</c> runs <see cref="Gmm.GmmInterleaved"/> instead, and
/// <c>--gmm-styles [rounds] [files...]</c> <see cref="Gmm.GmmStyles"/>, <c>--scalar-interleaved [rounds]</c>
/// <see cref="Scalar.ScalarInterleaved"/>, <c>--kink-counter-cost [rounds]</c> <see cref="KinkCost.KinkCounterCost"/>,
/// <c>--hvp [rounds] [files...]</c> <see cref="SecondOrder.HessianVectorCost"/> (H·v over gradient),
/// <c>--hvp-mlp [rounds] [batches...]</c> <see cref="SecondOrder.SpanMlpHessianVectorCost"/> (H·v over gradient through the span primitives),
/// <c>--jacobian [rounds]</c> <see cref="Jacobians.JacobianCost"/> (forward columns against reverse rows).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--scalar-interleaved")
        {
            Scalar.ScalarInterleaved.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--hvp")
        {
            SecondOrder.HessianVectorCost.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--hvp-mlp")
        {
            SecondOrder.SpanMlpHessianVectorCost.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--jacobian")
        {
            Jacobians.JacobianCost.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--kink-counter-cost")
        {
            KinkCost.KinkCounterCost.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--gmm-styles")
        {
            Gmm.GmmStyles.Run(args.Skip(1).ToArray());
            return;
        }
        if (args.Length > 0 && args[0] == "--gmm-interleaved")
        {
            Gmm.GmmInterleaved.Run(args.Skip(1).ToArray());
            return;
        }
        bool quick = args.Contains("--short");
        var rest = args.Where(a => a != "--short").ToArray();
        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = config.AddJob(Job.ShortRun
                .WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1)
                .WithToolchain(InProcessEmitToolchain.Instance));
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config);
    }
}
