using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DiffGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DiffGen.CodeFixes;

/// <summary>DG0003: marks the called method <c>[Differentiable]</c>, when its source is in the solution.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DifferentiableCalleeCodeFixProvider)), Shared]
public sealed class DifferentiableCalleeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonDifferentiableCallId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation || model is null) return;
        if (model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol callee) return;
        var declaration = callee.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var document = declaration is null ? null : context.Document.Project.Solution.GetDocument(declaration.SyntaxTree);
        if (declaration is null || document is null) return; // not in this solution: write a [DerivativeOf] rule instead
        context.RegisterCodeFix(CodeAction.Create($"Mark '{callee.Name}' [Differentiable]",
            token => MarkAsync(document, declaration, token), nameof(DifferentiableCalleeCodeFixProvider)), context.Diagnostics);
    }

    private static async Task<Solution> MarkAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::DiffGen.Differentiable"))))
            .WithTrailingTrivia(SyntaxFactory.Space)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        // The attribute goes first; the method's indentation and comments move in front of it.
        var leading = method.GetLeadingTrivia();
        var updated = method.WithoutLeadingTrivia().WithAttributeLists(method.AttributeLists.Insert(0, attribute)).WithLeadingTrivia(leading);
        return document.WithSyntaxRoot(root.ReplaceNode(method, updated)).Project.Solution;
    }
}
