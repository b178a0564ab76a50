using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DiffGen.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DiffGen.Analyzers.Tests;

/// <summary>
/// The generator and the analyzer agree, method by method, on the diagnostics corpus (every source of
/// the DGnnnn tests) and on half-typed code: a method the generator skips carries exactly the DG errors
/// its markup names, and a method without a DG error is generated and its output compiles. Neither
/// silently skips what the other accepts.
/// </summary>
public class ConsistencyTests
{
    public static TheoryData<string, int> Cases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus.Root, "tests", "DiffGen.Analyzers.Tests"), "DG*Tests.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                int count = Sources(file).Count;
                for (int i = 0; i < count; i++) data.Add(Path.GetFileName(file), i);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DiagnosticsCorpus_GeneratorSkipsExactlyTheMethodsTheAnalyzerRejects(string file, int index)
    {
        var (source, marks) = Markup.Parse(Verify.Usings + Sources(Path.Combine(Corpus.Root, "tests", "DiffGen.Analyzers.Tests", file))[index]);
        var (output, generated, analyzer) = Run(source);

        var methods = Corpus.DifferentiableMethods(output.SyntaxTrees.First()).ToList();
        Assert.NotEmpty(methods);
        foreach (var (method, name) in methods)
        {
            var expected = marks.Where(m => m.Id.StartsWith("DG0") && method.Span.Contains(m.Span)).Select(m => m.Id).Distinct().OrderBy(id => id).ToList();
            var reported = analyzer.Where(d => d.Severity == DiagnosticSeverity.Error && method.Span.Contains(d.Location.SourceSpan)).Select(d => d.Id).Distinct().OrderBy(id => id).ToList();
            Assert.Equal(expected, reported);
            bool wasGenerated = Corpus.IsGenerated(generated, name);
            Assert.True(wasGenerated == (reported.Count == 0), $"{name}: analyzer errors [{string.Join(", ", reported)}], generated: {wasGenerated}");
        }
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) { return x * ; } }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) { return Undefined(x); } }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) { double y = x }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) { if (x > ) return 1; return x; } }")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) { switch (x) { case 1: return ")]
    [InlineData("public static partial class C { [Differentiable] public static double F(double x) => Math.Floor(x +")]
    [InlineData("public static class C { [Differentiable] public static double F(double x) { double d = x * x; if (d > 1) return (int)d; return Math.Round(y); } }")]
    public void HalfTypedCode_NeitherReportsDg_NorGenerates_OnlyTheCompilerSpeaks(string source)
    {
        var (_, generated, analyzer) = Run(Verify.Usings + source);
        Assert.DoesNotContain(analyzer, d => d.Id.StartsWith("DG", StringComparison.Ordinal));
        Assert.False(Corpus.IsGenerated(generated, "C.F"));
    }

    /// <summary>The output compilation, the methods (Type.Method) the generator wrote a file for, and the analyzer's diagnostics.</summary>
    private static (Compilation Output, IReadOnlyList<string> Generated, IReadOnlyList<Diagnostic> Analyzer) Run(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Test0.cs");
        var compilation = CSharpCompilation.Create("Consistency", new[] { tree }, Verify.References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var driver = CSharpGeneratorDriver.Create(new[] { new DiffGen.Generator.DifferentiableGenerator().AsSourceGenerator() }, parseOptions: (CSharpParseOptions)tree.Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics); // the generator never reports
        var generated = Corpus.GeneratedFiles(driver.GetRunResult());
        return (output, generated, Corpus.Analyze(compilation));
    }

    /// <summary>The raw-string sources of a DGnnnn test file, markup included.</summary>
    private static IReadOnlyList<string> Sources(string file)
        => Regex.Matches(File.ReadAllText(file), "\"\"\"\\n(.*?)\\n\\s*\"\"\"", RegexOptions.Singleline)
            .Select(m => string.Join("\n", m.Groups[1].Value.Split('\n').Select(l => l.StartsWith("        ", StringComparison.Ordinal) ? l.Substring(8) : l)))
            .ToList();
}
