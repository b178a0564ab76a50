using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using DiffGen.Samples.Gmm;

namespace DiffGen.Benchmarks.Gmm;

/// <summary>
/// The ADBench Gaussian mixture objective written as plain loops: objective alone (baseline) against
/// the generated objective-and-gradient, per data file. The Ratio column is gradient cost over
/// objective cost (the cheap-gradient principle says at most 5; the goal is 3).
/// </summary>
public class GmmBenchmarks
{
    private GmmData _data = null!;
    private double[] _gradient = Array.Empty<double>();

    /// <summary>Data file, relative to shared/data/adbench-gmm.</summary>
    [Params("1k/gmm_d2_K5.txt", "1k/gmm_d10_K25.txt", "1k/gmm_d20_K50.txt", "10k/gmm_d2_K10.txt")]
    public string File { get; set; } = "";

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
}
