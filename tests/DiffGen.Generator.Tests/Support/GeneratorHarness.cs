using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using DiffGen.Analyzers;
using DiffGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DiffGen.Generator.Tests.Support;

/// <summary>Compiles source with the generator (and optionally the analyzer) in memory, and loads the result.</summary>
internal static class GeneratorHarness
{
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(DifferentiableAttribute).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "GeneratorTest" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver Driver(bool trackSteps = true)
        => CSharpGeneratorDriver.Create(
            new[] { new DifferentiableGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the output compilation and the run result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, driver.GetRunResult(), diagnostics);
    }

    /// <summary>The front end's result for the method named <paramref name="method"/> (the only one so named) in the compilation's first tree.</summary>
    public static FrontEnd.FrontEndResult FrontEnd(Compilation compilation, string? method = null)
    {
        var tree = compilation.SyntaxTrees.First();
        var declaration = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Single(m => method is null || m.Identifier.Text == method);
        var model = compilation.GetSemanticModel(tree);
        return global::DiffGen.Generator.FrontEnd.MethodFrontEnd.Analyze((IMethodSymbol)model.GetDeclaredSymbol(declaration)!, declaration, model, default);
    }

    /// <summary>Diagnostics of the output compilation that are warnings or errors.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The DG diagnostics the analyzer reports on the sources.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(params string[] sources)
    {
        var compilation = Compilation(sources);
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiabilityAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary>Generates, compiles to IL and loads the assembly; fails with the diagnostics if it does not compile.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        var (output, _, _) = Generate(sources);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
            throw new InvalidOperationException("Generated code does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Calls a static method of a loaded type by name.</summary>
    public static object? Call(Assembly assembly, string type, string method, params object[] arguments)
    {
        var target = assembly.GetType(type, throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        return target.Invoke(null, arguments);
    }

    /// <summary>Calls <c>{M}Gradient</c> and returns (value, gradient).</summary>
    public static (double Value, double[] Gradient) Gradient(Assembly assembly, string type, string method, params double[] point)
    {
        var target = assembly.GetType(type, throwOnError: true)!.GetMethod(method + "Gradient", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var arguments = point.Cast<object>().Concat(Enumerable.Repeat<object>(0.0, target.GetParameters().Length - point.Length)).ToArray();
        double value = (double)target.Invoke(null, arguments)!;
        return (value, arguments.Skip(point.Length).Select(a => (double)a).ToArray());
    }

    /// <summary>Calls <c>{M}Directional</c> and returns the tangent.</summary>
    public static double Directional(Assembly assembly, string type, string method, double[] point, double[] direction)
    {
        var result = Call(assembly, type, method + "Directional", point.Concat(direction).Cast<object>().ToArray())!;
        return ((ValueTuple<double, double>)result).Item2;
    }
}
