using System.Threading.Tasks;
using DiffGen.Analyzers;
using DiffGen.Analyzers.Tests.Support;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>DG0007 on a class or struct parameter says why the type is not a differentiable type, and what to do.</summary>
public class TypeDiagnosticMessageTests
{
    [Fact]
    public Task ParameterOfATypeThatCannotBeDifferentiable_SaysWhy() => Verify.AnalyzerAsync("""
        public struct Sealed { public double Mass; }
        public partial struct Empty { public int Count; }
        public static partial class C
        {
            [Differentiable]
            public static double F(Sealed {|#0:s|}, Empty {|#1:e|}, System.Numerics.Complex {|#2:z|}) => 1.0;
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.UnsupportedType, 0, "parameter 's' of type 'Sealed' (declare 'Sealed' partial so it gets a Tangent)"),
        Verify.Diagnostic(DiagnosticDescriptors.UnsupportedType, 1, "parameter 'e' of type 'Empty' (it has no double or float field, array, Parameter<T> or vector member without [NoDerivative])"),
        Verify.Diagnostic(DiagnosticDescriptors.UnsupportedType, 2, "parameter 'z' of type 'System.Numerics.Complex' (a type from another assembly: differentiable types are partial classes, structs or records of this project; pass its numbers instead)"));

}
