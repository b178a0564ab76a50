using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using DiffGen.CodeFixes;
using Xunit;

namespace DiffGen.Analyzers.Tests.CodeFixes;

/// <summary>DG0003: mark a callee declared in the solution <c>[Differentiable]</c>.</summary>
public class DifferentiableCalleeCodeFixProviderTests
{
    [Fact]
    public Task CallToSourceMethod_Fix_MarksTheCalleeDifferentiable() => Verify.CodeFixAsync<DifferentiableCalleeCodeFixProvider>(
        """
        public static partial class C
        {
            static double Square(double v) => v * v;

            [Differentiable]
            public static double F(double x) => {|DG0003:Square(x)|};
        }
        """,
        """
        public static partial class C
        {
            [Differentiable]
            static double Square(double v) => v * v;

            [Differentiable]
            public static double F(double x) => Square(x);
        }
        """);

    [Fact]
    public Task CallToLibraryMethod_OffersNoFix() => Verify.NoCodeFixAsync<DifferentiableCalleeCodeFixProvider>(
        """
        public static partial class C
        {
            [Differentiable]
            public static double F(double[] w) => {|DG0003:System.Linq.Enumerable.Sum(w)|};
        }
        """);
}
