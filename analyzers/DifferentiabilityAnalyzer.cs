using System.Collections.Immutable;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DiffGen.Analyzers;

/// <summary>
/// Reports why a <c>[Differentiable]</c> method cannot be differentiated, by running the generator's
/// own front end on it: the analyzer and the generator cannot disagree about what is supported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DifferentiabilityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedStatement,
        DiagnosticDescriptors.UnsupportedExpression,
        DiagnosticDescriptors.NonDifferentiableCall,
        DiagnosticDescriptors.MethodNotStatic,
        DiagnosticDescriptors.TypeNotPartial,
        DiagnosticDescriptors.ByReferenceParameter,
        DiagnosticDescriptors.UnsupportedType,
        DiagnosticDescriptors.ImplicitPrecisionMix,
        DiagnosticDescriptors.GenericMethod,
        DiagnosticDescriptors.InvalidCheckPoint,
        DiagnosticDescriptors.UnsupportedWrite,
        DiagnosticDescriptors.InvalidCallee,
        DiagnosticDescriptors.ActiveArgumentToNoDerivative,
        DiagnosticDescriptors.UnstableArrayArgument,
        DiagnosticDescriptors.PooledArrayMisuse,
        DiagnosticDescriptors.ParameterWithoutInfluence,
        DiagnosticDescriptors.IntegerConversionCut,
        DiagnosticDescriptors.RoundingCut,
        DiagnosticDescriptors.ComparedOnly,
        DiagnosticDescriptors.NonsmoothSite,
        DiagnosticDescriptors.HessianVectorBlocked);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(SymbolFacts.DifferentiableAttribute);
            if (attribute is null) return;
            var settings = NonsmoothSettings.Read(start.Compilation.Assembly);
            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, attribute, settings), SyntaxKind.MethodDeclaration);
            start.RegisterOperationAction(operation => HessianVectorCalls.Analyze(operation, attribute), OperationKind.Invocation);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute, NonsmoothSettings settings)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0) return;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method) return;
        if (!method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))) return;

        FrontEndResult result;
        try
        {
            result = MethodFrontEnd.Analyze(method, declaration, context.SemanticModel, context.CancellationToken);
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception)
        {
            return; // never crash the IDE; the generator skips the method the same way
        }
        foreach (var problem in result.Problems.Concat(result.Warnings))
        {
            var arguments = problem.Kind == ProblemKind.NonsmoothSite
                ? new object[] { problem.Detail, KinkRule(problem.Detail, settings) }
                : new object[] { problem.Detail };
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Kind), problem.Location, arguments));
        }
    }

    /// <summary>The rule at the kink of <paramref name="primitive"/> under the assembly's settings, in words (from its registry entry).</summary>
    private static string KinkRule(string primitive, NonsmoothSettings settings)
        => PrimitiveRegistry.Rule(new Primitive(primitive)).DescribeKink?.Invoke(settings) ?? "";
}
