using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Arrays rented from <c>ArrayPool&lt;T&gt;.Shared</c>: <c>T[] a = ArrayPool&lt;T&gt;.Shared.Rent(n);</c> and a later
/// <c>ArrayPool&lt;T&gt;.Shared.Return(a);</c>, both at the method's top level, the Return either a statement of its own
/// or the only content of a top-level <c>finally</c>. Anything else about pooled arrays is DG0015: the generated
/// reverse mode must hold the array until its adjoint sweep is done, and it can only do that for a Rent and a
/// Return it sees once each, in straight-line order.
/// </summary>
internal sealed partial class BodyLowering
{
    private const string PoolType = "System.Buffers.ArrayPool<T>";

    /// <summary>Variables rented in this method.</summary>
    private readonly HashSet<int> _pooled = new();

    /// <summary>Variables whose Rent was refused (already reported): their Returns add nothing to report.</summary>
    private readonly HashSet<int> _refusedPooled = new();

    /// <summary>Variables already given back, with where their Return ends in source (later uses are DG0015).</summary>
    private readonly Dictionary<int, int> _releasedAt = new();

    /// <summary>"Rent" or "Return" when <paramref name="invocation"/> calls that method of <c>ArrayPool&lt;T&gt;</c>, else null.</summary>
    private static string? PoolMethod(IInvocationOperation invocation)
        => invocation.TargetMethod.ContainingType?.OriginalDefinition.ToDisplayString() == PoolType
           && invocation.TargetMethod.Name is "Rent" or "Return"
            ? invocation.TargetMethod.Name
            : null;

    /// <summary>Whether the call goes through <c>ArrayPool&lt;T&gt;.Shared</c> itself (not another pool, not a copy of the reference).</summary>
    private static bool OnSharedPool(IInvocationOperation invocation)
        => invocation.Instance is IPropertyReferenceOperation { Instance: null, Property.Name: "Shared" } shared
           && shared.Property.ContainingType.OriginalDefinition.ToDisplayString() == PoolType;

