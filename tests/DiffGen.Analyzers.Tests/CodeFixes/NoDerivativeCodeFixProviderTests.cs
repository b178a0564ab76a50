using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using DiffGen.CodeFixes;
using Xunit;

namespace DiffGen.Analyzers.Tests.CodeFixes;

/// <summary>DG1001: mark a parameter that is data <c>[NoDerivative]</c>.</summary>
public class NoDerivativeCodeFixProviderTests
{
    [Fact]
    public Task ParameterOnlyCompared_Fix_MarksItNoDerivative() => Verify.CodeFixAsync<NoDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double {|DG1001:t|}) => x > t ? x : 0.0;
        }
        """,
        """
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double t) => x > t ? x : 0.0;
        }
        """);

    [Fact]
    public Task ParameterOnlyRounded_Fix_MarksItNoDerivative_AndTheSiteWarningGoes() => Verify.CodeFixAsync<NoDerivativeCodeFixProvider>(
        """
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, double {|DG1001:scale|}) => x * {|DG1003:Math.Floor(scale)|};
        }
        """,
        """
        public static partial class C
        {
            [Differentiable]
            public static double F(double x, [NoDerivative] double scale) => x * Math.Floor(scale);
        }
        """);
}
