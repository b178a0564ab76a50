using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0012: a [Differentiable] callee that cannot be differentiated. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0012Tests
{
    [Fact]
    public Task CalleeInNonPartialType_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => {|DG0012:D.G(x)|};
        }

        public static class D
        {
            [Differentiable]
            public static double {|DG0005:G|}(double y) => y;
        }
        """);

    [Fact]
    public Task ValidCallee_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => D.G(x);
        }

        public static partial class D
        {
            [Differentiable]
            public static double G(double y) => y * y;
        }
        """);

    [Fact]
    public Task CalleeTaking2DArrayInAnotherType_Reports() => Verify.AnalyzerAsync("""
        public static partial class D
        {
            [Differentiable]
            public static double G(double[,] a) => a[0, 0] * a[0, 0];
        }

        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a) => {|DG0012:D.G(a)|};
        }
        """);

    [Fact]
    public Task CalleeTaking2DOrJaggedArraysInTheSameType_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double G(double[,] a, double s) => a[0, 0] * a[0, 1] * s;

            [Differentiable]
            public static double H(double[][] b, [NoDerivative] float[][] data) => b[1][0] * b[0][0] * data[0][0];

            [Differentiable]
            public static double F(double[,] a, double[][] b, [NoDerivative] float[][] data)
            {
                var t = new double[2, 2];
                t[0, 1] = a[1, 1];
                var u = new double[2][];
                for (int i = 0; i < 2; i++) u[i] = new double[i + 1];
                u[1][0] = b[0][0];
                return G(a, 2.0) + G(t, a[0, 0]) + H(b, data) + H(u, data);
            }
        }
        """);

    [Fact]
    public Task CalleeTaking2DArrayGivenAnElementwiseExpression_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            static readonly double[,] Table = { { 1.0, 2.0 } };

            [Differentiable]
            public static double G(double[,] a) => a[0, 0] * a[0, 1];

            [Differentiable]
            public static double F(double x) => x * G({|DG0002:Table|});
        }
        """);
}
