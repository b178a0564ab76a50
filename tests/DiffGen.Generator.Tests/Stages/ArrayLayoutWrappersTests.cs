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
/// 2-D and jagged parameters (generator/FrontEnd/BodyLowering.Arrays.cs, generator/Stages/ArrayLayoutWrappers.cs):
/// the IR sees each as a flat read-only span with int shape parameters and records its <see cref="ArrayLayout"/>;
/// the flat derivative members are private and the public ones take the arrays in their own shapes; the
/// output compiles without warnings. Gradients are checked in tests/DiffGen.Gradients.Tests/MultiArrays.
/// </summary>
public class ArrayLayoutWrappersTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Grids
            {
                [Differentiable]
                public static double F(double[,] a, double[][] b, double x)
                {
                    double s = x;
                    for (int i = 0; i < a.GetLength(0); i++)
                        for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * b[i][j];
                    var t = new double[2, 2];
                    t[1, 0] = s * s;
                    return t[1, 0];
                }
            }
        }
        """;

    private static FrontEndResult Analyze(Compilation compilation) => GeneratorHarness.FrontEnd(compilation, "F");

    [Fact]
    public void FrontEnd_TwoDimensionalAndJaggedParameters_AreFlatSpansWithShapeParameters()
    {
        var ir = Analyze(GeneratorHarness.Compilation(Source)).Ir!;
        Assert.NotNull(ir);
        Assert.Equal(2, ir.Layouts.Count);
        var (a, b) = (ir.Layouts[0], ir.Layouts[1]);
        Assert.False(a.IsJagged);
        Assert.True(b.IsJagged);
        Assert.Equal(Shape.ReadOnlySpan, ir.Variables[a.Flat].Shape);
        Assert.True(ir.Variables[a.Flat].IsDifferentiableParameter);
        Assert.Equal(Shape.Scalar, ir.Variables[a.Rows].Shape);
        Assert.Equal(Shape.ReadOnlySpan, ir.Variables[b.Rows].Shape);
        Assert.False(ir.Variables[b.Rows].IsDifferentiableParameter);
        // a, a_rows, a_cols, b, b_offsets, x: every shape variable is a parameter the public members compute.
        Assert.Equal(6, ir.ParameterCount);
        // The 2-D local is a flat array of rows * columns elements.
        Assert.Contains(IrTree.AllStatements(ir.Body), s => s is AllocateStmt { Length: BinaryExpr { Op: BinaryOp.Multiply } });
    }

    [Fact]
    public void FrontEnd_SameSourceInTwoCompilations_GivesEqualIr_AndAnEditGivesAnother()
    {
        // Value equality across compilations is what lets the pipeline cache the method: no symbols, no reference-equal arrays.
        var first = Analyze(GeneratorHarness.Compilation(Source)).Ir;
        var second = Analyze(GeneratorHarness.Compilation(Source)).Ir;
        Assert.NotNull(first);
        Assert.Equal(first, second);
        var edited = Analyze(GeneratorHarness.Compilation(Source.Replace("s * s", "s * x"))).Ir;
        Assert.NotNull(edited);
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void Output_CompilesWithoutWarnings()
    {
        var (output, _, diagnostics) = GeneratorHarness.Generate(Source);
        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void PublicMembers_TakeTheArraysInTheirShapes_FlatOnesArePrivate()
    {
        var type = GeneratorHarness.CompileAndLoad(Source).GetType("Sample.Grids")!;
        string Signature(MethodInfo m) => m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";
        var visible = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(Signature).ToHashSet();
        Assert.Contains("FGradient(Double[,], Double[][], Double, Double[,], Double[][], Double&)", visible);
        Assert.Contains("FPullback(Double[,], Double[][], Double, Double, Double[,], Double[][], Double&)", visible);
        Assert.Contains("FTangent(Double[,], Double[][], Double, Double[,], Double[][], Double)", visible);
        Assert.Contains("FDirectional(Double[,], Double[][], Double, Double[,], Double[][], Double)", visible);
        Assert.Contains("FGradientCheck(Double[,], Double[][], Double)", visible);
        Assert.DoesNotContain(visible, s => s.Contains("ReadOnlySpan"));
        Assert.Contains(type.GetMethods(BindingFlags.NonPublic | BindingFlags.Static), m => m.Name == "FGradient" && m.GetParameters()[0].ParameterType.Name.StartsWith("ReadOnlySpan", StringComparison.Ordinal));
    }
}
