using System;
using System.Diagnostics;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;

namespace DiffGen.Benchmarks.Primitives;

/// <summary>
/// <c>--vs-openblas [ROUNDS]</c>: SpanOps.MatMul against OpenBLAS's <c>cblas_?gemm</c> (libopenblas.so.0,
/// the library torch's CPU GEMM calls) in the same process, on the same inputs, in alternating windows
/// of about 60 ms, ROUNDS windows each (default 15), best window per size and type. Alternating at this
/// grain makes the two sides share whatever load the machine carries, so the ratio holds on a busy
/// machine where separate runs seconds apart do not. Both run on <see cref="Environment.ProcessorCount"/>
/// threads; <c>OPENBLAS_CORETYPE=SkylakeX</c> in the environment selects OpenBLAS's AVX-512 kernels.
/// Besides the ratio of the best windows it prints the median of the ratios of neighbouring windows
/// (ours in window r against OpenBLAS in window r), which a burst of load on one side moves less.
/// </summary>
internal static unsafe class VersusOpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101, NoTrans = 111;

    private delegate void Product<T>(T[] a, T[] b, T[] c, int n);

    /// <summary>The sizes compared when none are given: the small ones that convolutions and small batches use, up to 1024.</summary>
    public static readonly int[] DefaultSizes = [64, 96, 128, 160, 192, 256, 384, 512, 768, 1024];

    public static void Run(int rounds, int[] sizes)
    {
        int threads = Environment.ProcessorCount;
        openblas_set_num_threads(threads);
        Console.WriteLine($"OpenBLAS core {Marshal.PtrToStringAnsi(openblas_get_corename())}, {openblas_get_num_threads()} threads; ours {threads} threads; {rounds} alternating windows");
        Console.WriteLine($"load average before: {LoadAverage()}");
        var lines = new System.Collections.Generic.List<string>();
        foreach (int n in sizes)
        {
            Result d = Compare<double>(n, rounds, (a, b, c, s) => SpanOps.MatMul<double>(a, b, s, s, s, false, false, c), Dgemm);
            Result f = Compare<float>(n, rounds, (a, b, c, s) => SpanOps.MatMul<float>(a, b, s, s, s, false, false, c), Sgemm);
            lines.Add($"{n,6} {d.Ours,10:F1} {d.Blas,10:F1} {d.Ours / d.Blas,6:F2}x {d.MedianRatio,6:F2}x {f.Ours,10:F1} {f.Blas,10:F1} {f.Ours / f.Blas,6:F2}x {f.MedianRatio,6:F2}x");
        }

        Console.WriteLine($"load average after:  {LoadAverage()}");
        Console.WriteLine($"{"n",6} {"ours f64",10} {"BLAS f64",10} {"best",7} {"median",7} {"ours f32",10} {"BLAS f32",10} {"best",7} {"median",7}");
        lines.ForEach(Console.WriteLine);
    }

    /// <summary>Best GFLOP/s of each side, and the median ratio of neighbouring windows.</summary>
    private readonly record struct Result(double Ours, double Blas, double MedianRatio);

    /// <summary>Best GFLOP/s of each side over alternating windows, and the median of the windows' ratios.</summary>
    private static Result Compare<T>(int n, int rounds, Product<T> ours, Product<T> blas)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(1);
        var a = new T[n * n];
        var b = new T[n * n];
        var c = new T[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = T.CreateTruncating(rng.NextDouble());
            b[i] = T.CreateTruncating(rng.NextDouble());
        }

        double flops = 2.0 * n * n * n;
        int reps = Math.Max(1, (int)(0.06 * 2e11 / flops));
        Window(ours, a, b, c, n, 1);
        Window(blas, a, b, c, n, 1);
        double bestOurs = double.MaxValue, bestBlas = double.MaxValue;
        var ratios = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            double oursTime = Window(ours, a, b, c, n, reps);
            double blasTime = Window(blas, a, b, c, n, reps);
            bestOurs = Math.Min(bestOurs, oursTime);
            bestBlas = Math.Min(bestBlas, blasTime);
            ratios[round] = blasTime / oursTime;
        }

        Array.Sort(ratios);
        double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
        return new Result(flops / bestOurs / 1e9, flops / bestBlas / 1e9, median);
    }

    private static double Window<T>(Product<T> product, T[] a, T[] b, T[] c, int n, int reps)
    {
        var sw = Stopwatch.StartNew();
        for (int r = 0; r < reps; r++)
        {
            product(a, b, c, n);
        }

        return sw.Elapsed.TotalSeconds / reps;
    }

    private static void Dgemm(double[] a, double[] b, double[] c, int n)
    {
        fixed (double* pa = a, pb = b, pc = c)
        {
            cblas_dgemm(RowMajor, NoTrans, NoTrans, n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n);
        }
    }

    private static void Sgemm(float[] a, float[] b, float[] c, int n)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            cblas_sgemm(RowMajor, NoTrans, NoTrans, n, n, n, 1f, pa, n, pb, n, 0f, pc, n);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    [DllImport(Library)]
    private static extern void openblas_set_num_threads(int threads);

    [DllImport(Library)]
    private static extern int openblas_get_num_threads();

    [DllImport(Library)]
    private static extern IntPtr openblas_get_corename();

    [DllImport(Library)]
    private static extern void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha,
                                           double* a, int lda, double* b, int ldb, double beta, double* c, int ldc);

    [DllImport(Library)]
    private static extern void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
                                           float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);
}
