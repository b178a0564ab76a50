using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0015: an ArrayPool array used in a way the generated code cannot follow. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0015Tests
{
    [Fact]
    public Task RentInsideALoop_Reports() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                double s = 0;
                for (int k = 0; k < x.Length; k++)
                {
                    double[] {|DG0015:t = ArrayPool<double>.Shared.Rent(2)|};
                    t[0] = x[k];
                    s += t[0] * t[0];
                    ArrayPool<double>.Shared.Return(t);
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task ReturnInsideABranch_Reports() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                double[] b = ArrayPool<double>.Shared.Rent(x.Length);
                b[0] = x[0] * x[0];
                double s = b[0];
                if (s > 1) {|DG0015:ArrayPool<double>.Shared.Return(b)|};
                return s;
            }
        }
        """);

    [Fact]
    public Task UseAfterReturn_Reports() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                double[] b = ArrayPool<double>.Shared.Rent(x.Length);
                b[0] = x[0] * x[0];
                ArrayPool<double>.Shared.Return(b);
                return {|DG0015:b|}[0];
            }
        }
        """);

    [Fact]
    public Task ReturnOfAParameter_Reports() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                double s = x[0] * x[0];
                {|DG0015:ArrayPool<double>.Shared.Return(x)|};
                return s;
            }
        }
        """);

    [Fact]
    public Task RentedArrayPassedToAPlainMethod_Reports() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            private static double[]? kept;

            private static double Keep(double[] a)
            {
                kept = a;
                return a.Length;
            }

            [Differentiable]
            public static double F(double[] x)
            {
                double[] b = ArrayPool<double>.Shared.Rent(x.Length);
                b[0] = x[0];
                double s = b[0] * {|DG0015:Keep(b)|};
                ArrayPool<double>.Shared.Return(b);
                return s;
            }
        }
        """);

    [Fact]
    public Task TopLevelRentAndReturn_NoDiagnostic() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static double F(double[] x)
            {
                double[] b = ArrayPool<double>.Shared.Rent(x.Length);
                for (int i = 0; i < x.Length; i++) b[i] = x[i] * x[i];
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Sin(b[i]);
                ArrayPool<double>.Shared.Return(b, clearArray: true);
                return s;
            }
        }
        """);

    [Fact]
    public Task TryFinallyReturn_NoDiagnostic() => Verify.AnalyzerAsync("""
        using System.Buffers;

        public static partial class C
        {
            [Differentiable]
            public static float F(float[] x)
            {
                float[] b = ArrayPool<float>.Shared.Rent(x.Length);
                try
                {
                    for (int i = 0; i < x.Length; i++) b[i] = x[i] * x[i];
                    return b[0] + b[x.Length - 1];
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(b);
                }
            }
        }
        """);
}
