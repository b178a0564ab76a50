using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DiffGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DiffGen.Analyzers.Tests.Support;

/// <summary>
/// The repository's own [Differentiable] code, read from disk as text and compiled the way its project
/// does: sources, then the generator (test code calls the generated members), then the analyzer.
/// </summary>
internal static class Corpus
{
    public static string Root { get; } = FindRoot();

    /// <summary>The corpus projects: name, the folders whose sources it compiles, its output kind.</summary>
    public static IReadOnlyList<(string Name, string[] Folders, OutputKind Kind)> Projects { get; } = new[]
    {
        ("DiffGen.Gradients.Tests", new[] { "tests/DiffGen.Gradients.Tests", "samples/Gmm", "samples/OptionGreeks", "../shared/gmm-variants" }, OutputKind.DynamicallyLinkedLibrary),
        ("QuickStart", new[] { "samples/QuickStart" }, OutputKind.ConsoleApplication),
        ("Gmm", new[] { "samples/Gmm" }, OutputKind.DynamicallyLinkedLibrary),
        ("OptionGreeks", new[] { "samples/OptionGreeks" }, OutputKind.ConsoleApplication),
        ("FashionMnist", new[] { "samples/FashionMnist/Model" }, OutputKind.DynamicallyLinkedLibrary),
        ("DiffGen.Benchmarks", new[] { "bench/DiffGen.Benchmarks", "samples/Gmm", "../shared/gmm-variants" }, OutputKind.ConsoleApplication),
    };

    /// <summary>Every .cs file under <paramref name="folder"/>, build output excluded.</summary>
    public static IEnumerable<string> SourceFiles(string folder)
        => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>The project's sources compiled, with the generator's output added.</summary>
    public static (Compilation Compilation, GeneratorDriverRunResult Run) Build(string[] folders, OutputKind kind, IEnumerable<MetadataReference> extraReferences)
    {
        // Preview: the SDK compiles the corpus as C# 14 (first-class spans), newer than this Roslyn's Latest.
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = folders.SelectMany(SourceFiles)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path));
        var compilation = CSharpCompilation.Create(
            "Corpus" + Guid.NewGuid().ToString("N"),
            trees,
            Verify.References.Value.Concat(extraReferences),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var driver = CSharpGeneratorDriver.Create(new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }

    /// <summary>The DG diagnostics of the analyzer on <paramref name="compilation"/>.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// The [Differentiable] methods declared in <paramref name="tree"/>, named as the generator's hint names
    /// begin: containing types joined by dots, type parameters made file-safe (<c>Outer_T_.Inner.F</c>).
    /// </summary>
    public static IEnumerable<(MethodDeclarationSyntax Method, string Name)> DifferentiableMethods(SyntaxTree tree)
    {
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (!method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Differentiable" or "DiffGen.Differentiable")) continue;
            var types = method.Ancestors().OfType<TypeDeclarationSyntax>().Reverse()
                .Select(t => t.Identifier.Text + (t.TypeParameterList is { } list ? "_" + string.Join("__", list.Parameters.Select(p => p.Identifier.Text)) + "_" : ""));
            yield return (method, string.Join(".", types) + "." + method.Identifier.Text);
        }
    }

    /// <summary>The generator's hint names (without <c>.g.cs</c>) of a run.</summary>
    public static IReadOnlyList<string> GeneratedFiles(GeneratorDriverRunResult run)
        => run.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Select(f => f.Substring(0, f.Length - ".g.cs".Length)).ToList();

    /// <summary>Whether a hint name is that of <paramref name="method"/> (as named by <see cref="DifferentiableMethods"/>), namespace or not.</summary>
    public static bool IsGenerated(IReadOnlyList<string> files, string method)
        => files.Any(f => (f == method || f.StartsWith(method + "_", StringComparison.Ordinal) || f.EndsWith("." + method, StringComparison.Ordinal) || f.Contains("." + method + "_")));

    private static string FindRoot()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DiffGen.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("DiffGen.sln not found above " + AppContext.BaseDirectory);
        return root;
    }
}
