using System;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Stages;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Which inner loops reverse mode may run from a method of their own (generator/Stages/LoopOutlining.cs),
/// asserted on the plan built from the lowered IR: straight bodies of plain expressions with a trip count
/// the test gives; not loops with branches, calls of [Differentiable] methods or tests it cannot count.
/// The gradients of such loops are checked in tests/DiffGen.Gradients.Tests/Arrays (OutlinedLoopFunctions).
/// </summary>
public class LoopOutliningTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Loops
            {
                [Differentiable]
                public static double Triangle(double[] l, double[] x, int d)
                {
                    double total = 0;
                    for (int row = 0; row < d; row++)
                    {
                        double value = x[row];
                        int offset = row - 1;
                        for (int column = 0; column < row; column++)
                        {
                            value += l[offset] * Math.Exp(x[column]);
                            offset += d - column - 2;
                        }
                        total += value * value;
                    }
                    return total;
                }

                [Differentiable]
                public static double CountingDown(double[] x, int n)
                {
                    double total = 0;
                    for (int k = 0; k < n; k++)
                        for (int j = n - 1; j >= k; j--) total += x[j] * x[k];
                    return total;
                }

                [Differentiable]
                public static double Branching(double[] x, int n)
                {
                    double total = 0;
                    for (int k = 0; k < n; k++)
                        for (int j = 0; j < n; j++) { if (x[j] > 0) total += x[j] * x[k]; }
                    return total;
                }

                [Differentiable]
                public static double Early(double x)
                {
                    if (x > 1) return x;
                    return x * x;
                }

                [Differentiable]
                public static double Calling(double[] x, int n)
                {
                    double total = 0;
                    for (int k = 0; k < n; k++)
                        for (int j = 0; j < n; j++) total += Early(x[j]) * x[k];
                    return total;
                }

                [Differentiable]
                public static double Uncounted(double[] x, int n)
                {
                    double total = 0;
                    for (int k = 0; k < n; k++)
                        for (int j = 0; j != n; j++) total += x[j] * x[k];
                    return total;
                }
            }
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => GeneratorHarness.Compilation(Source));

    private static MethodIr Lower(string method) => GeneratorHarness.FrontEnd(Compiled.Value, method).Ir!;

    /// <summary>The plan for the method's innermost loop (the one nested in its outer loop).</summary>
    private static (LoopOutlining.Plan? Plan, MethodIr Ir) InnerPlan(string method)
    {
        var ir = Lower(method);
        var inner = IrTree.AllStatements(ir.Body).OfType<LoopStmt>().Single(l => !l.Body.Any(s => s is LoopStmt) && IrTree.AllStatements(ir.Body).OfType<LoopStmt>().Any(o => o.Body.Contains(l)));
        return (LoopOutlining.For(inner, ir.Variables, v => ir.Variables[v].Name), ir);
    }

    private static string[] Names(MethodIr ir, System.Collections.Generic.IEnumerable<int> variables) => variables.Select(v => ir.Variables[v].Name).ToArray();

    [Fact]
    public void Source_Generates_CompilesWithoutWarningsOrErrors()
        => Assert.Empty(GeneratorHarness.Problems(GeneratorHarness.Generate(Source).Output));

    [Fact]
    public void TriangleLoop_IsOutlined_TakingWhatItReads_ReturningWhatItAssigns()
    {
        var (plan, ir) = InnerPlan("Triangle");
        Assert.NotNull(plan);
        Assert.Equal(new[] { "value", "offset", "column" }.OrderBy(n => n), Names(ir, plan!.Results).OrderBy(n => n));
        Assert.Equal(new[] { "l", "x", "d", "row", "value", "offset", "column" }.OrderBy(n => n), Names(ir, plan.Parameters).OrderBy(n => n));
        Assert.Equal("row - column", plan.TripCount);
    }

    [Fact]
    public void LoopCountingDownToAnInclusiveBound_CountsItsTrips()
    {
        var (plan, _) = InnerPlan("CountingDown");
        Assert.NotNull(plan);
        Assert.Equal("j - k + 1", plan!.TripCount);
    }

    [Fact]
    public void LoopWithABranch_StaysInline() => Assert.Null(InnerPlan("Branching").Plan);

    [Fact]
    public void LoopCallingADifferentiableMethod_StaysInline() => Assert.Null(InnerPlan("Calling").Plan);

    [Fact]
    public void LoopWhoseTestGivesNoTripCount_StaysInline() => Assert.Null(InnerPlan("Uncounted").Plan);
}
