using System;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Stages;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Which loops reverse mode reverses one iteration at a time (generator/Stages/FusedReduction.cs): a
/// top-level sum over items whose other state is rewritten before use in each iteration; not when a
/// value or an array element survives an iteration or the loop. The gradients themselves are checked
/// in tests/DiffGen.Gradients.Tests/Loops/ReductionLoopTests.cs.
/// </summary>
public class FusedReductionTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Sums
            {
                [Differentiable]
                public static double Scratch(ReadOnlySpan<double> w, double b, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double[] h = new double[d];
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < d; j++) h[j] = Math.Tanh(w[j] * x[i * d + j] + b);
                        double norm = 0;
                        for (int j = 0; j < d; j++) norm += h[j] * h[j];
                        s += b * Math.Log(1 + norm);
                    }
                    return s;
                }

                [Differentiable]
                public static double PerComponent(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int k, int n)
                {
                    double[] term = new double[k];
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int c = 0; c < k; c++)
                        {
                            double t = 0;
                            for (int j = 0; j < d; j++) t += w[c * d + j] * x[i * d + j];
                            term[c] = t * t;
                        }
                        double largest = term[0];
                        for (int c = 1; c < k; c++) if (term[c] > largest) largest = term[c];
                        s += largest;
                    }
                    return s;
                }

                [Differentiable]
                public static double Carried(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 0, carry = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        carry = 0.5 * carry + t;
                        s += carry;
                    }
                    return s;
                }

                [Differentiable]
                public static double PartlyRewritten(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double[] h = new double[d];
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        h[i % d] = w[i % d] * x[i * d];
                        for (int j = 0; j < d; j++) s += h[j] * w[j];
                    }
                    return s;
                }

                [Differentiable]
                public static double CoverTooShort(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double[] h = new double[d];
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < d - 1; j++) h[j] = w[j] * x[i * d + j];
                        for (int j = 0; j < d; j++) s += h[j] * h[j];
                    }
                    return s;
                }

                [Differentiable]
                public static double ReadAfter(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double[] h = new double[d];
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < d; j++) h[j] = w[j] * x[i * d + j];
                        for (int j = 0; j < d; j++) s += h[j];
                    }
                    return s + h[0];
                }

                [Differentiable]
                public static double SumReadInBody(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 1;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        s = s + s * t;
                    }
                    return s;
                }

                [Differentiable]
                public static double TwoSums(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 0, q = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        s += t;
                        q += t * t;
                    }
                    return q - s * s;
                }

                [Differentiable]
                public static double NoInnerLoop(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += Math.Sin(w[i % w.Length] * x[i]);
                    return s;
                }

                [Differentiable]
                public static double EarlyExit(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        if (t > 10) break;
                        s += t * t;
                    }
                    return s;
                }

                [Differentiable]
                public static double ScaledMean(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        s += t * t;
                    }
                    double penalty = 0;
                    for (int j = 0; j < d; j++) penalty += w[j] * w[j];
                    return 0.5 * penalty - s / n;
                }

                [Differentiable]
                public static double LogOfSum(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, int d, int n)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        double t = 0;
                        for (int j = 0; j < d; j++) t += w[j] * x[i * d + j];
                        s += t * t;
                    }
                    return Math.Log(s);
                }
            }
        }
        """;

    private static readonly Lazy<(Microsoft.CodeAnalysis.Compilation Output, Microsoft.CodeAnalysis.GeneratorDriverRunResult Run)> Generated = new(() =>
    {
        var (output, run, _) = GeneratorHarness.Generate(Source);
        return (output, run);
    });

    /// <summary>The text of the reverse body <c>{method}PullbackUnchecked</c>, which <c>{method}Gradient</c> runs.</summary>
    private static string Gradient(string method)
    {
        string text = Generated.Value.Run.GeneratedTrees.Single(t => t.FilePath.Contains("Sums." + method + "_")).ToString();
        int start = text.IndexOf("static double " + method + "PullbackUnchecked(", StringComparison.Ordinal);
        int end = text.IndexOf("/// <summary>", start, StringComparison.Ordinal);
        return text.Substring(start, end - start);
    }

    [Fact]
    public void Source_Generates_CompilesWithoutWarningsOrErrors()
        => Assert.Empty(GeneratorHarness.Problems(Generated.Value.Output));

    [Theory]
    [InlineData("Scratch")]       // scratch array covered by a counted loop, scalar locals, scalar and array inputs
    [InlineData("PerComponent")]  // per-item output array covered by the component loop, then a branchy max
    public void SumOverItems_WithIterationLocalState_IsReversedPerIteration(string method)
    {
        var plan = Plan(method);
        Assert.NotNull(plan);
        Assert.Contains(plan!.Invariants, v => v == 0); // w, read by every iteration
        Assert.Contains("s_seed = ", Gradient(method));
    }

    [Theory]
    [InlineData("Scratch")]
    [InlineData("PerComponent")]
    public void SumReturned_HasItsAdjointKnownBeforeTheLoop_AndNeedsNoSideBuffers(string method)
    {
        Assert.Empty(Plan(method)!.KnownAdjoint!);
        Assert.DoesNotContain("_sumPool", Gradient(method));
    }

    [Fact]
    public void SumScaledInTheReturn_IsSeededWithTheScale()
    {
        // return 0.5 * penalty - s / n: the sum's adjoint is -seed / n, known as the loop starts.
        var scales = Plan("ScaledMean")!.KnownAdjoint!;
        Assert.Equal(new[] { BinaryOp.Subtract, BinaryOp.Divide }, scales.Select(s => s.Op));
        Assert.Null(scales[0].Factor);
        Assert.IsType<ConvertExpr>(scales[1].Factor);
    }

    [Fact]
    public void SumUsedNonlinearly_WaitsForItsAdjoint_InSideBuffers()
    {
        Assert.Null(Plan("LogOfSum")!.KnownAdjoint);
        Assert.Contains("s_seed = 1.0;", Gradient("LogOfSum"));
        Assert.Contains("ArrayPool<double>.Shared.Return(w_sumPool);", Gradient("LogOfSum"));
    }

    /// <summary>The fusion plan of the method's first top-level loop, on its lowered IR.</summary>
    private static FusedReduction.Plan? Plan(string method)
    {
        var ir = GeneratorHarness.FrontEnd(GeneratorHarness.Compilation(Source), method).Ir!;
        int index = Enumerable.Range(0, ir.Body.Count).First(i => ir.Body[i] is LoopStmt);
        return FusedReduction.Analyze((LoopStmt)ir.Body[index], ir.Body, index, ir.Variables, Activity.WrittenVariables(ir.Variables, ir.Body));
    }

    [Theory]
    [InlineData("Carried")]          // a scalar survives the iteration
    [InlineData("PartlyRewritten")]  // array elements survive the iteration
    [InlineData("CoverTooShort")]    // the covering loop stops before the array's length
    [InlineData("ReadAfter")]        // the scratch array is read after the loop
    [InlineData("SumReadInBody")]    // not a plain sum
    [InlineData("TwoSums")]          // two sums
    [InlineData("NoInnerLoop")]      // too little work per iteration to pay for the side buffers
    [InlineData("EarlyExit")]        // break out of the summing loop
    public void Loop_NotAPlainSumOfIterationLocalWork_IsNotFused(string method)
        => Assert.DoesNotContain("_seed = ", Gradient(method));
}
