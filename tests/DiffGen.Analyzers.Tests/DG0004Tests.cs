using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0004: an instance method of a ref struct or interface. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0004Tests
{
    [Fact]
    public Task RefStructInstanceMethod_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public ref partial struct C
        {
            [Differentiable]
            public double {|DG0004:F|}(double x) => x * 2;
        }
        """);

    [Fact]
    public Task ClassInstanceMethodReadingFields_NoDiagnostic() => Verify.AnalyzerAsync("""
        public partial class C
        {
            public double Scale = 2;
            public double[] Weights = { 1.0, 2.0 };

            [Differentiable]
            public double F(double x) => x * Scale + Weights[1];
        }
        """);

    [Fact]
    public Task StructInstanceMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public partial struct C
        {
            public double Mass;

            [Differentiable]
            public double F(double v) => 0.5 * Mass * v * v;
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
