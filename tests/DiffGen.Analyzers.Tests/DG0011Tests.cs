using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0011: a write outside the method's locals. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0011Tests
{
    [Fact]
    public Task FieldWrite_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            static double field;

            [Differentiable]
            public static double F(double x)
            {
                {|DG0011:field|} = x;
                return x;
            }
        }
        """);

    [Fact]
    public Task ParameterElementWrite_Reports() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w)
            {
                {|DG0011:w[0] = 1.0|};
                return w[0];
            }
        }
        """);

    [Fact]
    public Task LocalWrites_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x)
            {
                double[] a = new double[1];
                a[0] = x;
                double y = a[0];
                y = y * 2;
                return y;
            }
        }
        """);
}
