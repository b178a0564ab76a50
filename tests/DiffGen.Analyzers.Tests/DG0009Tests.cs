using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0009: a generic method. Marked spans must be reported exactly; unmarked code must get nothing.</summary>
public class DG0009Tests
{
    [Fact]
    public Task GenericMethod_ReportsAtTheName() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double {|DG0009:F|}<T>(double x) => x;
        }
        """);

    [Fact]
    public Task UnconstrainedOrNumberConstrained_Reports() => Verify.AnalyzerAsync("""
        using System.Numerics;
        public static partial class C
        {
            [Differentiable]
            public static T {|DG0009:F|}<T>(T x) where T : INumber<T> => x * x;

            [Differentiable]
            public static double {|DG0009:G|}<T, U>(double x) where T : IFloatingPointIeee754<T> => x;
        }
        """);

    [Fact]
    public Task FloatingPointGenericMath_NoDiagnostic() => Verify.AnalyzerAsync("""
        using System.Numerics;
        public static partial class C
        {
            [Differentiable]
            public static T F<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x) * x + T.CreateChecked(0.5) * T.Pi;

            [Differentiable]
            public static T G<T>(T x, int n) where T : IBinaryFloatingPointIeee754<T>
            {
                T sum = T.Zero;
                for (int i = 0; i < n; i++) sum += F(x) / T.CreateChecked(i + 1);
                return sum;
            }
        }
        """);

    [Fact]
    public Task NonGenericMethod_NoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class C
        {
            [Differentiable]
            public static double F(double x) => x;
        }
        """);
}
