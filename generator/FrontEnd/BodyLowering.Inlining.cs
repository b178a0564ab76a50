using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Inlining of small <c>[Differentiable]</c> helpers called inside loops. A call reversed on its own
/// runs the helper's primal twice per iteration (once for its value, once more inside its pullback,
/// because the seed is known only later); inlined, its statements join the caller's body and the caller's
/// plan records or recomputes what they need like any other statement, so the gradient costs the same
/// whether the model is written with helpers or in one method.
/// </summary>
/// <remarks>
/// Only what keeps the meaning exact is inlined: a static, non-generic helper returning a floating
/// value, without <c>[DerivativeOf]</c> rules of its own, with one <c>return</c> at the end, no writable
/// <c>Span</c> parameter (so it cannot change the caller's arrays) and, for each <c>[NoDerivative]</c>
/// parameter, an argument that carries no derivative anyway. Anything its body does that lowering in
/// place cannot express undoes the attempt, and the call is reversed as a call.
/// </remarks>
internal sealed partial class BodyLowering
{
    /// <summary>Largest helper body (syntax nodes) inlined: beyond this a call's second primal is cheap next to its body.</summary>
    private const int MaxInlinedSyntaxNodes = 600;

    /// <summary>Helpers being inlined, innermost last: a helper calling itself is called, not inlined.</summary>
    private readonly HashSet<IMethodSymbol> _inlinedMethods = new(SymbolEqualityComparer.Default);

    /// <summary>How many loops enclose the statement being lowered.</summary>
    private int _loopDepth;

    private readonly bool _inlineHelpers;

    /// <summary>How many calls were lowered in place.</summary>
    public int InlinedCalls { get; private set; }

    /// <summary>Where the bodies of the inlined helpers are (sites there are the helpers' own analyses' to report).</summary>
    public List<Location> InlinedBodies { get; } = new();

