using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0009: a generic method. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0009Tests
{
    [Fact]
    public Task GenericMethod_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double {|DG0009:F|}<T>(double x) => x;
        }
        """);

    [Fact]
    public Task NonGenericMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x;
        }
        """);
}
