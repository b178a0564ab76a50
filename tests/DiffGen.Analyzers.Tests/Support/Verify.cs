using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DiffGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace DiffGen.Analyzers.Tests.Support;

/// <summary>
/// Runs <see cref="DifferentiabilityAnalyzer"/> (and a code fix) through Microsoft.CodeAnalysis.Testing.
/// Sources use <c>{|DGnnnn:span|}</c> markup; every DG diagnostic must be marked, and nothing else is
/// expected. Compiler warnings are ignored (a test snippet may well have an unused local); compiler
/// errors still fail the test.
/// </summary>
internal static class Verify
{
    /// <summary>
    /// The running runtime's assemblies plus DiffGen.Runtime: the test needs no reference-assembly
    /// package, so it runs where only the package feed is reachable.
    /// </summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        paths.Add(typeof(DifferentiableAttribute).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>No package to resolve: <see cref="References"/> supplies everything.</summary>
    public static readonly ReferenceAssemblies NoPackage = new("net10.0");

    public const string Usings = "using System;\nusing DiffGen;\n";

    /// <summary>Asserts the analyzer reports exactly the marked diagnostics in <paramref name="source"/>.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = Usings + source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts <typeparamref name="TFix"/> turns <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static Task CodeFixAsync<TFix>(string before, string after, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TFix> { TestCode = Usings + before, FixedCode = Usings + after };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts <typeparamref name="TFix"/> offers nothing for the (marked) diagnostics of <paramref name="source"/>.</summary>
    public static Task NoCodeFixAsync<TFix>(string source)
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TFix> { TestCode = Usings + source, FixedCode = Usings + source };
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>An expected diagnostic at markup location <c>{|#n:...|}</c>.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int location, params object[] arguments)
        => new DiagnosticResult(descriptor).WithLocation(location).WithArguments(arguments);

    /// <summary>As <see cref="AnalyzerAsync"/>, with an .editorconfig beside the source (for severities).</summary>
    public static Task AnalyzerWithEditorConfigAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = Usings + source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<DifferentiabilityAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest() => Setup(this);
    }

    private sealed class CodeFixTest<TFix> : CSharpCodeFixTest<DifferentiabilityAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        public CodeFixTest() => Setup(this);
    }

    private static void Setup<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = NoPackage;
        test.TestState.AdditionalReferences.AddRange(References.Value);
        test.CompilerDiagnostics = CompilerDiagnostics.Errors;
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithAllowUnsafe(true).WithNullableContextOptions(Microsoft.CodeAnalysis.NullableContextOptions.Enable);
            return solution.WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }
}