    /// <summary>
    /// The helper's body lowered in place of <paramref name="invocation"/>, its statements appended to
    /// <paramref name="lift"/> and its result a fresh local; null when the call stays a call.
    /// </summary>
    private Expr? InlineCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        var callee = invocation.TargetMethod;
        if (!_inlineHelpers || lift is null || (_loopDepth == 0 && !invocation.Arguments.Any(a => IsJaggedRow(a.Value))) || !kind.IsFloating() || InlinedBody(callee, invocation) is not { } body) return null;
        if (LowerInPlace(invocation, body, kind, lift, undoOnProblems: true) is not int result) return null;
        InlinedCalls++;
        InlinedBodies.Add(body.Syntax.GetLocation());
        return new VariableExpr(result, kind);
    }

    /// <summary>
    /// Lowers <paramref name="body"/> (of the called method) in place of <paramref name="invocation"/>:
    /// parameters bound to the arguments, statements appended to <paramref name="into"/>, the returned
    /// value assigned to a fresh local of <paramref name="resultKind"/> (none for a void method).
    /// Returns that local (-1 for void); null when the parameters cannot be bound, or when the body has
    /// problems and <paramref name="undoOnProblems"/> says to undo the attempt (the call is made instead).
    /// </summary>
    private int? LowerInPlace(IInvocationOperation invocation, IBlockOperation body, ScalarKind? resultKind, List<Stmt> into, bool undoOnProblems)
    {
        var callee = invocation.TargetMethod;
        var checkpoint = Checkpoint();
        var statements = new List<Stmt>();
        var bound = new List<ISymbol>();
        // In F(x, F(y)) the inner call binds the same parameter symbols while the outer call's are bound:
        // whatever they meant before this call, they mean again after it.
        var outer = callee.Parameters.Select(p => (Parameter: p, Variable: _variableIndex.TryGetValue(p, out int v) ? v : (int?)null, View: _views.TryGetValue(p, out var w) ? w : null)).ToList();
        // Arguments first (they may call the same function: F(F(x)) is not recursion), then the body.
        bool bind = BindParameters(invocation, body, statements, bound);
        _inlinedMethods.Add(callee);
        int result = resultKind is { } kind ? AddSyntheticVariable(kind, callee.Name) : -1;
        if (bind)
        {
            var operations = body.Operations;
            var closing = operations.Length > 0 ? operations[operations.Length - 1] as IReturnOperation : null;
            for (int i = 0; i < operations.Length - (closing is null ? 0 : 1); i++) LowerStatement(operations[i], statements);
            if (closing?.ReturnedValue is { } returned && resultKind is { } returnedKind)
                statements.Add(new AssignStmt(result, Coerce(LowerValue(returned, statements), returnedKind, returned)));
        }
        _inlinedMethods.Remove(callee);
        // The helper's locals are its own: a second call gets fresh variables.
        foreach (var symbol in _variableIndex.Keys.Where(s => !checkpoint.Symbols.Contains(s)).ToList()) _variableIndex.Remove(symbol);
        foreach (var (parameter, variable, view) in outer)
        {
            _variableIndex.Remove(parameter);
            _views.Remove(parameter);
            if (variable is int previous) _variableIndex[parameter] = previous;
            if (view is not null) _views[parameter] = view;
        }
        if (!bind || (undoOnProblems && Problems.Count > checkpoint.Problems))
        {
            Rollback(checkpoint);
            return null;
        }
        into.AddRange(statements);
        return result;
    }

    /// <summary>The helper's body when the call may be inlined: a block ending in its only <c>return</c>.</summary>
    private IBlockOperation? InlinedBody(IMethodSymbol callee, IInvocationOperation invocation)
    {
        if (!callee.IsStatic || callee.IsGenericMethod || _inlinedMethods.Contains(callee) || invocation.SemanticModel is null
            || !SymbolFacts.HasAttribute(callee, SymbolFacts.DifferentiableAttribute) || RuleLookup.Find(callee, _cancellationToken) is not null
            || !SymbolFacts.KindOf(callee.ReturnType, _generic).IsFloating() || callee.DeclaringSyntaxReferences.Length != 1)
            return null;
        foreach (var parameter in callee.Parameters)
        {
            var (shape, parameterKind) = SymbolFacts.ShapeOf(parameter.Type, _generic);
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameterKind == ScalarKind.Other || shape == Shape.Span) return null;
        }
        if (callee.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax declaration
            || (declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody) is not { } syntax
            || syntax.DescendantNodes().Count() > MaxInlinedSyntaxNodes)
            return null;
        if (!_models.TryGetValue(syntax.SyntaxTree, out var model))
            _models[syntax.SyntaxTree] = model = invocation.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
        if (model.GetOperation(declaration, _cancellationToken) is not IMethodBodyOperation method
            || (method.BlockBody ?? method.ExpressionBody) is not { Operations.Length: > 0 } body
            || body.Operations[body.Operations.Length - 1] is not IReturnOperation { ReturnedValue: not null }
            || body.Descendants().Count(o => o is IReturnOperation) != 1
            || body.Descendants().Any(o => o is ILocalFunctionOperation or IAnonymousFunctionOperation))
            return null;
        return body;
    }

    /// <summary>
    /// Binds each parameter of the helper to its argument: a scalar to a fresh local assigned the
    /// argument's value, an array or span to a view of the caller's array. False when one cannot be.
    /// </summary>
    private bool BindParameters(IInvocationOperation invocation, IBlockOperation body, List<Stmt> into, List<ISymbol> bound)
    {
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.ParamArray) return false;
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            bool cut = SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute);
            var (shape, kind) = SymbolFacts.ShapeOf(parameter.Type, _generic);
            if (shape == Shape.Scalar)
            {
                // A [NoDerivative] parameter cuts the derivative: inlined, its argument must carry none.
                if (cut && kind.IsFloating() && !CarriesNoDerivative(value)) return false;
                var lowered = Coerce(LowerValue(argument.Value, into), kind, argument.Value);
                bound.Add(parameter);
                // A variable the helper only reads is used as itself: the helper cannot change the caller's
                // variables, and the caller's plan sees one variable, not a copy per call.
                if (lowered is VariableExpr same && !IsAssigned(body, parameter))
                {
                    _variableIndex[parameter] = same.Variable;
                    continue;
                }
                _variableIndex.Remove(parameter); // bound by an enclosing call of the same function: this call's copy is new
                into.Add(new AssignStmt(AddVariable(parameter, parameter.Name, kind, isParameter: false, differentiable: false), lowered));
                continue;
            }
            if (ArgumentView(value, into) is not { } view) return false;
            if (cut && _variables[view.Array] is not { IsParameter: true, IsDifferentiableParameter: false }) return false;
            _views[parameter] = view;
            bound.Add(parameter);
        }
        return true;
    }

    /// <summary>Whether the helper's body assigns <paramref name="parameter"/>.</summary>
    private static bool IsAssigned(IOperation body, IParameterSymbol parameter)
        => body.Descendants().Any(o => o switch
        {
            IAssignmentOperation assignment => assignment.Target.DescendantsAndSelf().Any(t => Names(t, parameter)), // x = .., x += .., (x, y) = ..
            IIncrementOrDecrementOperation step => Names(step.Target, parameter),
            _ => false,
        });

    private static bool Names(IOperation target, IParameterSymbol parameter)
        => target is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

    /// <summary>Whether a value certainly carries no derivative: made of literals, integers and parameters without one.</summary>
    private bool CarriesNoDerivative(IOperation value) => value.DescendantsAndSelf().All(o => o switch
    {
        _ when o.ConstantValue.HasValue => true,
        IParameterReferenceOperation p => _variableIndex.TryGetValue(p.Parameter, out int i) && _variables[i] is { IsParameter: true, IsDifferentiableParameter: false },
        ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation or IArrayElementReferenceOperation
            => !SymbolFacts.KindOf(o.Type, _generic).IsFloating() && o is not IInvocationOperation,
        _ => true,
    });

    // ---------------------------------------------------------------- undoing an attempt

    private sealed record LoweringCheckpoint(int Variables, int Problems, HashSet<ISymbol> Symbols, HashSet<ISymbol> Views);

    private LoweringCheckpoint Checkpoint()
        => new(_variables.Count, Problems.Count, new HashSet<ISymbol>(_variableIndex.Keys, SymbolEqualityComparer.Default), new HashSet<ISymbol>(_views.Keys, SymbolEqualityComparer.Default));

    /// <summary>Forgets everything an abandoned inlining added: its variables, their entries, its problems.</summary>
    private void Rollback(LoweringCheckpoint checkpoint)
    {
        int first = checkpoint.Variables;
        Problems.RemoveRange(checkpoint.Problems, Problems.Count - checkpoint.Problems);
        for (int i = first; i < _variables.Count; i++) _names.Remove(_variables[i].Name.TrimStart('@'));
        _variables.RemoveRange(first, _variables.Count - first);
        SyntheticVariables.RemoveWhere(i => i >= first);
        _pooled.RemoveWhere(i => i >= first);
        _refusedPooled.RemoveWhere(i => i >= first);
        _jaggedFlats.RemoveWhere(i => i >= first);
        _jaggedLocalFlats.RemoveWhere(i => i >= first);
        _refusedJaggedLocals.RemoveWhere(i => i >= first);
        foreach (var symbol in _multiArrays.Where(e => e.Value.Flat >= first).Select(e => e.Key).ToList()) _multiArrays.Remove(symbol);
        foreach (var key in _releasedAt.Keys.Where(i => i >= first).ToList()) _releasedAt.Remove(key);
        foreach (var symbol in _variableIndex.Where(e => e.Value >= first).Select(e => e.Key).ToList()) _variableIndex.Remove(symbol);
        foreach (var symbol in _views.Keys.Where(s => !checkpoint.Views.Contains(s)).ToList()) _views.Remove(symbol);
        foreach (var local in _tupleLocals.Where(e => e.Value.Any(i => i >= first)).Select(e => e.Key).ToList()) _tupleLocals.Remove(local);
        foreach (var local in _vectorLocals.Where(e => e.Value.Any(i => i >= first)).Select(e => e.Key).ToList()) _vectorLocals.Remove(local);
        foreach (var local in _complexLocals.Where(e => e.Value.Any(i => i >= first)).Select(e => e.Key).ToList()) _complexLocals.Remove(local);
    }
}
