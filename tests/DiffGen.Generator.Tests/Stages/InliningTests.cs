using System;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Which helper calls the front end lowers in place (generator/FrontEnd/BodyLowering.Inlining.cs),
/// asserted on the lowered IR: small [Differentiable] helpers called in loops, with their span
/// parameters as views of the caller's arrays; not calls outside loops, helpers with an early return,
/// helpers whose body the caller cannot lower in place (a static table: the attempt leaves nothing behind),
/// helpers writing a Span, or a [NoDerivative] parameter given a differentiable value. The gradients
/// are checked in tests/DiffGen.Gradients.Tests/Arrays (HelperCallFunctions).
/// </summary>
public class InliningTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Helpers
            {
                [Differentiable]
                public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
                {
                    double acc = 0;
                    for (int i = 0; i < a.Length; i++) acc += a[i] * b[i];
                    return acc;
                }

                [Differentiable]
                public static double Early(double x)
                {
                    if (x > 1) return x;
                    return x * x;
                }

                private static readonly double[] Weights = { 0.5, 2.0 };

                [Differentiable]
                public static double ForEachSum(ReadOnlySpan<double> v)
                {
                    double total = 0;
                    foreach (double x in v) total += Math.Exp(x);
                    return total;
                }

                [Differentiable]
                public static double Weighted(ReadOnlySpan<double> v)
                {
                    double total = 0;
                    for (int i = 0; i < v.Length; i++) total += Weights[i] * v[i];
                    return total;
                }

                [Differentiable]
                public static double Scaled(double a, [NoDerivative] double b) => a * b;

                [Differentiable]
                public static double Floored(double x, double y) => y * (int)(x * x);

                [Differentiable]
                public static double InLoop(double[] m, double[] w, int rows)
                {
                    double s = 0;
                    for (int r = 0; r < rows; r++) s += Dot(m.AsSpan(r * w.Length, w.Length), w);
                    return s;
                }

                [Differentiable]
                public static double OutsideLoop(double[] m, double[] w) => Dot(m.AsSpan(0, w.Length), w);

                [Differentiable]
                public static double EarlyInLoop(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += Early(x[i]);
                    return s;
                }

                [Differentiable]
                public static double ForEachInLoop(double[] m, int rows)
                {
                    double s = 0;
                    for (int r = 0; r < rows; r++) s += ForEachSum(m.AsSpan(r * 2, 2));
                    return s;
                }

                [Differentiable]
                public static double TableInLoop(double[] m, int rows)
                {
                    double s = 0;
                    for (int r = 0; r < rows; r++) s += Weighted(m.AsSpan(r * 2, 2));
                    return s;
                }

                [Differentiable]
                public static double DataToCut(double[] x, [NoDerivative] double scale)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += Scaled(x[i], scale);
                    return s;
                }

                [Differentiable]
                public static double FlooredInLoop(double[] x, double[] y)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s += Floored(x[i], y[i]);
                    return s;
                }
            }
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => GeneratorHarness.Compilation(Source));

    private static FrontEndResult Analyze(string method) => GeneratorHarness.FrontEnd(Compiled.Value, method);

    /// <summary>Whether the method's IR still calls <paramref name="helper"/>.</summary>
    private static bool Calls(MethodIr ir, string helper)
        => IrTree.AllExpressions(ir.Body).Any(e => e switch
        {
            UserCallExpr call => call.Callee.Target.EndsWith("." + helper, StringComparison.Ordinal),
            RuleCallExpr call => call.Rule.Target.EndsWith("." + helper, StringComparison.Ordinal),
            _ => false,
        });

    [Fact]
    public void Source_Generates_CompilesWithoutWarningsOrErrors()
        => Assert.Empty(GeneratorHarness.Problems(GeneratorHarness.Generate(Source).Output));

    [Fact]
    public void HelperInALoop_IsLoweredInPlace_ItsSpansIndexingTheCallersArrays()
    {
        var ir = Analyze("InLoop").Ir!;
        Assert.False(Calls(ir, "Dot"));
        // a[i] of the view m.AsSpan(r * n, n) reads m at the view's offset plus i.
        int m = ir.Variables.ToList().FindIndex(v => v.Name == "m");
        Assert.Contains(IrTree.AllExpressions(ir.Body), e => e is ElementExpr { Index: BinaryExpr { Op: BinaryOp.Add } } element && element.Variable == m);
        Assert.Contains(ir.Variables, v => v.Name == "acc");
    }

    [Fact]
    public void HelperOutsideLoops_StaysACall()
        => Assert.True(Calls(Analyze("OutsideLoop").Ir!, "Dot"));

    [Fact]
    public void HelperWithAnEarlyReturn_StaysACall()
        => Assert.True(Calls(Analyze("EarlyInLoop").Ir!, "Early"));

    [Fact]
    public void HelperWithForeachOverItsSpan_IsInlined()
        => Assert.False(Calls(Analyze("ForEachInLoop").Ir!, "ForEachSum"));

    [Fact]
    public void HelperReadingATableTheCallerDoesNotBind_StaysACall_AndTheAttemptLeavesNoVariables()
    {
        // The static table is an input of the helper's own generated code, not of the caller's: inlining is undone.
        var result = Analyze("TableInLoop");
        Assert.Empty(result.Problems);
        Assert.True(Calls(result.Ir!, "Weighted"));
        Assert.DoesNotContain(result.Ir!.Variables, v => v.Name.StartsWith("total", StringComparison.Ordinal) || v.Name.StartsWith("Weighted", StringComparison.Ordinal));
    }

    [Fact]
    public void NoDerivativeParameterGivenData_IsInlined()
        => Assert.False(Calls(Analyze("DataToCut").Ir!, "Scaled"));

    [Fact]
    public void WarningsInsideAnInlinedHelper_AreLeftToTheHelpersOwnAnalysis()
    {
        var caller = Analyze("FlooredInLoop");
        Assert.False(Calls(caller.Ir!, "Floored"));
        var helperWarnings = Analyze("Floored").Warnings;
        Assert.NotEmpty(helperWarnings); // the cast to int cuts x's derivative: the helper's own warning
        Assert.DoesNotContain(caller.Warnings, w => helperWarnings.Any(h => h.Location == w.Location));
    }
}
