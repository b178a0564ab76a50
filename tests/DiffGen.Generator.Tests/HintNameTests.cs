using System.IO;
using System.Linq;
using DiffGen.Generator.Tests.Support;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>Generated file names stay short enough to be written to disk and distinct across overloads.</summary>
public class HintNameTests
{
    private const string Source = """
        using System;
        using DiffGen;

        namespace Sample.Space
        {
            public static partial class Layers
            {
                [Differentiable]
                public static float ManyLongParameters(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                                                       ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> w4, ReadOnlySpan<float> b4,
                                                       [NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
                    => w1[0] * b1[0] + w2[0] * b2[0] + w3[0] * b3[0] + w4[0] * b4[0] + x[0] * labels[0] * batch;

                [Differentiable]
                public static double Overload(double x) => x * x;

                [Differentiable]
                public static double Overload(double x, double y) => x * y;
            }
        }
        """;

    [Fact]
    public void LongSignature_GetsAShortFileName_AndOverloadsGetDistinctNames()
    {
        var (output, run, _) = GeneratorHarness.Generate(Source);

        Assert.Empty(GeneratorHarness.Problems(output));
        var names = run.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToList();
        Assert.Equal(3, names.Count);
        Assert.All(names, name => Assert.True(name.Length <= 100, name));
        Assert.Equal(2, names.Count(n => n.StartsWith("Sample.Space.Layers.Overload_")));
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
