using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>Complex locals and arithmetic: no diagnostic; a Complex function without a rule and Complex parameters are refused where they stand.</summary>
public class ComplexDiagnosticTests
{
    [Fact]
    public Task ComplexLocalsAndArithmetic_NoDiagnostic() => Verify.AnalyzerAsync("""
        using System.Numerics;

        public static partial class C
        {
            [Differentiable]
            public static double F(double a, double b)
            {
                var z = new Complex(a, b);
                Complex w = Complex.Exp(z * z) / (z + 1.0);
                w -= Complex.Conjugate(z);
                return w.Real + w.Magnitude + Complex.Abs(z) + z.Phase;
            }
        }
        """);

    [Fact]
    public Task ComplexFunctionWithoutARule_Reports() => Verify.AnalyzerAsync("""
        using System.Numerics;

        public static partial class C
        {
            [Differentiable]
            public static double F(double a, double b)
            {
                var z = {|DG0002:Complex.Sqrt(new Complex(a, b))|};
                return z.Real;
            }
        }
        """);

    [Fact]
    public Task ComplexParameter_ReportsAtTheParameter() => Verify.AnalyzerAsync("""
        using System.Numerics;

        public static partial class C
        {
            [Differentiable]
            public static double F(Complex {|DG0007:z|}, double a) => a;
        }
        """);
}
