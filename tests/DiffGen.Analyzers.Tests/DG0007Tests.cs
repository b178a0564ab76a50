using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0007: an unsupported type. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0007Tests
{
    [Fact]
    public Task IntegerReturnType_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static int {|DG0007:F|}(double x) => (int)x;
        }
        """);

    [Fact]
    public Task StringLocal_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                string {|DG0007:s = "a"|};
                return x;
            }
        }
        """);

    [Fact]
    public Task SupportedTypes_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, float y, int n, long m, bool b, double[] w, ReadOnlySpan<float> v)
                => b ? x * n * m * (double)y * w[0] * (double)v[0] : x;
        }
        """);

    [Fact]
    public Task ThreeDimensionalArrayParameter_ReportsAtTheParameter() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,,] {|DG0007:a|}, double x) => x;
        }
        """);

    [Fact]
    public Task JaggedLocal_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double[][] {|DG0007:t = new double[2][]|};
                return x;
            }
        }
        """);

    [Fact]
    public Task JaggedLocalWithRowsAllocatedInALoop_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x, [NoDerivative] int[] sizes)
            {
                var t = new double[sizes.Length][];
                float[][] u = new float[2][];
                for (int i = 0; i < sizes.Length; i++)
                {
                    t[i] = new double[sizes[i] + 1];
                    for (int j = 0; j < t[i].Length; j++) t[i][j] = x[j % x.Length] * (i + 1);
                }
                for (int i = 0; i < u.Length; i++) u[i] = new float[3];
                double s = u[1][2];
                foreach (var row in t)
                    foreach (double v in row) s += v * v;
                var first = t[0];
                return s + first[0] + t.Length + t[0].Length;
            }
        }
        """);

    [Fact]
    public Task JaggedLocalWhoseRowLengthsTheLoopChanges_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                int k = 1;
                double[][] {|DG0007:t = new double[n][]|};
                for (int i = 0; i < n; i++)
                {
                    t[i] = new double[k];
                    k++;
                }
                return x * t.Length;
            }
        }
        """);

    [Fact]
    public Task JaggedLocalWithAnInitializer_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double[][] {|DG0007:t = new double[][] { new double[2], new double[3] }|};
                return x * t[1][2];
            }
        }
        """);

    [Fact]
    public Task TwoDimensionalArrayInAnInstanceMethod_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public partial class C
        {
            public double W;

            [Differentiable]
            public double {|DG0007:F|}(double[,] a) => W * a[0, 0];
        }
        """);

    [Fact]
    public Task TwoDimensionalAndJaggedArraysInAVoidMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static void F(double[,] a, double[][] b, double s, Span<double> y)
            {
                for (int i = 0; i < a.GetLength(0); i++) y[i] = s * a[i, 0] * b[i][0];
            }
        }
        """);

    [Fact]
    public Task TwoDimensionalAndJaggedArrays_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a, float[][] b, [NoDerivative] int[,] k, double[][] c)
            {
                double s = a.Length + b.Length + k[0, 0];
                double[,] t = new double[a.GetLength(0), a.GetLength(1)];
                for (int i = 0; i < a.GetLength(0); i++)
                    for (int j = 0; j < a.GetLength(1); j++) t[i, j] = a[i, j] * a[i, j];
                foreach (var row in c)
                    foreach (double v in row) s += v;
                var first = c[0];
                return s + t[0, 0] + first[0] + c[1][0] + c[1].Length + (double)b[0][0];
            }
        }
        """);
}
