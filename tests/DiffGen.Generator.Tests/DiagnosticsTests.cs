using System.Linq;
using DiffGen.Analyzers;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>
/// Unsupported input: the analyzer reports a DG error at the offending code, the generator emits
/// nothing for that method and never throws, and the rest of the compilation is unaffected.
/// </summary>
public class DiagnosticsTests
{
    // A valid method beside every bad one: it must still be generated and compile.
    private const string Neighbour = """
        public static partial class Neighbour
        {
            [DiffGen.Differentiable]
            public static double Fine(double x) => x * x;
        }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // id, source of a class holding method Bad, the text the diagnostic must point at
        { DiagnosticDescriptors.UnsupportedStatementId, "public static partial class C { [Differentiable] public static double Bad(double x, int n) { switch (n) { case 1: if (x > 0) break; x = x * 2; break; } return x; } }", "if (x > 0) break;" },
        { DiagnosticDescriptors.UnsupportedStatementId, "public static partial class C { [Differentiable] public static double Bad(double x) { try { x = x * 2; } finally { } return x; } }", "try" },
        { DiagnosticDescriptors.UnsupportedStatementId, "public static partial class C { [Differentiable] public static double Bad(double[] w) { Array.Reverse(w); return w[0]; } }", "Array.Reverse(w)" },
        { DiagnosticDescriptors.UnsupportedExpressionId, "public static partial class C { [Differentiable] public static double Bad(double x) => x switch { > 0 => x, <= 0 => -x, double.NaN => 0 }; }", "x switch { > 0 => x, <= 0 => -x, double.NaN => 0 }" },
        { DiagnosticDescriptors.UnsupportedExpressionId, "public static partial class C { [Differentiable] public static double Bad(double x) { double y = x; return (y = x * 2) + 1; } }", "y = x * 2" },
        { DiagnosticDescriptors.UnsupportedExpressionId, "public static partial class C { [Differentiable] public static double Bad(double[] w) => DiffGen.SpanOps.Sum<double>(w.AsSpan(1..3)); }", "w.AsSpan(1..3)" },
        { DiagnosticDescriptors.NonDifferentiableCallId, "public static partial class C { static double Plain(double v) => v; [Differentiable] public static double Bad(double x) => Plain(x) * 2; }", "Plain(x)" },
        { DiagnosticDescriptors.MethodNotStaticId, "public ref partial struct C { [Differentiable] public double Bad(double x) => x; }", "Bad" },
        { DiagnosticDescriptors.TypeNotPartialId, "public static class C { [Differentiable] public static double Bad(double x) => x; }", "Bad" },
        { DiagnosticDescriptors.TypeNotPartialId, "public class Outer { public static partial class C { [Differentiable] public static double Bad(double x) => x; } }", "Bad" },
        { DiagnosticDescriptors.ByReferenceParameterId, "public static partial class C { [Differentiable] public static double Bad(double x, ref double y) => x * y; }", "y" },
        { DiagnosticDescriptors.ByReferenceParameterId, "public static partial class C { [Differentiable] public static double Bad(in double x) => x; }", "x" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static double Bad(decimal x) => (double)x; }", "x" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static int Bad(double x) => (int)x; }", "Bad" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static double Bad(double x) { string s = \"a\"; return x; } }", "s = \"a\"" },
        { DiagnosticDescriptors.ImplicitPrecisionMixId, "public static partial class C { [Differentiable] public static double Bad(float x) => x * 2.0; }", "x" },
        { DiagnosticDescriptors.GenericMethodId, "public static partial class C { [Differentiable] public static double Bad<T>(double x) => x; }", "Bad" },
        { DiagnosticDescriptors.InvalidCheckPointId, "public static partial class C { [Differentiable, CheckGradientAt(1.0)] public static double Bad(double x, double y) => x * y; }", "CheckGradientAt(1.0)" },
        { DiagnosticDescriptors.InvalidCheckPointId, "public static partial class C { [Differentiable, CheckGradientAt(1.0, 2.5)] public static double Bad(double x, int n) => x * n; }", "CheckGradientAt(1.0, 2.5)" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public static partial class C { static double field; [Differentiable] public static double Bad(double x) { field = x; return x; } }", "field" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public static partial class C { [Differentiable] public static double Bad(double[] w) { w[0] = 1.0; return w[0]; } }", "w[0] = 1.0" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public partial class C { double k; [Differentiable] public double Bad(double x) { k = x; return x; } }", "k" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public partial class C { double[] w = new double[2]; [Differentiable] public double Bad(double x) { w[0] = x; return w[1]; } }", "w[0] = x" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public partial struct C { public double Mass { get; set; } [Differentiable] public double Bad(double x) { this.Mass += x; return x; } }", "this.Mass" },
        { DiagnosticDescriptors.UnsupportedWriteId, "public static partial class C { [Differentiable] public static double Bad(double x) { double[] a = new double[2]; a = new double[3]; return x; } }", "a" },
        { DiagnosticDescriptors.NonDifferentiableCallId, "public static partial class C { static double Sum(double[] v) => v[0]; [Differentiable] public static double Bad(double[] w) => Sum(w); }", "Sum(w)" },
        { DiagnosticDescriptors.UnstableArrayArgumentId, "public static partial class C { public static void Twice(ReadOnlySpan<double> x, Span<double> y) { } [DerivativeOf(nameof(Twice))] public static void TwicePullback(ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> dy, Span<double> dx) { } [Differentiable] public static double Bad(double[] w) { double[] h = new double[1]; h[0] = w[0]; Twice(h, h); return h[0]; } }", "Twice(h, h)" },
        { DiagnosticDescriptors.UnsupportedStatementId, "public static partial class C { public static void Nothing(double[] x) { } [Differentiable] public static double Bad(double[] w) { Nothing(w); return w[0]; } }", "Nothing(w)" },
        { DiagnosticDescriptors.UnsupportedStatementId, "public static partial class C { [Differentiable] public static double Bad(double x, int n) { double s = 0; for (int i = 0; i < n; i++) { double[] a = new double[i + 1]; a[0] = x; s += a[0]; } return s; } }", "a = new double[i + 1]" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static double Bad(double[,,] w) => 1.0; }", "w" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static double Bad(double x) { var t = new double[2][]; return x; } }", "t = new double[2][]" },
        { DiagnosticDescriptors.UnsupportedExpressionId, "public static partial class C { [Differentiable] public static double Bad(double[][] b) => b[0] == null ? 0 : b[0][0]; }", "b[0]" },
        { DiagnosticDescriptors.InvalidCalleeId, "public static partial class D { [Differentiable] public static double G(double[,] a) => a[0, 0]; } public static partial class C { [Differentiable] public static double Bad(double[,] a) => D.G(a); }", "D.G(a)" },
        { DiagnosticDescriptors.InvalidCheckPointId, "public static partial class C { [Differentiable, CheckGradientAt(1.0)] public static double Bad(double[] w) => w[0]; }", "w" },
        { DiagnosticDescriptors.NonDifferentiableCallId, "public static partial class C { [Differentiable] public static double Bad(double[] w) => System.Linq.Enumerable.Sum(w); }", "System.Linq.Enumerable.Sum(w)" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static partial class C { [Differentiable] public static double Bad(double x) { Func<double> f = () => x * 2; return x; } }", "f = () => x * 2" },
        { DiagnosticDescriptors.UnsupportedTypeId, "public static unsafe partial class C { [Differentiable] public static double Bad(double x) { double* p = &x; return *p; } }", "p = &x" },
        { DiagnosticDescriptors.InvalidCalleeId, "public static partial class C { [Differentiable] public static double Bad(double x) => D.NotStatic(x); } public static class D { [Differentiable] public static double NotStatic(double y) => y; }", "D.NotStatic(x)" },
        { DiagnosticDescriptors.ActiveArgumentToNoDerivativeId, "public static partial class C { [Differentiable] static double Scale(double v, [NoDerivative] double s) => v * s; [Differentiable] public static double Bad(double x) => Scale(2.0, x); }", "Scale(2.0, x)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void UnsupportedInput_Analyzer_ReportsIdAtTheOffendingCode(string id, string source, string at)
    {
        var diagnostics = GeneratorHarness.Analyze(Wrap(source), Neighbour);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(at, diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.EndsWith(id + ".md", diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain("{", diagnostic.GetMessage());
    }

    public static TheoryData<string> Sources
    {
        get
        {
            var sources = new TheoryData<string>();
            foreach (var row in Cases) sources.Add((string)row[1]);
            return sources;
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void UnsupportedInput_Generator_SkipsOnlyThatMethod_AndNeverThrows(string source)
    {
        var (output, run, generatorDiagnostics) = GeneratorHarness.Generate(Wrap(source), Neighbour);

        Assert.Empty(generatorDiagnostics);
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains(".Bad"));
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("Neighbour.Fine"));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("public static partial class C { [Differentiable] public static double Bad(double x) { return x * ; } }")]
    [InlineData("public static partial class C { [Differentiable] public static double Bad(double x) { return Undefined(x); } }")]
    [InlineData("public static partial class C { [Differentiable] public static double Bad(double x) { double y = x }")]
    [InlineData("public static partial class C { [Differentiable] public static double Bad(double x) { if (x > ) return 1; return x; } }")]
    [InlineData("public static partial class C { [Differentiable] public static double Bad(double x)")]
    public void HalfTypedCode_NoDgDiagnostics_NoCrash(string source)
    {
        Assert.DoesNotContain(GeneratorHarness.Analyze(Wrap(source), Neighbour), d => d.Id.StartsWith("DG"));
        var (_, run, generatorDiagnostics) = GeneratorHarness.Generate(Wrap(source), Neighbour);
        Assert.Empty(generatorDiagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("Neighbour.Fine"));
    }

    [Theory]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double threshold) => x > threshold ? x : 0.0; }", "threshold")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double scale) => x * Math.Floor(scale); }", "scale")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double[] w) { int i = (int)w[0]; return x * i; } }", "w")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double unused) => x; }", "unused")]
    public void ParameterOnlyComparedCastOrUnused_WarnsDG1001_AndStillGenerates(string source, string parameter)
    {
        // A cast or rounding call also gets its site warning (DG1002, DG1003); DG1001 names the parameter once.
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(Wrap(source)), d => d.Id == DiagnosticDescriptors.ParameterWithoutInfluenceId);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains($"'{parameter}'", diagnostic.GetMessage());
        var (_, run, _) = GeneratorHarness.Generate(Wrap(source));
        Assert.Contains(run.GeneratedTrees, t => t.FilePath.Contains("C.F"));
    }

    [Theory]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, [NoDerivative] double threshold) => x > threshold ? x : 0.0; }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double t) { double y = 0; for (int i = 0; i < 3; i++) y = y * t + x; return y; } }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x, double t) { if (t > 0) return x * t; return x; } }")]
    public void ParameterReachingTheResult_NoDG1001(string source)
        => Assert.Empty(GeneratorHarness.Analyze(Wrap(source)));

    [Theory]
    [InlineData("", "relu'(0) = 0")]
    [InlineData("[assembly: DiffGen.NonsmoothDerivatives(ReluAtZero = 1.0)]", "relu'(0) = 1")]
    public void ReluOnADifferentiableValue_NotesDG2001_WithTheAssemblysRule(string settings, string rule)
    {
        var notes = GeneratorHarness.Analyze(settings, Wrap("public static partial class C { [Differentiable] public static double F(double x, [NoDerivative] double y) => DiffMath.Relu(x) + DiffMath.Relu(y) + Math.Abs(2.0); }"));
        var note = Assert.Single(notes);
        Assert.Equal(DiagnosticDescriptors.NonsmoothSiteId, note.Id);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains(rule, note.GetMessage());
        Assert.Equal("DiffMath.Relu(x)", note.Location.SourceTree!.ToString().Substring(note.Location.SourceSpan.Start, note.Location.SourceSpan.Length));
    }

    [Fact]
    public void EveryDiagnostic_HasADocsPage_AndAReleaseLine()
    {
        string root = System.AppContext.BaseDirectory;
        while (!System.IO.File.Exists(System.IO.Path.Combine(root, "DiffGen.sln"))) root = System.IO.Path.GetDirectoryName(root)!;
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in new DifferentiabilityAnalyzer().SupportedDiagnostics)
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md")), descriptor.Id);
            Assert.Contains(descriptor.Id + " |", releases);
        }
    }

    private static string Wrap(string source) => "using System;\nusing DiffGen;\n" + source;
}
