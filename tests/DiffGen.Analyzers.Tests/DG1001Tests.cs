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
    public Task NoDerivativeParameter_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double threshold) => x > threshold ? x : 0.0;
        }
        """);
}
