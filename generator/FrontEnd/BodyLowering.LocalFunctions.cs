using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Local functions, static or capturing, are lowered in place at every call (with the machinery that
/// inlines helpers): their statements join the method's body, their parameters are bound to the
/// arguments, and captured variables are the method's own. A local function that returns a value and
/// is called inside an expression must not change the method's variables or arrays (its statements run
/// before the rest of the expression); a void one called as a statement may. Recursive local functions
/// are refused (DG0002).
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>A call of a local function in an expression: its body in place, its value a fresh local.</summary>
    private Expr? LowerLocalFunctionCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        if (invocation.TargetMethod.MethodKind != MethodKind.LocalFunction) return null;
        if (LocalFunctionBody(invocation, asStatement: false) is not { } body) return Invalid;
        if (lift is null)
        {
            Report(ProblemKind.UnsupportedExpression, invocation, $"call of local function '{invocation.TargetMethod.Name}' in a loop condition (call it in a statement before)");
            return Invalid;
        }
        if (kind == ScalarKind.Other)
        {
            Report(ProblemKind.UnsupportedExpression, invocation, $"call of local function '{invocation.TargetMethod.Name}' returning '{invocation.TargetMethod.ReturnType.ToDisplayString()}'");
            return Invalid;
        }
        return LowerInPlace(invocation, body, kind, lift, undoOnProblems: false) is int result ? new VariableExpr(result, kind) : UnboundArguments(invocation);
    }

    /// <summary>A local function called as a statement (its result, if any, discarded): its body in place.</summary>
    private bool TryLowerLocalFunctionStatement(IInvocationOperation invocation, List<Stmt> into)
    {
        if (invocation.TargetMethod.MethodKind != MethodKind.LocalFunction) return false;
        if (LocalFunctionBody(invocation, asStatement: true) is { } body
            && LowerInPlace(invocation, body, SymbolFacts.KindOf(invocation.TargetMethod.ReturnType, _generic) is var kind && kind != ScalarKind.Other ? kind : null, into, undoOnProblems: false) is null)
            UnboundArguments(invocation);
        return true;
    }

    private Expr UnboundArguments(IInvocationOperation invocation)
    {
        Report(ProblemKind.UnsupportedExpression, invocation, $"arguments of local function '{invocation.TargetMethod.Name}' (pass numbers, arrays, spans or their slices; a [NoDerivative] parameter takes data)");
        return Invalid;
    }

    /// <summary>The local function's body, or null after reporting why it cannot be lowered in place.</summary>
    private IBlockOperation? LocalFunctionBody(IInvocationOperation invocation, bool asStatement)
    {
        var function = invocation.TargetMethod;
        string why = "";
        if (_inlinedMethods.Contains(function)) why = "which calls itself (write the recursion as a loop, or make it a [Differentiable] method)";
        else if (function.IsGenericMethod) why = "which is generic";
        else if (function.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams)) why = "with ref, out, in or params parameters";
        else if (function.DeclaringSyntaxReferences.Length != 1
                 || function.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not LocalFunctionStatementSyntax syntax
                 || invocation.SemanticModel?.GetOperation(syntax, _cancellationToken) is not ILocalFunctionOperation declared
                 || declared.Body is not { } body)
            why = "whose body cannot be read";
        else if (ReturnsBeforeItsEnd(body)) why = "with a return before its end";
        else if (!asStatement && WritesOutside(body, function)) why = "that changes the method's variables or arrays, inside an expression (call it as a statement)";
        else return body;
        Report(ProblemKind.UnsupportedExpression, invocation, $"call of local function '{function.Name}' {why}");
        return null;
    }

    /// <summary>Whether a return other than the body's last statement exists (nested functions aside).</summary>
    private static bool ReturnsBeforeItsEnd(IBlockOperation body)
    {
        var last = body.Operations.Length > 0 ? body.Operations[body.Operations.Length - 1] : null;
        return OwnOperations(body).Any(o => o is IReturnOperation && !ReferenceEquals(o, last));
    }

    /// <summary>Whether the body assigns a variable or array element it did not declare itself.</summary>
    private static bool WritesOutside(IBlockOperation body, IMethodSymbol function)
    {
        var own = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var parameter in function.Parameters) own.Add(parameter);
        foreach (var declarator in OwnOperations(body).OfType<IVariableDeclaratorOperation>()) own.Add(declarator.Symbol);
        bool Outside(IOperation target)
        {
            while (target is IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true })
                target = target is IArrayElementReferenceOperation element ? element.ArrayReference : ((IPropertyReferenceOperation)target).Instance!;
            return target switch
            {
                ILocalReferenceOperation local => !own.Contains(local.Local),
                IParameterReferenceOperation parameter => !own.Contains(parameter.Parameter) || parameter.Type is not null && SymbolFacts.ShapeOf(parameter.Type, null).Shape != Shape.Scalar,
                _ => true,
            };
        }
        return OwnOperations(body).Any(o => o switch
        {
            IAssignmentOperation assignment => assignment.Target.DescendantsAndSelf().Where(t => t is ILocalReferenceOperation or IParameterReferenceOperation or IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }).Any(Outside),
            IIncrementOrDecrementOperation step => Outside(step.Target),
            _ => false,
        });
    }

    /// <summary>The body's operations, without those of functions nested in it.</summary>
    private static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        foreach (var child in root.ChildOperations)
        {
            if (child is ILocalFunctionOperation or IAnonymousFunctionOperation) continue;
            yield return child;
            foreach (var descendant in OwnOperations(child)) yield return descendant;
        }
    }
}
