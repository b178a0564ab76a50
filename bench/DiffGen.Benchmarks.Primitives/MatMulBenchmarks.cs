using System;
using BenchmarkDotNet.Attributes;

namespace DiffGen.Benchmarks.Primitives;

/// <summary>
/// <see cref="SpanOps.MatMul{T}"/> on square matrices, one operation per invocation; GFLOP/s
/// (2 n³ / time) is added as a column. The pullback runs the same kernel twice with transposes.
/// </summary>
[MemoryDiagnoser]
public class MatMulBenchmarks
{
    private double[] a = [], b = [], c = [], dc = [], da = [], db = [];
    private float[] af = [], bf = [], cf = [];

    /// <summary>Matrix size n (all three dimensions).</summary>
    [Params(128, 256, 512, 1024)]
    public int N { get; set; }

    /// <summary>Fills the operands with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        int len = N * N;
        a = Fill(rng, len);
        b = Fill(rng, len);
        dc = Fill(rng, len);
        c = new double[len];
        da = new double[len];
        db = new double[len];
        af = Array.ConvertAll(a, x => (float)x);
        bf = Array.ConvertAll(b, x => (float)x);
        cf = new float[len];
    }

    /// <summary>C = A B in double.</summary>
    [Benchmark(Description = "MatMul f64")]
    public void MatMulDouble() => SpanOps.MatMul<double>(a, b, N, N, N, false, false, c);

    /// <summary>C = A B in float.</summary>
    [Benchmark(Description = "MatMul f32")]
    public void MatMulSingle() => SpanOps.MatMul<float>(af, bf, N, N, N, false, false, cf);

    /// <summary>C = Aᵀ Bᵀ in double (both operands packed from the transposed layout).</summary>
    [Benchmark(Description = "MatMul f64 AᵀBᵀ")]
    public void MatMulDoubleTransposed() => SpanOps.MatMul<double>(a, b, N, N, N, true, true, c);

    /// <summary>The pullback in double: dA += dC Bᵀ and dB += Aᵀ dC (twice the flops of the product).</summary>
    [Benchmark(Description = "MatMul f64 pullback")]
    public void PullbackDouble() => SpanOps.MatMulPullback<double>(a, b, N, N, N, false, false, c, dc, da, db);

    private static double[] Fill(Random rng, int len)
    {
        var x = new double[len];
        for (int i = 0; i < len; i++)
        {
            x[i] = rng.NextDouble() * 2 - 1;
        }

        return x;
    }
}
