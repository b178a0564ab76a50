using System;
using System.Linq;
using System.Reflection;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Tuple results (generator/FrontEnd/BodyLowering.TupleResults.cs, generator/Stages/TupleResultWrappers.cs): the IR is
/// a void method writing the elements to a synthetic output span, its last parameter, every return storing all the
/// elements; the derivative members of that form are private and the public ones take one seed per element and return
/// tuples. Gradients are checked in tests/DiffGen.Gradients.Tests/TupleResults.
/// </summary>
public class TupleResultWrappersTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Shapes
            {
                [Differentiable]
                public static (double R, double Theta) Polar(double x, double y, ReadOnlySpan<double> w)
                {
                    if (x > 10) return (x, 0.0);
                    var r = Math.Sqrt(x * x + y * y) * w[0];
                    return (r, Math.Atan2(y, x));
                }
            }
        }
        """;

    private static FrontEndResult Analyze(Compilation compilation) => GeneratorHarness.FrontEnd(compilation, "Polar");

    [Fact]
    public void FrontEnd_TupleResult_IsAnOutputSpanWrittenAtEveryReturn()
    {
        var ir = Analyze(GeneratorHarness.Compilation(Source)).Ir!;
        Assert.NotNull(ir);
        Assert.True(ir.ReturnsTuple);
        Assert.True(ir.ReturnsVoid);
        Assert.Equal(new[] { "R", "Theta" }, ir.TupleResult.ToArray());
        Assert.Equal(4, ir.ParameterCount);
        var output = ir.Variables[ir.ParameterCount - 1];
        Assert.True(output.IsOutput);
        Assert.Equal(Shape.Span, output.Shape);
        Assert.False(output.IsDifferentiableParameter);
        var statements = IrTree.AllStatements(ir.Body).ToList();
        Assert.All(statements.OfType<ReturnStmt>(), r => Assert.Null(r.Value));
        Assert.Equal(2, statements.OfType<ReturnStmt>().Count());
        // Two elements stored before each of the two returns.
        Assert.Equal(4, statements.OfType<StoreStmt>().Count(s => s.Variable == ir.ParameterCount - 1));
    }

    [Fact]
    public void FrontEnd_SameSourceInTwoCompilations_GivesEqualIr_AndRenamingAnElementGivesAnother()
    {
        var first = Analyze(GeneratorHarness.Compilation(Source)).Ir;
        var second = Analyze(GeneratorHarness.Compilation(Source)).Ir;
        Assert.NotNull(first);
        Assert.Equal(first, second);
        var renamed = Analyze(GeneratorHarness.Compilation(Source.Replace("double Theta", "double Angle"))).Ir;
        Assert.NotNull(renamed);
        Assert.NotEqual(first, renamed);
    }

    [Fact]
    public void Output_CompilesWithoutWarnings()
    {
        var (output, _, diagnostics) = GeneratorHarness.Generate(Source);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void PublicMembers_TakeOneSeedPerElementAndReturnTuples_SpanFormsArePrivate()
    {
        var type = GeneratorHarness.CompileAndLoad(Source).GetType("Sample.Shapes")!;
        string Signature(MethodInfo m) => m.ReturnType.Name + " " + m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";
        var visible = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.DeclaringType == type).Select(Signature).ToHashSet();
        Assert.Equal(new[]
        {
            "ValueTuple`2 Polar(Double, Double, ReadOnlySpan`1)",
            "ValueTuple`2 PolarPullback(Double, Double, ReadOnlySpan`1, Double, Double, Double&, Double&, Span`1)",
            "ValueTuple`2 PolarTangent(Double, Double, ReadOnlySpan`1, Double, Double, ReadOnlySpan`1)",
            "ValueTuple`2 PolarDirectional(Double, Double, ReadOnlySpan`1, Double, Double, ReadOnlySpan`1)",
            "ValueTuple`2 PolarJacobian(Double, Double, ReadOnlySpan`1, Span`1, JacobianStrategy)",
        }.OrderBy(s => s), visible.OrderBy(s => s));
        Assert.Contains(type.GetMethods(BindingFlags.NonPublic | BindingFlags.Static), m => m.Name == "PolarPullback" && m.ReturnType == typeof(void));
    }
}
