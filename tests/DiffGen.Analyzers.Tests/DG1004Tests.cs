using System.Threading.Tasks;
using DiffGen.Analyzers;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG1004: a differentiable value used only in comparisons. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG1004Tests
{
    [Fact]
    public Task LocalOnlyCompared_WarnsAtTheComparison() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double d = x * x;
                if ({|DG1004:d > 1|}) return w;
                return w * x;
            }
        }
        """);

    [Fact]
    public Task ArithmeticInsideTheComparison_Warns() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double d = x * x;
                return {|DG1004:2 * d - 1 < 0.5|} ? w : x;
            }
        }
        """);

    [Fact]
    public Task LocalAlsoInTheResult_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double d = x * x;
                return d > 1 ? d : 1.0;
            }
        }
        """);

    [Fact]
    public Task ComparedParameter_OnlyDG1001() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double {|DG1001:t|}) => x > t ? x : 0.0;
        }
        """);

    [Fact]
    public Task ComparisonWithoutEffect_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double d = x * x;
                bool big = d > 1;
                return x * 2;
            }
        }
        """);

    [Fact]
    public Task StoppingTestUnderPragma_NoWarning() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w)
            {
                double y = w;
                double step = x * x;
                for (int i = 0; i < 10; i++)
                {
                    y = y * 0.5 + x;
        #pragma warning disable DG1004 // a stopping test: its derivative is not wanted
                    if (step < 1e-3) break;
        #pragma warning restore DG1004
                }
                return y;
            }
        }
        """);

    [Fact]
    public Task UnnamedConditionalValueOnlyCompared_WarnsNamingTheComparison() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double w, bool square)
                => {|#0:(square ? x * x : 2 * x) > 1|} ? w : w * x;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.ComparedOnly, 0, "The value compared in '(square ? x * x : 2 * x) > 1'"));
}
