using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0006: a by-reference parameter. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0006Tests
{
    [Fact]
    public Task RefParameter_ReportsAtTheParameter() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, ref double {|DG0006:y|}) => x * y;
        }
        """);

    [Fact]
    public Task InParameter_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(in double {|DG0006:x|}) => x;
        }
        """);

    [Fact]
    public Task ByValue_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double y) => x * y;
        }
        """);
}
