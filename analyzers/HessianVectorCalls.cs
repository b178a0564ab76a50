using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Analyzers;

/// <summary>
/// DG1005: a call of a generated <c>{M}HessianVector</c> or <c>{M}Hessian</c> whose method's body, or the body of a
/// [Differentiable] method it calls, calls something without a second-order rule (<see cref="HessianSupport.Blocker"/>). Reported at the call, where the user asks
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

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var method in member.ContainingType.GetMembers(root).OfType<IMethodSymbol>())
        {
            if (Blocker(context, invocation.SemanticModel, method, differentiable, visited) is not { } blocker) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HessianVectorBlocked, invocation.Syntax.GetLocation(),
                member.Name, blocker.Reason, blocker.Method));
            return;
        }
    }

    /// <summary>
    /// What blocks H·v of <paramref name="method"/> (a [Differentiable] method of the compilation): a call in its own
    /// body, or in the body of a [Differentiable] method it calls (its H·v throws, naming that call), with the method
    /// holding the call.
    /// </summary>
    private static (string Reason, string Method)? Blocker(OperationAnalysisContext context, SemanticModel? callerModel, IMethodSymbol method,
                                                          INamedTypeSymbol differentiable, HashSet<IMethodSymbol> visited)
    {
        if (!visited.Add(method)) return null;
        if (!method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, differentiable))) return null;
        if (method.DeclaringSyntaxReferences.Length != 1) return null;
        if (method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration) return null;
        var model = callerModel is not null && callerModel.SyntaxTree == declaration.SyntaxTree ? callerModel : SemanticModelOf(context, declaration);
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
            return null; // never crash the IDE
        }
        foreach (var ir in result.Instances)
        {
            if (HessianSupport.Blocker(ir) is { } own) return (own.Reason, method.Name);
            foreach (var call in IrTree.AllExpressions(ir.Body).OfType<UserCallExpr>())
            {
                foreach (var callee in Callees(context.Compilation, call.Callee.Target))
                    if (Blocker(context, callerModel, callee, differentiable, visited) is { } inner) return inner;
            }
        }
        return null;
    }

    /// <summary>The methods a callee's target (<c>global::N.T.F</c>) names, when its type is found by metadata name.</summary>
    private static IEnumerable<IMethodSymbol> Callees(Compilation compilation, string target)
    {
        string name = target.StartsWith("global::", System.StringComparison.Ordinal) ? target.Substring("global::".Length) : target;
        int dot = name.LastIndexOf('.');
        if (dot <= 0) return Enumerable.Empty<IMethodSymbol>();
        var type = compilation.GetTypeByMetadataName(name.Substring(0, dot));
        return type is null ? Enumerable.Empty<IMethodSymbol>() : type.GetMembers(name.Substring(dot + 1)).OfType<IMethodSymbol>();
    }

    private static bool IsGeneratedByDiffGen(IMethodSymbol member)
        => member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GeneratedCode
                                          && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == SourceEmitter.GeneratorName);

#pragma warning disable RS1030 // The [Differentiable] method may sit in another tree than the call; its model is needed to lower it.
    private static SemanticModel SemanticModelOf(OperationAnalysisContext context, MethodDeclarationSyntax declaration)
        => context.Compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
}
