using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0002: an unsupported expression. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0002Tests
{
    [Fact]
    public Task SwitchExpressionWithoutADiscardArm_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => {|DG0002:x switch { > 0 => x, <= 0 => -x, double.NaN => 0 }|};
        }
        """);

    [Fact]
    public Task StepOfAVariableTheStatementAlsoReads_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] a, int i)
            {
                double y = a[i] + a[{|DG0002:i++|}];
                double z = a[i++] * 2;
                return y + z;
            }
        }
        """);

    [Fact]
    public Task AssignmentInsideExpression_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double y = x;
                return ({|DG0002:y = x * 2|}) + 1;
            }
        }
        """);

    [Fact]
    public Task ConditionalExpression_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x > 0 ? x : -x;
        }
        """);
}
