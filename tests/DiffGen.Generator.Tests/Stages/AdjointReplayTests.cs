using System;
using DiffGen.Generator.Stages;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// Whether the adjoint sweep replays the top level in reverse order or dispatches on recorded segment ids
/// (generator/Stages/AdjointReplay.cs), decided on the lowered IR. Gradients of both kinds of method are
/// checked throughout tests/DiffGen.Gradients.Tests.
/// </summary>
public class AdjointReplayTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample
        {
            public static partial class Replay
            {
                [Differentiable]
                public static double CountedAndFused(double[] x, int n)
                {
                    double[] h = new double[n];
                    for (int i = 0; i < n; i++) h[i] = Math.Sin(x[i]);
                    double s = 0;
                    for (int i = 0; i < n; i++) s += h[i] * h[i];
                    double t = Math.Exp(s);
                    return t * x[0];
                }

                [Differentiable]
                public static double TopLevelBranch(double x)
                {
                    double y = x * x;
                    for (int i = 0; i < 3; i++) y = Math.Sin(y);
                    if (x > 0) y = y * x;
                    return y;
                }

                [Differentiable]
                public static double LoopWithBreak(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        if (s > 10) break;
                        s = s * 0.5 + x[i] * x[i];
                    }
                    return s;
                }

                [Differentiable]
                public static double EarlyReturn(double[] x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) s = Math.Sin(s + x[i]);
                    if (s > 0.5) return s;
                    return s * s;
                }
            }
        }
        """;

    private static readonly Lazy<Compilation> Compiled = new(() => GeneratorHarness.Compilation(Source));

    private static bool Sequential(string method) => AdjointReplay.IsSequential(GeneratorHarness.FrontEnd(Compiled.Value, method).Ir!);

    [Fact]
    public void Source_Generates_CompilesWithoutWarningsOrErrors()
        => Assert.Empty(GeneratorHarness.Problems(GeneratorHarness.Generate(Source).Output));

    [Fact]
    public void CountedLoopsFusedSumAndFinalReturn_AreReplayedInReverseOrder() => Assert.True(Sequential("CountedAndFused"));

    [Fact]
    public void TopLevelBranch_IsDispatchedOnRecordedIds() => Assert.False(Sequential("TopLevelBranch"));

    [Fact]
    public void LoopWithBreak_IsDispatchedOnRecordedIds() => Assert.False(Sequential("LoopWithBreak"));

    [Fact]
    public void EarlyReturn_IsDispatchedOnRecordedIds() => Assert.False(Sequential("EarlyReturn"));
}
