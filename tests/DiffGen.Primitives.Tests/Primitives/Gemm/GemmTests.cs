using System;
using System.Collections.Generic;
using System.Numerics;
using DiffGen.Primitives.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace DiffGen.Primitives.Tests.Primitives.Gemm;

/// <summary>
/// The GEMM kernel against a naive triple loop, on every path (scalar, AVX2, AVX-512 packed and unpacked: forced per
/// thread), 1 to 3 threads, every transpose combination, in double and float, over shapes chosen to hit
/// every edge: 1s, primes, exact micro-tiles, partial tiles on both sides, more than one depth block
/// (k &gt; 512), more depth blocks than the parallel loop has B buffers (k &gt; 1536, so buffers are
/// reused), row counts one past a micro-panel and a row block, more than one column block (n &gt; 4096,
/// and n &gt; 1024 at full depth, where a B block reaches its byte limit), and both sides of the
/// parallel threshold.
/// </summary>
public sealed class GemmTests
{
    private static readonly (int M, int K, int N)[] Shapes =
    [
        (1, 1, 1), (1, 300, 1), (2, 3, 4), (17, 1, 33), (1, 64, 97), (13, 17, 19), (12, 128, 32), (24, 256, 64),
        (31, 37, 41), (25, 129, 33), (49, 50, 51), (97, 101, 103), (130, 260, 70), (13, 3, 4100),
        (121, 385, 33), (61, 1200, 60), (145, 513, 97), (240, 384, 64), (50, 1700, 60), (13, 520, 2100),
    ];

