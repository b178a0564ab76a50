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
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.CodeFixes;

/// <summary>
/// Mechanical fixes that add a modifier: <c>partial</c> to the containing types (DG0005) and
/// <c>static</c> to a method that uses no instance state (DG0004).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModifierCodeFixProvider)), Shared]
public sealed class ModifierCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypeNotPartialId, DiagnosticDescriptors.MethodNotStaticId);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticDescriptors.TypeNotPartialId)
            {
                context.RegisterCodeFix(CodeAction.Create("Make the containing types partial",
                    token => MakeTypesPartialAsync(context.Document, method, token), nameof(DiagnosticDescriptors.TypeNotPartialId)), diagnostic);
            }
            else if (diagnostic.Id == DiagnosticDescriptors.MethodNotStaticId
                     && !await UsesInstanceStateAsync(context.Document, method, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(CodeAction.Create("Make the method static",
                    token => AddModifierAsync(context.Document, method, SyntaxKind.StaticKeyword, token), nameof(DiagnosticDescriptors.MethodNotStaticId)), diagnostic);
            }
        }
    }

    private static async Task<Document> MakeTypesPartialAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var types = method.Ancestors().OfType<TypeDeclarationSyntax>().Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToList();
        var fixedRoot = root.ReplaceNodes(types, (original, rewritten) =>
            rewritten.WithModifiers(rewritten.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space))));
        return document.WithSyntaxRoot(fixedRoot);
    }

    private static async Task<Document> AddModifierAsync(Document document, MethodDeclarationSyntax method, SyntaxKind modifier, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        // After the accessibility modifiers, as C# style puts it: "public static double F".
        var modifiers = method.Modifiers;
        int index = 0;
        while (index < modifiers.Count && modifiers[index].Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword) index++;
        var token = SyntaxFactory.Token(modifier).WithTrailingTrivia(SyntaxFactory.Space);
        var updated = method.Modifiers.Count == 0
            ? method.WithModifiers(SyntaxFactory.TokenList(token.WithLeadingTrivia(method.ReturnType.GetLeadingTrivia()))).WithReturnType(method.ReturnType.WithoutLeadingTrivia())
            : method.WithModifiers(modifiers.Insert(index, token));
        return document.WithSyntaxRoot(root.ReplaceNode(method, updated));
    }

    /// <summary>Whether making the method static would break it: it reads <c>this</c> or instance members.</summary>
    private static async Task<bool> UsesInstanceStateAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetOperation(method, cancellationToken) is not { } body) return true;
        return body.Descendants().Any(o => o is IInstanceReferenceOperation);
    }
}
