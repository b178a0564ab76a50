using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0005: a containing type that is not partial. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0005Tests
{
    [Fact]
    public Task TypeNotPartial_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static class C
        {
            [Differentiable]
            public static double {|DG0005:F|}(double x) => x;
        }
        """);

    [Fact]
    public Task OuterTypeNotPartial_Reports() => Verify.AnalyzerAsync("""
        public class Outer
        {
            public static partial class C
            {
                [Differentiable]
                public static double {|DG0005:F|}(double x) => x;
            }
        }
        """);

    [Fact]
    public Task EveryTypePartial_NoDiagnostic() => Verify.AnalyzerAsync("""
        public partial class Outer
        {
            public static partial class C
            {
                [Differentiable]
                public static double F(double x) => x;
            }
        }
        """);
}
