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
    public Task CalleeTaking2DArray_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double G(double[,] a) => a[0, 0] * a[0, 0];

            [Differentiable]
            public static double F(double[,] a) => {|DG0012:G(a)|};
        }
        """);
}
