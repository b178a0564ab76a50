using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG2001: a nonsmooth site. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG2001Tests
{
    [Fact]
    public Task ReluOfDifferentiableValue_Notes() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => {|DG2001:DiffMath.Relu(x)|} + {|DG2001:Math.Abs(x)|};
        }
        """);

    [Fact]
    public Task SignAndMagnitudeFunctions_Note_ScaleBAndRootNDoNot() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double y)
                => {|DG2001:Math.CopySign(x, y)|} + {|DG2001:Math.MaxMagnitude(x, y)|} + {|DG2001:double.MinMagnitude(x, y)|}
                   + Math.ScaleB(x, 3) + double.RootN(x, 2);
        }
        """);

    [Fact]
    public Task NonsmoothOfData_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double y) => x * DiffMath.Relu(y) + Math.Abs(2.0);
        }
        """);
}
