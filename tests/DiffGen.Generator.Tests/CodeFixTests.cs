using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DiffGen.Analyzers;
using DiffGen.CodeFixes;
using DiffGen.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Simplification;
using Xunit;

namespace DiffGen.Generator.Tests;

/// <summary>Each code fix, before and after, on a document the analyzer flags.</summary>
public class CodeFixTests
{
    [Fact]
    public async Task TypeNotPartial_Fix_AddsPartialToEveryContainingType()
    {
        string before = "using DiffGen;\npublic static class Outer { public static class C { [Differentiable] public static double F(double x) => x; } }";
        string after = "using DiffGen;\npublic static partial class Outer { public static partial class C { [Differentiable] public static double F(double x) => x; } }";
        Assert.Equal(after, await FixAsync(new ModifierCodeFixProvider(), before, DiagnosticDescriptors.TypeNotPartialId));
    }

    [Fact]
    public async Task MethodNotStatic_WithoutInstanceState_Fix_AddsStatic()
    {
        string before = "using DiffGen;\npublic ref partial struct C { [Differentiable] public double F(double x) => x * 2; }";
        string after = "using DiffGen;\npublic ref partial struct C { [Differentiable] public static double F(double x) => x * 2; }";
        Assert.Equal(after, await FixAsync(new ModifierCodeFixProvider(), before, DiagnosticDescriptors.MethodNotStaticId));
    }

    [Fact]
    public async Task MethodNotStatic_UsingInstanceState_OffersNoFix()
    {
        string source = "using DiffGen;\npublic ref partial struct C { double k; [Differentiable] public double F(double x) => x * k; }";
        Assert.Null(await FixAsync(new ModifierCodeFixProvider(), source, DiagnosticDescriptors.MethodNotStaticId));
    }

    [Fact]
    public async Task ParameterWithoutInfluence_Fix_MarksItNoDerivative()
    {
        string before = "using DiffGen;\npublic static partial class C { [Differentiable] public static double F(double x, double t) => x > t ? x : 0.0; }";
        string after = "using DiffGen;\npublic static partial class C { [Differentiable] public static double F(double x, [NoDerivative] double t) => x > t ? x : 0.0; }";
        string? fixedText = await FixAsync(new NoDerivativeCodeFixProvider(), before, DiagnosticDescriptors.ParameterWithoutInfluenceId);
        Assert.Equal(after, fixedText);
        // The fixed code has no DG1001 left.
        Assert.DoesNotContain(GeneratorHarness.Analyze(fixedText!), d => d.Id == DiagnosticDescriptors.ParameterWithoutInfluenceId);
    }

    [Fact]
    public async Task NonDifferentiableCall_ToSourceMethod_Fix_MarksTheCalleeDifferentiable()
    {
        string before = "using DiffGen;\npublic static partial class C { static double Square(double v) => v * v; [Differentiable] public static double F(double x) => Square(x); }";
        string after = "using DiffGen;\npublic static partial class C { [Differentiable] static double Square(double v) => v * v; [Differentiable] public static double F(double x) => Square(x); }";
        string? fixedText = await FixAsync(new DifferentiableCalleeCodeFixProvider(), before, DiagnosticDescriptors.NonDifferentiableCallId);
        Assert.Equal(after, fixedText);
        Assert.DoesNotContain(GeneratorHarness.Analyze(fixedText!), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task NonDifferentiableCall_ToLibraryMethod_OffersNoFix()
    {
        string source = "using DiffGen;\npublic static partial class C { [Differentiable] public static double F(double[] w) => System.Linq.Enumerable.Sum(w); }";
        Assert.Null(await FixAsync(new DifferentiableCalleeCodeFixProvider(), source, DiagnosticDescriptors.NonDifferentiableCallId));
    }

    /// <summary>Applies the single fix the provider offers for the diagnostic; null when it offers none.</summary>
    private static async Task<string?> FixAsync(CodeFixProvider provider, string source, string diagnosticId)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .AddMetadataReferences(GeneratorHarness.References.Value);
        var document = project.AddDocument("Test.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiabilityAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.First(d => d.Id == diagnosticId);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        if (actions.Count == 0) return null;
        var apply = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation);
        return (await changed.GetTextAsync()).ToString();
    }
}
