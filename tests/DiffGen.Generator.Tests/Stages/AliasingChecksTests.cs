using System;
using System.Linq;
using System.Text.RegularExpressions;
using DiffGen.Generator.Tests.Support;
using Xunit;

namespace DiffGen.Generator.Tests.Stages;

/// <summary>
/// The overlap checks at the top of generated methods (generator/Stages/AliasingChecks.cs), one definition for both
/// modes: which pairs of span arguments each generated member checks, each pair once, named by the written span,
/// only between spans of one element type. The thrown exceptions are exercised in
/// tests/DiffGen.Gradients.Tests/Arrays/AliasingTests.cs and TangentAliasingTests.cs.
/// </summary>
public class AliasingChecksTests
{
    private const string Source = """
        using System;
        using DiffGen;

        public static partial class C
        {
            [Differentiable]
            public static void Two(ReadOnlySpan<double> x, double b, [NoDerivative] ReadOnlySpan<float> f, Span<double> y, Span<double> z)
            {
                for (int i = 0; i < y.Length; i++) y[i] = x[i] * b + (double)f[i];
                // A kink, so that {M}Directional is a method of its own rather than a call of {M}Tangent.
                for (int i = 0; i < z.Length; i++) z[i] = Math.Abs(Math.Sin(x[i]));
            }
        }
        """;

    private static (string Written, string Other)[] Checks(string member)
    {
        var (_, run, _) = GeneratorHarness.Generate(Source);
        string text = run.GeneratedTrees.Single(t => t.FilePath.Contains("C.Two")).ToString();
        int start = text.IndexOf(member, StringComparison.Ordinal);
        Assert.True(start >= 0, member);
        int end = text.IndexOf("/// <summary>", start, StringComparison.Ordinal);
        string body = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        return Regex.Matches(body, @"ArgumentException\(""(\w+) must not share memory with (\w+)\.""")
                    .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToArray();
    }

    [Theory]
    [InlineData("TwoTangent(")]
    [InlineData("TwoDirectional(")]
    public void ForwardMode_ChecksEveryWrittenSpanAgainstEveryOtherSpanOfItsType_OncePerPair(string member)
    {
        var checks = Checks(member);
        var expected = new[]
        {
            ("ty", "x"), ("ty", "y"), ("ty", "z"), ("ty", "tx"), ("ty", "tz"),
            ("tz", "x"), ("tz", "y"), ("tz", "z"), ("tz", "tx"),
            ("y", "x"), ("y", "z"), ("y", "tx"),
            ("z", "x"), ("z", "tx"),
        };
        Assert.Equal(expected, checks);
    }

    [Fact]
    public void ReverseMode_ChecksShadowsAgainstSpanParametersAndOutputsAgainstEachOther()
    {
        // Shadows may share memory with each other (contributions add); the float data span meets no double span.
        Assert.Equal(new[] { ("dx", "x"), ("dx", "y"), ("dx", "z"), ("y", "x"), ("y", "z"), ("z", "x") }, Checks("TwoPullback("));
    }
}
