using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using DiffGen.Samples.Gmm;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// The ADBench Gaussian mixture objective written as plain loops: the objective alone (baseline), the
/// generated objective-and-gradient and the hand-written one (samples/Gmm/GmmHandGradient.cs), per data
/// file, in one run. Ratio is cost over the objective's (the cheap-gradient goal is at most 3);
/// "vs hand" is cost over the hand-written gradient's (the goal for the generated one is at most 1.2).
/// </summary>
[Config(typeof(Configuration))]
public class GmmBenchmarks
{
    /// <summary>
    /// Set to <c>full</c> to run every file in shared/data/adbench-gmm (53 files; long even in short
    /// mode); otherwise a representative subset spanning d = 2..64 and K = 5..200 on both point counts.
    /// </summary>
    public const string GridVariable = "DIFFGEN_GMM_GRID";

    private GmmData _data = null!;
    private double[] _gradient = Array.Empty<double>();

    /// <summary>Data file, relative to shared/data/adbench-gmm.</summary>
    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    /// <summary>The files benchmarked: see <see cref="GridVariable"/>.</summary>
    public static IEnumerable<string> Files()
    {
        if (Environment.GetEnvironmentVariable(GridVariable) != "full")
        {
            return new[]
            {
                "1k/gmm_d2_K5.txt", "1k/gmm_d10_K25.txt", "1k/gmm_d20_K50.txt", "1k/gmm_d32_K100.txt", "1k/gmm_d64_K10.txt",
                "10k/gmm_d2_K200.txt", "10k/gmm_d10_K5.txt", "10k/gmm_d20_K25.txt",
            };
        }
        string root = SharedData.Folder("data/adbench-gmm");
        return new[] { "1k", "10k" }
            .SelectMany(size => Directory.GetFiles(Path.Combine(root, size), "gmm_d*_K*.txt").Select(path => size + "/" + Path.GetFileName(path)))
            .OrderBy(file => file.StartsWith("10k", StringComparison.Ordinal))
            .ThenBy(file => Size(file, 'd')).ThenBy(file => Size(file, 'K'))
            .ToArray();
    }

    private static int Size(string file, char letter)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        int start = name.IndexOf("_" + letter, StringComparison.Ordinal) + 2;
        int end = name.IndexOf('_', start);
        return int.Parse(end < 0 ? name.Substring(start) : name.Substring(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GlobalSetup]
    public void Setup()
    {
        _data = GmmData.Load(Path.Combine(SharedData.Folder("data/adbench-gmm"), File));
        _gradient = new double[_data.ParameterCount];
    }

    [Benchmark(Baseline = true)]
    public double Objective() => GmmObjective.Evaluate(_data);

    [Benchmark]
    public double ObjectiveAndGradient() => GmmObjective.EvaluateGradient(_data, _gradient);

    [Benchmark]
    public double HandGradient() => GmmHandGradient.EvaluateGradient(_data, _gradient);

    /// <summary>The generated gradient of the source variant that computes exp(q) once per call, as the hand-written gradient does.</summary>
    [Benchmark]
    public double PrecomputedDiagonalGradient() => GmmObjective.EvaluateGradientPrecomputedDiagonal(_data, _gradient);

    private sealed class Configuration : BenchmarkDotNet.Configs.ManualConfig
    {
        public Configuration() => AddColumn(new HandRatioColumn());
    }
}
