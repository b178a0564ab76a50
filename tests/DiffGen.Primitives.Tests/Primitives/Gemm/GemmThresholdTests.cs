using System;
using System.Collections.Generic;
using System.Numerics;
using DiffGen.Primitives.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace DiffGen.Primitives.Tests.Primitives.Gemm;

/// <summary>
/// The automatic path choice on both sides of each threshold of the unpacked AVX-512 path, against the
/// naive loop in double, every transpose combination, 1 and 2 threads, double and float: where helpers
/// join (3 MiB of multiply-adds: between 73^3 and 74^3 in double, 92^3 and 93^3 in float), where products run unpacked at any
/// depth (256^3; B stored n x k is then transposed into a copy, up to 4 MiB: 1024 x 512 doubles against
/// 1024 x 513), where products of up to 1024^3 run unpacked (depth 1024 against 1025), with column counts that
/// give every column tile (4, 2 and 1 vectors and a ragged edge) and a last row tile of fewer than 6 rows.
/// Also: the unpacked path's helpers give the serial result bit for bit.
/// </summary>
public sealed class GemmThresholdTests
{
    /// <summary>Square sizes around the parallel threshold, and deep and shallow sides of the depth bound.</summary>
    public static IEnumerable<object[]> Shapes()
    {
        foreach (int s in new[] { 63, 73, 74, 92, 93, 96 })
        {
            yield return [s, s, s];
        }

        yield return [256, 256, 256];
        yield return [255, 256, 257];
        yield return [3, 1024, 512];
        yield return [3, 1024, 513];
        yield return [23, 1024, 777];
        yield return [23, 1025, 777];
        yield return [130, 200, 1000];
        yield return [1001, 130, 131];
    }

    /// <summary>Double: error within 2 k eps sum |a||b| of each entry.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_Double_AroundThresholds_MatchesNaiveLoop(int m, int k, int n) =>
        Check<double>(m, k, n, 2.220446049250313e-16);

    /// <summary>Float: the same bound with float's epsilon.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_Float_AroundThresholds_MatchesNaiveLoop(int m, int k, int n) =>
        Check<float>(m, k, n, 1.1920928955078125e-7);

    /// <summary>
    /// The unpacked path on 2 and 3 threads gives the single-thread result bit for bit (every entry is
    /// one kernel's sum in the same order, whichever worker claims it), repeatedly, in float with a
    /// ragged column edge and a partial last row tile, and with A or B transposed.
    /// </summary>
    [Theory]
    [InlineData(2, false, false)]
    [InlineData(3, false, false)]
    [InlineData(2, true, false)]
    [InlineData(2, false, true)]
    public void MultiplyDirect_Parallel_BitIdenticalToSerial(int threads, bool transA, bool transB)
    {
        const int m = 131, k = 97, n = 119;
        var rng = new Random(5);
        float[] a = Sample.To<float>(Sample.Uniform(rng, m * k)), b = Sample.To<float>(Sample.Uniform(rng, k * n));
        var serial = new float[m * n];
        var parallel = new float[m * n];
        try
        {
            DiffGen.Gemm.ForcedPath = DiffGen.Gemm.KernelPath.Direct512;
            DiffGen.Gemm.ForcedThreads = 1;
            SpanOps.MatMul<float>(a, b, m, k, n, transA, transB, serial);
            DiffGen.Gemm.ForcedThreads = threads;
            for (int repeat = 0; repeat < 50; repeat++)
            {
                Array.Fill(parallel, 7f);
                SpanOps.MatMul<float>(a, b, m, k, n, transA, transB, parallel);
                Assert.Equal(serial, parallel);
            }
        }
        finally
        {
            DiffGen.Gemm.ForcedPath = DiffGen.Gemm.KernelPath.Auto;
            DiffGen.Gemm.ForcedThreads = 0;
        }
    }

    private static void Check<T>(int m, int k, int n, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    var rng = new Random(m * 7919 + k * 31 + n);
                    T[] a = Sample.To<T>(Sample.Uniform(rng, m * k));
                    T[] b = Sample.To<T>(Sample.Uniform(rng, k * n));
                    double[] expected = GemmTests.Naive(Sample.ToDouble<T>(a), Sample.ToDouble<T>(b), m, k, n, ta, tb, out double[] bound);
                    foreach (int threads in new[] { 1, 2 })
                    {
                        DiffGen.Gemm.ForcedThreads = threads;
                        var c = new T[m * n];
                        Array.Fill(c, T.CreateChecked(123.0)); // overwritten, never read
                        SpanOps.MatMul<T>(a, b, m, k, n, ta, tb, c);
                        for (int i = 0; i < c.Length; i++)
                        {
                            double err = Math.Abs(double.CreateChecked(c[i]) - expected[i]);
                            if (!(err <= 2 * k * eps * bound[i] + 1e-300))
                            {
                                throw new XunitException(
                                    $"{typeof(T).Name} threads={threads} {m}x{k}x{n} ta={ta} tb={tb}: entry {i} off by {err:E3} (bound {2 * k * eps * bound[i]:E3})");
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            DiffGen.Gemm.ForcedThreads = 0;
        }
    }
}