    /// <summary>Every path with 1, 2 and 3 threads.</summary>
    public static IEnumerable<object[]> PathsAndThreads()
    {
        foreach (var path in new[] { DiffGen.Gemm.KernelPath.Scalar, DiffGen.Gemm.KernelPath.Vector256, DiffGen.Gemm.KernelPath.Vector512, DiffGen.Gemm.KernelPath.Direct512, DiffGen.Gemm.KernelPath.Auto })
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                yield return [path.ToString(), threads];
            }
        }
    }

    /// <summary>Double: error within the classical bound 2 k eps sum |a||b| of each entry.</summary>
    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void Multiply_Double_MatchesNaiveLoop(string path, int threads) => Check<double>(path, threads, 2.220446049250313e-16);

    /// <summary>Float: the same bound with float's epsilon, against a double reference on the float inputs.</summary>
    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void Multiply_Float_MatchesNaiveLoop(string path, int threads) => Check<float>(path, threads, 1.1920928955078125e-7);

    /// <summary>
    /// Accumulating mode adds to what C held; overwriting mode ignores it (the blocked path stores its
    /// first depth block instead of clearing C, so shapes with one and several depth blocks, serial
    /// and parallel).
    /// </summary>
    [Theory]
    [InlineData(true, 37, 29, 41)]
    [InlineData(false, 37, 29, 41)]
    [InlineData(true, 130, 1100, 70)]
    [InlineData(false, 130, 1100, 70)]
    public void Multiply_AccumulateFlag_AddsOrOverwrites(bool accumulate, int m, int k, int n)
    {
        var rng = new Random(3);
        double[] a = Sample.Uniform(rng, m * k), b = Sample.Uniform(rng, k * n), c0 = Sample.Uniform(rng, m * n);
        var c = (double[])c0.Clone();
        DiffGen.Gemm.Multiply<double>(a, b, c, m, k, n, false, false, accumulate);
        double[] expected = Naive(a, b, m, k, n, false, false, out _);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(expected[i] + (accumulate ? c0[i] : 0), c[i], 1e-12);
        }
    }

    /// <summary>
    /// Parallel runs give the serial result bit for bit (every entry of C sums its depth blocks in the
    /// same order), repeatedly, with many depth blocks so the rotating B buffers are reused several
    /// times: a race between packing and multiplying, or between two depth blocks of one row block,
    /// would show up as a difference.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Multiply_Parallel_BitIdenticalToSerial(int threads)
    {
        const int m = 150, k = 2100, n = 70;
        var rng = new Random(11);
        float[] a = Sample.To<float>(Sample.Uniform(rng, m * k)), b = Sample.To<float>(Sample.Uniform(rng, k * n));
        var serial = new float[m * n];
        var parallel = new float[m * n];
        try
        {
            DiffGen.Gemm.ForcedThreads = 1;
            DiffGen.Gemm.Multiply<float>(a, b, serial, m, k, n, false, false, accumulate: false);
            DiffGen.Gemm.ForcedThreads = threads;
            for (int repeat = 0; repeat < 20; repeat++)
            {
                DiffGen.Gemm.Multiply<float>(a, b, parallel, m, k, n, false, false, accumulate: false);
                Assert.Equal(serial, parallel);
            }
        }
        finally
        {
            DiffGen.Gemm.ForcedThreads = 0;
        }
    }

    /// <summary>Forcing a path selects it where the hardware has it, and tiny products take the scalar loop.</summary>
    [Fact]
    public void Choose_ForcedAndTiny_SelectsExpectedPath()
    {
        Assert.Equal(DiffGen.Gemm.KernelPath.Scalar, DiffGen.Gemm.Choose<double>(3, 3, 3));
        Assert.Equal(DiffGen.Gemm.KernelPath.Scalar, DiffGen.Gemm.Choose<Half>(100, 100, 100));
        try
        {
            DiffGen.Gemm.ForcedPath = DiffGen.Gemm.KernelPath.Vector256;
            var expected = DiffGen.Gemm.IsSupported<double>(DiffGen.Gemm.KernelPath.Vector256) ? DiffGen.Gemm.KernelPath.Vector256 : DiffGen.Gemm.KernelPath.Scalar;
            Assert.Equal(expected, DiffGen.Gemm.Choose<double>(1, 1, 1));
        }
        finally
        {
            DiffGen.Gemm.ForcedPath = DiffGen.Gemm.KernelPath.Auto;
        }
    }

    private static void Check<T>(string pathName, int threads, double eps)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var path = Enum.Parse<DiffGen.Gemm.KernelPath>(pathName);
        try
        {
            DiffGen.Gemm.ForcedPath = path;
            DiffGen.Gemm.ForcedThreads = threads;
            foreach ((int m, int k, int n) in Shapes)
            {
                foreach (bool ta in new[] { false, true })
                {
                    foreach (bool tb in new[] { false, true })
                    {
                        var rng = new Random(m * 7919 + k * 31 + n);
                        T[] a = Sample.To<T>(Sample.Uniform(rng, m * k));
                        T[] b = Sample.To<T>(Sample.Uniform(rng, k * n));
                        var c = new T[m * n];
                        Array.Fill(c, T.CreateChecked(123.0)); // overwritten, never read
                        SpanOps.MatMul<T>(a, b, m, k, n, ta, tb, c);
                        double[] expected = Naive(Sample.ToDouble<T>(a), Sample.ToDouble<T>(b), m, k, n, ta, tb, out double[] bound);
                        for (int i = 0; i < c.Length; i++)
                        {
                            double err = Math.Abs(double.CreateChecked(c[i]) - expected[i]);
                            if (!(err <= 2 * k * eps * bound[i] + 1e-300))
                            {
                                throw new XunitException(
                                    $"{typeof(T).Name} {path} threads={threads} {m}x{k}x{n} ta={ta} tb={tb}: entry {i} off by {err:E3} (bound {2 * k * eps * bound[i]:E3})");
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            DiffGen.Gemm.ForcedPath = DiffGen.Gemm.KernelPath.Auto;
            DiffGen.Gemm.ForcedThreads = 0;
        }
    }

    /// <summary>The product in double by definition, and <c>|op(A)| |op(B)|</c> for the error bound.</summary>
    internal static double[] Naive(double[] a, double[] b, int m, int k, int n, bool ta, bool tb, out double[] abs)
    {
        var c = new double[m * n];
        abs = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0, t = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                    s += x;
                    t += Math.Abs(x);
                }

                c[i * n + j] = s;
                abs[i * n + j] = t;
            }
        }

        return c;
    }
}
