using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0003: a call without derivative. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0003Tests
{
    [Fact]
    public Task PlainMethodGivenDifferentiableValue_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            static double Plain(double v) => v;

            [Differentiable]
            public static double F(double x) => {|DG0003:Plain(x)|} * 2;
        }
        """);

    [Fact]
    public Task PlainMethodGivenData_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            static double Plain(double v) => v;

            [Differentiable]
            public static double F(double x) => Plain(2.0) * x;
        }
        """);
}