    /// <summary>
    /// Whether <paramref name="node"/> runs exactly once per call: not inside a branch, a loop, a switch, a
    /// catch or a lambda. Plain blocks and the supported top-level try/finally keep it at the top level.
    /// </summary>
    private static bool IsTopLevel(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            switch (current)
            {
                case IfStatementSyntax or ElseClauseSyntax or SwitchStatementSyntax or SwitchExpressionSyntax:
                case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                case CatchClauseSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                case ConditionalExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression }:
                    return false;
            }
        }
        return true;
    }

    /// <summary>The initializer <c>ArrayPool&lt;T&gt;.Shared.Rent(n)</c> of array local <paramref name="variable"/>.</summary>
    private void LowerRent(int variable, IInvocationOperation rent, IOperation site, List<Stmt> into)
    {
        var info = _variables[variable];
        _refusedPooled.Add(variable);
        if (info.Shape != Shape.Array)
        {
            ReportPooled(site, $"'{info.Name}' holds a rented array as a span; declare it as {info.Kind.Keyword()}[] so that it can be returned to the pool");
            return;
        }
        if (!OnSharedPool(rent))
        {
            ReportPooled(rent, $"'{info.Name}' is rented from a pool other than ArrayPool<{info.Kind.Keyword()}>.Shared; rent from ArrayPool<{info.Kind.Keyword()}>.Shared directly");
            return;
        }
        if (!IsTopLevel(site.Syntax))
        {
            ReportPooled(site, $"'{info.Name}' is rented inside a loop or branch; rent it once at the method's top level, before the loop");
            return;
        }
        into.Add(new AllocateStmt(variable, Lower(rent.Arguments[0].Value, null), OnStack: false, AddSite(site), Pooled: true));
        _refusedPooled.Remove(variable);
        _pooled.Add(variable);
    }

    /// <summary><c>ArrayPool&lt;T&gt;.Shared.Return(a[, clearArray])</c> as a statement.</summary>
    private void LowerPoolReturn(IInvocationOperation call, List<Stmt> into)
    {
        var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        while (argument is IConversionOperation conversion) argument = conversion.Operand;
        if (argument is not null && ArrayVariable(argument) is int refused && _refusedPooled.Contains(refused)) return;
        if (argument is null || ArrayVariable(argument) is not int variable || !_pooled.Contains(variable))
        {
            ReportPooled(call, $"'{argument?.Syntax.ToString() ?? "?"}' is returned to the pool but was not rented by this method with 'T[] name = ArrayPool<T>.Shared.Rent(n);'; return only arrays the method rents");
            return;
        }
        string name = _variables[variable].Name;
        if (!OnSharedPool(call))
        {
            ReportPooled(call, $"'{name}' is returned to a pool other than ArrayPool<{_variables[variable].Kind.Keyword()}>.Shared; return it where it was rented");
            return;
        }
        if (!IsTopLevel(call.Syntax))
        {
            ReportPooled(call, $"'{name}' is returned inside a loop or branch; return it once at the method's top level after its last use, or in a top-level finally");
            return;
        }
        bool clear = false;
        if (call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1) is { ArgumentKind: ArgumentKind.Explicit } clearArgument)
        {
            if (clearArgument.Value.ConstantValue is not { HasValue: true, Value: bool constant })
            {
                ReportPooled(clearArgument, $"the clearArray argument of the Return of '{name}' is not a constant; pass true or false");
                return;
            }
            clear = constant;
        }
        if (_releasedAt.ContainsKey(variable)) return; // the second Return is a use after the first (reported by CheckUsesAfterRelease)
        into.Add(new ReleaseStmt(variable, clear));
        _releasedAt[variable] = call.Syntax.Span.End;
    }

    /// <summary>
    /// A top-level <c>try { ... } finally { ArrayPool&lt;T&gt;.Shared.Return(a); }</c> with no catch: lowered to the
    /// try block, then the Returns (before the block's closing <c>return</c>, whose value is computed first, as
    /// C# does). False when the finally holds anything but pool Returns: the statement is then unsupported (DG0001).
    /// </summary>
    private bool TryLowerPooledTry(ITryOperation statement, List<Stmt> into)
    {
        if (statement.Finally is not { Operations.Length: > 0 } @finally
            || !@finally.Operations.All(o => o is IExpressionStatementOperation { Operation: IInvocationOperation call } && PoolMethod(call) == "Return"))
            return false;
        if (statement.Catches.Length > 0 || !IsTopLevel(statement.Syntax))
        {
            ReportPooled(statement, "a try/finally that returns a pooled array has catch clauses or is inside a loop or branch; use a top-level try { ... } finally { ArrayPool<T>.Shared.Return(a); } without catch");
            return true;
        }
        var operations = statement.Body.Operations;
        var closing = operations.Length > 0 ? operations[operations.Length - 1] as IReturnOperation : null;
        var early = statement.Body.Descendants().OfType<IReturnOperation>().FirstOrDefault(r => !ReferenceEquals(r, closing));
        if (early is not null)
        {
            ReportPooled(early, "a return inside a try whose finally returns a pooled array, before the end of the try block; compute the result into a local and return it as the try block's last statement");
            return true;
        }
        for (int i = 0; i < operations.Length - (closing is null ? 0 : 1); i++) LowerStatement(operations[i], into);
        Expr? result = null;
        if (closing?.ReturnedValue is { } value)
        {
            var lowered = LowerValue(value, into);
            int temporary = AddSyntheticVariable(lowered.Kind, "result");
            into.Add(new AssignStmt(temporary, lowered));
            result = new VariableExpr(temporary, lowered.Kind);
        }
        foreach (var release in @finally.Operations) LowerPoolReturn((IInvocationOperation)((IExpressionStatementOperation)release).Operation, into);
        if (closing is not null) into.Add(new ReturnStmt(result));
        return true;
    }

    /// <summary>DG0015 for every read or write of a pooled array after its Return (the adjoint sweep may not see such uses).</summary>
    private void CheckUsesAfterRelease(IOperation body)
    {
        if (_releasedAt.Count == 0) return;
        var reported = new HashSet<int>();
        foreach (var reference in body.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!_variableIndex.TryGetValue(reference.Local, out int variable) || !_releasedAt.TryGetValue(variable, out int end)) continue;
            if (reference.Syntax.SpanStart < end || !reported.Add(variable)) continue;
            ReportPooled(reference, $"'{_variables[variable].Name}' is used after it is returned to the pool; return it after its last use");
        }
    }

    /// <summary>DG0015 for a rented array passed whole to a method without derivative rules, which could keep it past its Return.</summary>
    private bool EscapesToOpaqueCall(IInvocationOperation invocation, IReadOnlyList<Expr> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is not ArrayRefExpr array || !_pooled.Contains(array.Variable)) continue;
            ReportPooled(invocation, $"rented array '{_variables[array.Variable].Name}' is passed to '{invocation.TargetMethod.Name}', which could keep it after it is returned to the pool; pass it only to [Differentiable] methods and methods with derivative rules");
            return true;
        }
        return false;
    }

    /// <summary>DG0015 for a Rent or Return that is neither a top-level declaration nor a top-level statement.</summary>
    private void ReportMisplacedPoolCall(IInvocationOperation invocation, string method)
        => ReportPooled(invocation, method == "Rent"
            ? "ArrayPool Rent used other than as the initializer of an array local; write 'T[] name = ArrayPool<T>.Shared.Rent(n);' at the method's top level"
            : "ArrayPool Return used inside an expression; call it as a statement at the method's top level");

    private void ReportPooled(IOperation operation, string detail) => Report(ProblemKind.PooledArrayMisuse, operation, detail);
}
