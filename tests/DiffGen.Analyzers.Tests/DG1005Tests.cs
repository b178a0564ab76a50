using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// DG1005: a call of {M}HessianVector or {M}Hessian whose method calls something without a second-order rule. The
/// analyzer tests run without the generator and the consistency tests with it, so each snippet calls an overload
/// (a trailing <c>int marker</c>) that it declares the way the generator marks its members (GeneratedCode of
/// DiffGen.Generator): it exists in both runs and clashes with nothing generated. The blocked snippets call
/// SpanOps.LogSumExp, a primitive without a second-order rule.
/// </summary>
public class DG1005Tests
{
    [Fact]
    public Task SpanPrimitiveInTheBody_WarnsAtTheHessianVectorCall() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(ReadOnlySpan<double> x) => SpanOps.LogSumExp<double>(x);

            [System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]
            public static double FHessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> vx, Span<double> hx, int marker) => 0;

            public static double Use(double[] x, double[] v, double[] h) => {|DG1005:FHessianVector(x, v, h, 0)|};
        }
        """);

    [Fact]
    public Task DerivativeOfRule_WarnsAtTheHessianCall() => Verify.AnalyzerAsync("""
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

            [System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]
            public static double GHessian(double x, Span<double> hessian, int marker) => 0;

            public static double Use(double[] h) => {|DG1005:GHessian(1.0, h, 0)|};
        }
        """);

    [Fact]
    public Task CallOfABlockedDifferentiableMethod_WarnsNamingTheCalleesCall() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double Inner(double x)
            {
                double[] buffer = new double[2];
                buffer[0] = x;
                buffer[1] = x * x;
                return SpanOps.LogSumExp<double>(buffer);
            }

            [Differentiable]
            public static double Outer(double x) => Inner(x) * x;

            [System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]
            public static double OuterHessianVector(double x, double vx, out double hx, int marker) { hx = 0; return 0; }

            public static double Use() => {|#0:OuterHessianVector(1, 1, out _, 0)|};
        }
        """, Verify.Diagnostic(DiagnosticDescriptors.HessianVectorBlocked, 0, "OuterHessianVector",
            "the call to 'DiffGen.SpanOps.LogSumExp<double>', whose [DerivativeOf] pullback has no second-order rule", "Inner"));

    [Fact]
    public Task SmoothScalarBody_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double y) => Math.Exp(x * y) + Math.Tanh(x);

            [System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]
            public static double FHessianVector(double x, double y, double vx, double vy, out double hx, out double hy, int marker) { hx = hy = 0; return 0; }

            public static double Use() => FHessianVector(1, 2, 1, 0, out _, out _, 0);
        }
        """);

    [Fact]
    public Task SpanPrimitivesWithSecondOrderRules_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(ReadOnlySpan<double> x)
            {
                double[] y = new double[x.Length];
                SpanOps.Tanh<double>(x, y);
                return SpanOps.Dot<double>(y, x) + SpanOps.Sum<double>(y);
            }

            [System.CodeDom.Compiler.GeneratedCode("DiffGen.Generator", "0.1.0")]
            public static double FHessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> vx, Span<double> hx, int marker) => 0;

            public static double Use(double[] x, double[] v, double[] h) => FHessianVector(x, v, h, 0);
        }
        """);

    [Fact]
    public Task SameNameNotGeneratedByDiffGen_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(ReadOnlySpan<double> x) => SpanOps.LogSumExp<double>(x);

            public static double FHessianVector(ReadOnlySpan<double> x) => 0;

            public static double Use(double[] x) => FHessianVector(x);
        }
        """);
}
