using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0010: an invalid [CheckGradientAt] point. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0010Tests
{
    [Fact]
    public Task TooFewValues_ReportsAtTheAttribute() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable, {|DG0010:CheckGradientAt(1.0)|}]
            public static double F(double x, double y) => x * y;
        }
        """);

    [Fact]
    public Task FractionForIntegerParameter_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable, {|DG0010:CheckGradientAt(1.0, 2.5)|}]
            public static double F(double x, int n) => x * n;
        }
        """);

    [Fact]
    public Task MatchingPoint_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable, CheckGradientAt(1.0, 2.0)]
            public static double F(double x, double y) => x * y;
        }
        """);
}
