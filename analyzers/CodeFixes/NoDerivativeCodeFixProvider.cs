using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DiffGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffGen.CodeFixes;

/// <summary>DG1001: marks a parameter that never influences the result as data, with <c>[NoDerivative]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoDerivativeCodeFixProvider)), Shared]
public sealed class NoDerivativeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ParameterWithoutInfluenceId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<ParameterSyntax>() is not { } parameter) return;
        context.RegisterCodeFix(CodeAction.Create($"Mark '{parameter.Identifier.Text}' [NoDerivative]",
            token => AddAttributeAsync(context.Document, parameter, token), nameof(NoDerivativeCodeFixProvider)), context.Diagnostics);
    }

    private static async Task<Document> AddAttributeAsync(Document document, ParameterSyntax parameter, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        // The fully qualified name works whatever the file's usings; the simplifier shortens it where it can.
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::DiffGen.NoDerivative"))))
            .WithTrailingTrivia(SyntaxFactory.Space)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        var updated = parameter.WithAttributeLists(parameter.AttributeLists.Add(attribute));
        return document.WithSyntaxRoot(root.ReplaceNode(parameter, updated));
    }
}
