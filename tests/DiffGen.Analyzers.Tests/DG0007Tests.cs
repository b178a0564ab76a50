using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0007: an unsupported type. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0007Tests
{
    [Fact]
    public Task IntegerReturnType_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static int {|DG0007:F|}(double x) => (int)x;
        }
        """);

    [Fact]
    public Task StringLocal_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                string {|DG0007:s = "a"|};
                return x;
            }
        }
        """);

    [Fact]
    public Task SupportedTypes_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, float y, int n, long m, bool b, double[] w, ReadOnlySpan<float> v)
                => b ? x * n * m * (double)y * w[0] * (double)v[0] : x;
        }
        """);
}
