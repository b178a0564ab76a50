using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0013: a differentiable value passed to a [NoDerivative] parameter. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0013Tests
{
    [Fact]
    public Task ActiveArgumentToDataParameter_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            static double Scale(double v, [NoDerivative] double s) => v * s;

            [Differentiable]
            public static double F(double x) => {|DG0013:Scale(2.0, x)|};
        }
        """);

    [Fact]
    public Task DataToDataParameter_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            static double Scale(double v, [NoDerivative] double s) => v * s;

            [Differentiable]
            public static double F(double x) => Scale(x, 2.0);
        }
        """);
}
