using System;
using System.Linq;
using DiffGen.Analyzers;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>
/// Array locals rented from <c>ArrayPool&lt;T&gt;.Shared</c>, through the generator driver: the supported forms
/// generate code that compiles cleanly and returns the array where the user does (forward mode) or after the
/// adjoint sweep (reverse mode); every misuse is DG0015 at the offending code, with no output for that method,
/// no exception, and the neighbouring method still generated.
/// </summary>
public class PooledArrayTests
{
    private const string Neighbour = """
        public static partial class Neighbour
        {
            [DiffGen.Differentiable]
            public static double Fine(double x) => x * x;
        }
        """;

    private static string Wrap(string body, string parameters = "double[] x")
        => "using System;\nusing System.Buffers;\nusing DiffGen;\npublic static partial class C\n{\n    static double Keep(double[] a) => a[0];\n    [Differentiable]\n    public static double Bad(" + parameters + ")\n    {\n" + body + "\n    }\n}\n";

    public static TheoryData<string, string> Misuses => new()
    {
        // body of Bad(double[] x), the text DG0015 must point at
        {
            "double s = 0; for (int k = 0; k < 2; k++) { double[] t = ArrayPool<double>.Shared.Rent(3); t[0] = x[0]; s += t[0]; ArrayPool<double>.Shared.Return(t); } return s;",
            "t = ArrayPool<double>.Shared.Rent(3)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; double s = b[0] * 2; if (s > 0) ArrayPool<double>.Shared.Return(b); return s;",
            "ArrayPool<double>.Shared.Return(b)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; ArrayPool<double>.Shared.Return(b); return b[0];",
            "b"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; double s = b[0]; ArrayPool<double>.Shared.Return(b); ArrayPool<double>.Shared.Return(b); return s;",
            "b"
        },
        {
            "double s = x[0] * x[0]; ArrayPool<double>.Shared.Return(x); return s;",
            "ArrayPool<double>.Shared.Return(x)"
        },
        {
            "double[] b = new double[2]; b[0] = x[0]; double s = b[0]; ArrayPool<double>.Shared.Return(b); return s;",
            "ArrayPool<double>.Shared.Return(b)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; double s = b[0] + Keep(b); ArrayPool<double>.Shared.Return(b); return s;",
            "Keep(b)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); double[] c = b; c[0] = x[0]; return c[0];",
            "b"
        },
        {
            "Span<double> b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; return b[0];",
            "b = ArrayPool<double>.Shared.Rent(2)"
        },
        {
            "double[] b = ArrayPool<double>.Create().Rent(2); b[0] = x[0]; return b[0];",
            "ArrayPool<double>.Create().Rent(2)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; double s = b[0]; bool clear = s > 0; ArrayPool<double>.Shared.Return(b, clear); return s;",
            "clear"
        },
        {
            "double[] b = new double[2]; b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; return b[0];",
            "ArrayPool<double>.Shared.Rent(2)"
        },
        {
            "double s = Keep(ArrayPool<double>.Shared.Rent(2)) * x[0]; return s;",
            "ArrayPool<double>.Shared.Rent(2)"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); try { b[0] = x[0]; if (b[0] > 0) return b[0]; return -b[0]; } finally { ArrayPool<double>.Shared.Return(b); }",
            "return b[0];"
        },
        {
            "double[] b = ArrayPool<double>.Shared.Rent(2); try { b[0] = x[0]; return b[0]; } catch (Exception) { return 0; } finally { ArrayPool<double>.Shared.Return(b); }",
            "try { b[0] = x[0]; return b[0]; } catch (Exception) { return 0; } finally { ArrayPool<double>.Shared.Return(b); }"
        },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_Analyzer_ReportsDG0015AtTheOffendingCode(string body, string at)
    {
        string source = Wrap(body);
        Assert.Empty(GeneratorHarness.Compilation(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = GeneratorHarness.Analyze(source, Neighbour);

        var diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("DG0", StringComparison.Ordinal));
        Assert.Equal(DiagnosticDescriptors.PooledArrayMisuseId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(at, diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.EndsWith("DG0015.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Contains(";", diagnostic.GetMessage()); // says what to do after what is wrong
    }

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_Generator_SkipsOnlyThatMethod_AndNeverThrows(string body, string at)
    {
        _ = at;
        var (output, run, generatorDiagnostics) = GeneratorHarness.Generate(Wrap(body), Neighbour);

        Assert.Empty(generatorDiagnostics);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains(".Bad"));
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("Neighbour.Fine"));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    public static TheoryData<string> Supported => new()
    {
        "double[] b = ArrayPool<double>.Shared.Rent(x.Length); for (int i = 0; i < x.Length; i++) b[i] = x[i] * x[i]; double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Sin(b[i]); ArrayPool<double>.Shared.Return(b); return s;",
        "double[] b = ArrayPool<double>.Shared.Rent(x.Length); try { for (int i = 0; i < x.Length; i++) b[i] = x[i] * x[i]; return b[0] * b[x.Length - 1]; } finally { ArrayPool<double>.Shared.Return(b); }",
        "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; b[1] = b[0] * x[1]; double s = b[1]; ArrayPool<double>.Shared.Return(b, clearArray: true); return s * s;",
        "double[] b = ArrayPool<double>.Shared.Rent(2); b[0] = x[0]; b[1] = b[0] * x[1]; return b[1];",
        "double[] data = ArrayPool<double>.Shared.Rent(2); data[0] = 1.5; data[1] = 2.5; double s = x[0] * data[1] + data[0]; ArrayPool<double>.Shared.Return(data); return s;",
        "float[] b = ArrayPool<float>.Shared.Rent(x.Length); try { for (int i = 0; i < x.Length; i++) b[i] = (float)x[i]; float s = 0f; for (int i = 0; i < x.Length; i++) s += b[i] * b[i]; return (double)s; } finally { ArrayPool<float>.Shared.Return(b); }",
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void SupportedForm_GeneratesCleanCode_AndNoDiagnostic(string body)
    {
        string source = Wrap(body);
        Assert.DoesNotContain(GeneratorHarness.Analyze(source), d => d.Severity >= DiagnosticSeverity.Warning);
        var (output, run, generatorDiagnostics) = GeneratorHarness.Generate(source);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("C.Bad"));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void ReverseMode_ReturnsTheArrayAfterTheAdjointSweep_ForwardModeWhereTheUserDoes()
    {
        string source = Wrap("double[] b = ArrayPool<double>.Shared.Rent(x.Length); for (int i = 0; i < x.Length; i++) b[i] = x[i] * x[i]; double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Sin(b[i]); ArrayPool<double>.Shared.Return(b); return s * s;");
        var (_, run, _) = GeneratorHarness.Generate(source);
        string text = run.GeneratedTrees.Single(t => t.FilePath.Contains("C.Bad")).ToString();
        const string Return = "global::System.Buffers.ArrayPool<double>.Shared.Return(";

        // The one reverse body, which BadGradient and BadPullback run after checking their arguments.
        foreach (string name in new[] { "static double BadPullbackUnchecked(" })
        {
            string method = Member(text, name);
            int sweep = method.IndexOf("// Adjoint sweep.", StringComparison.Ordinal);
            Assert.True(sweep > 0, name);
            Assert.Equal(1, Count(method, Return));
            Assert.True(method.IndexOf(Return, StringComparison.Ordinal) > sweep, name + ": Return before the adjoint sweep");
            Assert.Contains("is not null) " + Return, method);
        }

        string tangent = Member(text, "BadTangent(");
        Assert.Equal(1, Count(tangent, Return));
        Assert.True(tangent.IndexOf(Return, StringComparison.Ordinal) < tangent.IndexOf("return (", StringComparison.Ordinal));
    }

    /// <summary>The text of the generated member whose signature contains <paramref name="name"/>, up to the next member.</summary>
    private static string Member(string text, string name)
    {
        int start = text.IndexOf(name, StringComparison.Ordinal);
        Assert.True(start >= 0, name);
        int end = text.IndexOf("/// <summary>", start, StringComparison.Ordinal);
        return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
