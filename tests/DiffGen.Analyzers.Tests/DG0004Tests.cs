using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0004: an instance method. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0004Tests
{
    [Fact]
    public Task InstanceMethod_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public partial class C
        {
            [Differentiable]
            public double {|DG0004:F|}(double x) => x * 2;
        }
        """);

    [Fact]
    public Task StaticMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public partial class C
        {
            [Differentiable]
            public static double F(double x) => x * 2;
        }
        """);
}
