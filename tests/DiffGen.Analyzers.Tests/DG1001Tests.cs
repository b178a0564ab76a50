using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG1001: a differentiable parameter without influence. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG1001Tests
{
    [Fact]
    public Task UnusedParameter_ReportsAtTheParameter() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double {|DG1001:unused|}) => x;
        }
        """);

    [Fact]
    public Task ParameterOnlyCompared_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double {|DG1001:threshold|}) => x > threshold ? x : 0.0;
        }
        """);

    [Fact]
    public Task OnlyPathOverwrittenFirst_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:x|})
            {
                double y = x * x;
                y = 3.0;
                return y;
            }
        }
        """);

    [Fact]
    public Task ParameterReassignedBeforeUse_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double {|DG1001:x|}, double w)
            {
                x = w * 2;
                return x * x;
            }
        }
        """);

    [Fact]
    public Task OverwrittenOnOneBranchOnly_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double y = x * x;
                if (w > 0) y = 3.0;
                return y * w;
            }
        }
        """);

    [Fact]
    public Task ValueCarriedAcrossLoopIterations_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, int n)
            {
                double y = 0, previous = 0;
                for (int i = 0; i < n; i++)
                {
                    y = previous * 0.5;
                    previous = x + i;
                }
                return y;
            }
        }
        """);

    [Fact]
    public Task NoDerivativeParameter_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double threshold) => x > threshold ? x : 0.0;
        }
        """);

    [Fact]
    public Task ScalarAfterA2DArrayWithoutInfluence_ReportsAtThatParameter() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a, double[][] b, double {|DG1001:unused|}, double x) => a[0, 0] * b[0][0] * x;
        }
        """);

    [Fact]
    public Task JaggedArrayWithoutInfluence_ReportsAtIt() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[,] a, double[][] {|DG1001:b|}, double x) => a[1, 0] * x + b.Length;
        }
        """);
}
