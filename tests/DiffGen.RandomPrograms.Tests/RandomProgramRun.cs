using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using DiffGen.RandomPrograms.Tests.Checks;
using DiffGen.RandomPrograms.Tests.Generation;
using DiffGen.RandomPrograms.Tests.Harness;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// Generates, compiles and checks <see cref="RandomProgramSettings.Programs"/> random functions in
/// batches; collects the failures with the sources needed to reproduce each one.
/// </summary>
public sealed class RandomProgramRun
{
    private readonly RandomProgramSettings _settings;
    private readonly Dictionary<string, RandomFunction> _sources = new();

    private RandomProgramRun(RandomProgramSettings settings) => _settings = settings;

    public List<CheckFailure> Failures { get; } = new();
    public int Functions { get; private set; }
    public int SmoothFunctions { get; private set; }
    public int CheckedPoints { get; private set; }
    public int OverflowPoints { get; private set; }
    public int LeftOut { get; private set; }
    public int InconclusivePoints { get; private set; }
    public int IllConditionedPoints { get; private set; }
    public TimeSpan CompileTime { get; private set; }
    public Construct Used { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The seed of batch <paramref name="batch"/>: the run's seed mixed with the batch number.</summary>
    public static int BatchSeed(int seed, int batch) => unchecked(seed * 7919 + batch * 104729);

    public static RandomProgramRun Execute(RandomProgramSettings settings)
    {
        var run = new RandomProgramRun(settings);
        var clock = Stopwatch.StartNew();
        for (int batch = 0, first = 0; first < settings.Programs; batch++, first += settings.BatchSize)
            if (settings.OnlyBatches is null || settings.OnlyBatches.Contains(batch))
                run.RunBatch(batch, first, Math.Min(settings.BatchSize, settings.Programs - first));
        run.Elapsed = clock.Elapsed;
        return run;
    }

    private void RunBatch(int batch, int first, int count)
    {
        int seed = BatchSeed(_settings.Seed, batch);
        var functions = ProgramGenerator.Batch(seed, first, count, _settings.Allowed);
        foreach (var f in functions)
        {
            _sources[f.Name] = f;
            Used |= f.Used;
        }
        if (Environment.GetEnvironmentVariable("DIFFGEN_RANDOM_DUMP") is { Length: > 0 } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, $"batch{batch}.cs"), string.Concat(functions.Select(f => $"// smooth: {f.IsSmooth}; {f.Used}\n{f.FullSource}\n")));
        }
        var compileClock = Stopwatch.StartNew();
        using var compiler = BatchCompiler.Compile(functions);
        CompileTime += compileClock.Elapsed;
        Failures.AddRange(compiler.Failures.Select(CheckFailure.Compile));
        LeftOut += compiler.LeftOut;
        var random = new Random(seed ^ 0x5bd1e995);
        foreach (var function in compiler.Compiled)
        {
            Functions++;
            if (function.Function.IsSmooth) SmoothFunctions++;
            for (int point = 0; point < _settings.Points; point++)
            {
                var outcome = FunctionChecker.CheckPoint(function, random, Failures);
                if (outcome == FunctionChecker.Outcome.Overflow) OverflowPoints++;
                else CheckedPoints++;
                if (outcome == FunctionChecker.Outcome.FiniteDifferencesInconclusive) InconclusivePoints++;
                if (outcome == FunctionChecker.Outcome.IllConditioned) IllConditionedPoints++;
                if (outcome == FunctionChecker.Outcome.Failed) break;
            }
        }
    }

    public string Summary
        => $"{Functions} functions compiled and checked ({SmoothFunctions} smooth, also against central differences), " +
           $"{CheckedPoints} points checked,  {OverflowPoints} skipped as overflowing, {InconclusivePoints} with central differences that do not converge or are flat (checked in the other ways), {IllConditionedPoints} where the modes differ by less than the derivative moves under a 1e-13 change of p, {LeftOut} left out (callers of a function that failed to compile), " +
           $"{Failures.Select(f => f.FunctionName).Distinct().Count()} functions failing; seed {_settings.Seed}, {_settings.Programs} programs, batch {_settings.BatchSize}, excluded [{_settings.Excluded}]; {Elapsed.TotalSeconds:F1} s ({CompileTime.TotalSeconds:F1} s generating and compiling)";

    /// <summary>The failures, each with the full source of the failing function and of every function it calls.</summary>
    public string Describe(int limit = 10)
    {
        var text = new StringBuilder();
        text.AppendLine(Summary);
        text.AppendLine($"Reproduce: DIFFGEN_RANDOM_SEED={_settings.Seed} DIFFGEN_RANDOM_PROGRAMS={_settings.Programs} DIFFGEN_RANDOM_BATCH={_settings.BatchSize} (function names are global indices: F<k> is in batch k / batch size).");
        foreach (var failure in Failures.Take(limit))
        {
            text.AppendLine().AppendLine(failure.Describe());
            var f = _sources[failure.FunctionName];
            text.AppendLine($"  smooth: {f.IsSmooth}, constructs: {f.Used}");
            foreach (var callee in f.Callees) text.Append(_sources[callee].Source);
            text.Append(f.FullSource);
        }
        if (Failures.Count > limit) text.AppendLine($"... and {Failures.Count - limit} more failures.");
        return text.ToString();
    }
}
