using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace DiffGen.Benchmarks.Scalar;

/// <summary>
/// Value alone (the baseline of each category), the generated value-and-gradient, and a hand-written
/// value-and-gradient of the same function. The Ratio column is cost relative to the value.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScalarGradientBenchmarks
{
    private double _a = 0.3, _b = 0.7, _c = -0.4, _d = 1.1;

    [Benchmark(Baseline = true), BenchmarkCategory("Rosenbrock4 (~20 ops)")]
    public double Rosenbrock4Value() => ScalarFunctions.Rosenbrock4(_a, _b, _c, _d);

    [Benchmark, BenchmarkCategory("Rosenbrock4 (~20 ops)")]
    public double Rosenbrock4Generated() => ScalarFunctions.Rosenbrock4Gradient(_a, _b, _c, _d, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4;

    [Benchmark, BenchmarkCategory("Rosenbrock4 (~20 ops)")]
    public double Rosenbrock4HandWritten() => HandWrittenGradients.Rosenbrock4(_a, _b, _c, _d, out var g1, out var g2, out var g3, out var g4) + g1 + g2 + g3 + g4;

    [Benchmark(Baseline = true), BenchmarkCategory("TinyNetwork (~60 ops)")]
    public double TinyNetworkValue() => ScalarFunctions.TinyNetwork(_a, _b, _c);

    [Benchmark, BenchmarkCategory("TinyNetwork (~60 ops)")]
    public double TinyNetworkGenerated() => ScalarFunctions.TinyNetworkGradient(_a, _b, _c, out var g1, out var g2, out var g3) + g1 + g2 + g3;

    [Benchmark, BenchmarkCategory("TinyNetwork (~60 ops)")]
    public double TinyNetworkHandWritten() => HandWrittenGradients.TinyNetwork(_a, _b, _c, out var g1, out var g2, out var g3) + g1 + g2 + g3;

    [Benchmark(Baseline = true), BenchmarkCategory("Recurrence (~200 ops, loop)")]
    public double RecurrenceValue() => ScalarFunctions.Recurrence(_a, 0.9, _d * 0.1);

    [Benchmark, BenchmarkCategory("Recurrence (~200 ops, loop)")]
    public double RecurrenceGenerated() => ScalarFunctions.RecurrenceGradient(_a, 0.9, _d * 0.1, out var g1, out var g2, out var g3) + g1 + g2 + g3;

    [Benchmark, BenchmarkCategory("Recurrence (~200 ops, loop)")]
    public double RecurrenceHandWritten() => HandWrittenGradients.Recurrence(_a, 0.9, _d * 0.1, out var g1, out var g2, out var g3) + g1 + g2 + g3;
}
