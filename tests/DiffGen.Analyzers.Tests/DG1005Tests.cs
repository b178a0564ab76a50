using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// DG1005: a call of {M}HessianVector or {M}Hessian whose method calls something without a second-order rule. The
/// analyzer tests run without the generator, so each snippet declares the generated member as the generator would
/// (same name, GeneratedCode attribute of DiffGen.Generator).
/// </summary>
public class DG1005Tests
{
    private const string Generated = """[System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]""";

    [Fact]
    public Task SpanPrimitiveInTheBody_WarnsAtTheHessianVectorCall() => Verify.AnalyzerAsync($$"""
        public static partial class C
        {
            [Differentiable]
            public static double F(ReadOnlySpan<double> x) => SpanOps.Dot<double>(x, x);

            {{Generated}}
            public static double FHessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> vx, Span<double> hx) => 0;

            public static double Use(double[] x, double[] v, double[] h) => {|DG1005:FHessianVector(x, v, h)|};
        }
        """);

    [Fact]
    public Task DerivativeOfRule_WarnsAtTheHessianCall() => Verify.AnalyzerAsync($$"""
        public static partial class Rules
        {
            public static double Cube(double x) => x * x * x;

            [DerivativeOf(nameof(Cube))]
            public static void CubePullback(double x, double seed, ref double dx) => dx += 3 * x * x * seed;
        }

        public static partial class C
        {
            [Differentiable]
            public static double G(double x) => Rules.Cube(x) + x;

            {{Generated}}
            public static double GHessian(double x, Span<double> hessian) => 0;

            public static double Use(double[] h) => {|DG1005:GHessian(1.0, h)|};
        }
        """);

    [Fact]
    public Task SmoothScalarBody_NoDiagnostic() => Verify.AnalyzerAsync($$"""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double y) => Math.Exp(x * y) + Math.Tanh(x);

            {{Generated}}
            public static double FHessianVector(double x, double y, double vx, double vy, out double hx, out double hy) { hx = hy = 0; return 0; }

            public static double Use() => FHessianVector(1, 2, 1, 0, out _, out _);
        }
        """);

    [Fact]
    public Task SameNameNotGeneratedByDiffGen_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(ReadOnlySpan<double> x) => SpanOps.Dot<double>(x, x);

            public static double FHessianVector(ReadOnlySpan<double> x) => 0;

            public static double Use(double[] x) => FHessianVector(x);
        }
        """);
}
