using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Analyzers;

/// <summary>
/// DG1005: a call of a generated <c>{M}HessianVector</c> or <c>{M}Hessian</c> whose method's body calls something
/// without a second-order rule (<see cref="HessianSupport.Blocker"/>). Reported at the call, where the user asks
/// for second order, rather than on every method that uses a span primitive: a gradient-only user sees nothing.
/// </summary>
internal static class HessianVectorCalls
{
    private const string GeneratedCode = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    public static void Analyze(OperationAnalysisContext context, INamedTypeSymbol differentiable)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var member = invocation.TargetMethod;
        string? root = member.Name.EndsWith("HessianVector") ? member.Name.Substring(0, member.Name.Length - "HessianVector".Length)
            : member.Name.EndsWith("Hessian") ? member.Name.Substring(0, member.Name.Length - "Hessian".Length)
            : null;
        if (root is null || root.Length == 0 || !IsGeneratedByDiffGen(member)) return;

        foreach (var method in member.ContainingType.GetMembers(root).OfType<IMethodSymbol>())
        {
            if (!method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, differentiable))) continue;
            if (method.DeclaringSyntaxReferences.Length != 1) continue;
            if (method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration) continue;
            if (invocation.SemanticModel is not { } model || model.SyntaxTree != declaration.SyntaxTree) model = SemanticModelOf(context, declaration);
            FrontEndResult result;
            try
            {
                result = MethodFrontEnd.Analyze(method, declaration, model, context.CancellationToken);
            }
            catch (System.OperationCanceledException)
            {
                throw;
            }
            catch (System.Exception)
            {
                return; // never crash the IDE
            }
            foreach (var ir in result.Instances)
            {
                if (HessianSupport.Blocker(ir) is not { } blocker) continue;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HessianVectorBlocked, invocation.Syntax.GetLocation(),
                    member.Name, blocker.Reason, method.Name));
                return;
            }
        }
    }

    private static bool IsGeneratedByDiffGen(IMethodSymbol member)
        => member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GeneratedCode
                                          && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == SourceEmitter.GeneratorName);

#pragma warning disable RS1030 // The [Differentiable] method may sit in another tree than the call; its model is needed to lower it.
    private static SemanticModel SemanticModelOf(OperationAnalysisContext context, MethodDeclarationSyntax declaration)
        => context.Compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
}
