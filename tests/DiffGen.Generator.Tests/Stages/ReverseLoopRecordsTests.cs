using System;
using System.Linq;
using DiffGen.Generator.Tests.Support;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// What reverse mode records for counted loops (generator/Stages/ReverseEmitter.cs): bounds the adjoint
/// can recompute are not recorded, a scratch array settled for the rest of an iteration is saved once
/// per iteration instead of per read, a[i] = a[i] + e keeps the slot's adjoint, and an adjoint update at
/// an index the innermost loop does not change adds into a local. Gradients: DiffGen.Gradients.Tests.
/// </summary>
public class ReverseLoopRecordsTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Loops
            {
                [Differentiable]
                public static double Triangle(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int d)
                {
                    double[] h = new double[d];
                    double[] t = new double[d];
                    double s = 0;
                    // Not a plain sum (s is scaled), so the loop is reversed by the adjoint sweep.
                    for (int k = 0; k < 3; k++)
                    {
                        for (int j = 0; j < d; j++) h[j] = x[j] * w[k * d + j];
                        for (int j = 0; j < d; j++) t[j] = h[j];
                        for (int c = 0; c < d; c++)
                        {
                            for (int r = c + 1; r < d; r++) t[r] = t[r] + w[r] * h[c];
                        }
                        for (int j = 0; j < d; j++) s = 0.9 * s + Math.Sin(t[j]);
                    }
                    return s;
                }
            }
        }
        """;

    private static readonly Lazy<(Microsoft.CodeAnalysis.Compilation Output, string Gradient)> Generated = new(() =>
    {
        var (output, run, _) = GeneratorHarness.Generate(Source);
        string text = run.GeneratedTrees.Single(t => t.FilePath.Contains("Loops.Triangle")).ToString();
        // The reverse body, which TriangleGradient runs.
        int start = text.IndexOf("static double TrianglePullbackUnchecked(", StringComparison.Ordinal);
        return (output, text.Substring(start, text.IndexOf("/// <summary>", start, StringComparison.Ordinal) - start));
    });

    [Fact]
    public void Source_Generates_CompilesWithoutWarningsOrErrors()
        => Assert.Empty(GeneratorHarness.Problems(Generated.Value.Output));

    [Fact]
    public void InnerLoopBounds_FromCounterAndParameter_AreRecomputedNotRecorded()
    {
        string gradient = Generated.Value.Gradient;
        Assert.Contains("= c + 1;", gradient.Substring(gradient.IndexOf("// Adjoint sweep.", StringComparison.Ordinal)));
        Assert.Contains("global::System.Math.Max(", gradient);
    }

    [Fact]
    public void ScratchArray_ReadAfterItsLastWrite_IsSavedOncePerIteration()
    {
        string gradient = Generated.Value.Gradient;
        Assert.Contains("tape.PushAll(h);", gradient);
        Assert.Contains("h[", gradient.Substring(gradient.IndexOf("// Adjoint sweep.", StringComparison.Ordinal)));
        Assert.Contains("tape.PopAll(h);", gradient);
    }

    [Fact]
    public void InnermostLoop_ShadowIndexFixedByOuterCounter_AddsIntoLocal()
        => Assert.Contains("h_bar[(c)] += ", Generated.Value.Gradient);

    [Fact]
    public void ElementUpdatedInPlace_KeepsSlotAdjoint()
    {
        string adjoint = Generated.Value.Gradient.Substring(Generated.Value.Gradient.IndexOf("for (r = ", StringComparison.Ordinal));
        adjoint = adjoint.Substring(0, adjoint.IndexOf('}'));
        Assert.Contains(adjoint.Split('\n'), l => l.Contains("= t_bar["));
        Assert.DoesNotContain(adjoint.Split('\n'), l => l.Contains("t_bar[") && l.Contains("= 0.0;"));
    }
}
