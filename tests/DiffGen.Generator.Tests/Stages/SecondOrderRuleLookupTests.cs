using System;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Stages;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Second-order rules found beside the first-order ones (generator/FrontEnd/RuleLookup.cs): a rule call carries
/// the dual overloads' names when both exist, which unblocks H·v (<see cref="HessianSupport.Blocker"/>), and the
/// passive arrays passed to rule calls are the dual body's lifted parameters.
/// </summary>
public class SecondOrderRuleLookupTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static class Rules
            {
                public static double Cube(double x) => x * x * x;

                [DerivativeOf(nameof(Cube))]
                public static void CubePullback(double x, double seed, ref double dx) => dx += 3 * x * x * seed;

                public static double Square(double x) => x * x;

                [DerivativeOf(nameof(Square))]
                public static void SquarePullback(double x, double seed, ref double dx) => dx += 2 * x * seed;

                public static Dual Square(Dual x) => x * x;

                [DerivativeOf(nameof(Square))]
                public static void SquarePullback(Dual x, Dual seed, ref Dual dx) => dx += 2 * x * seed;
            }

            public static partial class Models
            {
                [Differentiable]
                public static double Layer(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> unused)
                {
                    double[] z = new double[2];
                    SpanOps.MatMul<double>(x, w, 2, 3, 1, false, false, z);
                    return SpanOps.Dot<double>(z, z) + unused.Length;
                }

                [Differentiable]
                public static double Lse(ReadOnlySpan<double> w) => SpanOps.LogSumExp<double>(w);

                [Differentiable]
                public static double UsesSquare(double x) => Rules.Square(x);

                [Differentiable]
                public static double UsesCube(double x) => Rules.Cube(x);
            }
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => GeneratorHarness.Compilation(Source));

    private static MethodIr Ir(string method) => GeneratorHarness.FrontEnd(Compiled.Value, method).Ir!;

    private static RuleInfo[] Rules(MethodIr ir)
        => IrTree.AllStatements(ir.Body).OfType<RuleCallStmt>().Select(c => c.Rule)
            .Concat(IrTree.AllExpressions(ir.Body).SelectMany(IrTree.SelfAndDescendants).OfType<RuleCallExpr>().Select(r => r.Rule)).Distinct().ToArray();

    [Fact]
    public void SpanPrimitivesWithDualOverloads_CarryTheirNames_AndDoNotBlock()
    {
        var ir = Ir("Layer");
        var rules = Rules(ir);
        Assert.Equal(2, rules.Length);
        Assert.All(rules, r => Assert.True(r.HasSecondOrderRule));
        Assert.Contains(rules, r => r.DualTarget == "global::DiffGen.SpanOps.MatMul" && r.DualPullback == "global::DiffGen.SpanOps.MatMulPullback");
        Assert.Null(HessianSupport.Blocker(ir));
        Assert.Equal(new[] { "x" }, HessianSupport.LiftedParameters(ir));
    }

    [Fact]
    public void SpanPrimitiveWithoutDualOverloads_Blocks()
    {
        var ir = Ir("Lse");
        Assert.False(Rules(ir).Single().HasSecondOrderRule);
        Assert.Contains("LogSumExp", HessianSupport.Blocker(ir)!.Value.Reason);
    }

    [Fact]
    public void UserRules_WithAndWithoutDualOverloads()
    {
        Assert.True(Rules(Ir("UsesSquare")).Single().HasSecondOrderRule);
        Assert.Null(HessianSupport.Blocker(Ir("UsesSquare")));
        Assert.False(Rules(Ir("UsesCube")).Single().HasSecondOrderRule);
        Assert.NotNull(HessianSupport.Blocker(Ir("UsesCube")));
    }

    [Fact]
    public void GeneratedHessianVector_ThroughSecondOrderRules_Compiles()
        => Assert.Empty(GeneratorHarness.Problems(GeneratorHarness.Generate(Source).Output));
}
