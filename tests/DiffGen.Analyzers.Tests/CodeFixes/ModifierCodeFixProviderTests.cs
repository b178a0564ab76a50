using System.Threading.Tasks;
using DiffGen.Analyzers.Tests.Support;
using DiffGen.Analyzers;
using DiffGen.CodeFixes;
using Xunit;

namespace DiffGen.Analyzers.Tests.CodeFixes;

/// <summary>DG0005 adds <c>partial</c> to every containing type; DG0004 adds <c>static</c> where no instance state is used.</summary>
public class ModifierCodeFixProviderTests
{
    [Fact]
    public Task TypeNotPartial_Fix_AddsPartialToEveryContainingType() => Verify.CodeFixAsync<ModifierCodeFixProvider>(
        """
        public static class Outer
        {
            public static class C
            {
                [Differentiable]
                public static double {|#0:F|}(double x) => x;
            }
        }
        """,
        """
        public static partial class Outer
        {
            public static partial class C
            {
                [Differentiable]
                public static double F(double x) => x;
            }
        }
        """,
        // One DG0005 per type that is not partial, both at the method's name; one fix makes both partial.
        Verify.Diagnostic(DiagnosticDescriptors.TypeNotPartial, 0, "C"),
        Verify.Diagnostic(DiagnosticDescriptors.TypeNotPartial, 0, "Outer"));

    [Fact]
    public Task MethodNotStatic_WithoutInstanceState_Fix_AddsStatic() => Verify.CodeFixAsync<ModifierCodeFixProvider>(
        """
        public ref partial struct C
        {
            [Differentiable]
            public double {|DG0004:F|}(double x) => x * 2;
        }
        """,
        """
        public ref partial struct C
        {
            [Differentiable]
            public static double F(double x) => x * 2;
        }
        """);

    [Fact]
    public Task MethodNotStatic_UsingInstanceState_OffersNoFix() => Verify.NoCodeFixAsync<ModifierCodeFixProvider>(
        """
        public ref partial struct C
        {
            double k;

            [Differentiable]
            public double {|DG0004:F|}(double x) => x * k;
        }
        """);
}
