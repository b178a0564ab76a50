using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Lowers a method body's <see cref="IOperation"/> tree to IR statements. Anything outside the
/// supported subset becomes a <see cref="FrontEndProblem"/> at its location, never an exception.
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, int> _variableIndex = new(SymbolEqualityComparer.Default);
    private readonly List<VariableInfo> _variables = new();
    private readonly HashSet<string> _names = new();
    private readonly Dictionary<ILabelSymbol, int> _loopByBreakLabel = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILabelSymbol, int> _loopByContinueLabel = new(SymbolEqualityComparer.Default);
    private int _nextLoopId;

    public BodyLowering(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public List<FrontEndProblem> Problems { get; } = new();

    /// <summary>Source locations referred to by <c>Site</c> fields of the IR, for diagnostics found after lowering.</summary>
    public List<Location> Sites { get; } = new();

    public IReadOnlyList<VariableInfo> Variables => _variables;

    public void AddParameter(IParameterSymbol parameter)
    {
        bool differentiable = SymbolFacts.IsDifferentiableParameter(parameter);
        AddVariable(parameter, parameter.Name, SymbolFacts.KindOf(parameter.Type), isParameter: true, differentiable);
    }

    public List<Stmt> LowerBody(IOperation body)
    {
        var statements = new List<Stmt>();
        LowerStatement(body, statements);
        return statements;
    }

    // ---------------------------------------------------------------- statements

    private void LowerStatement(IOperation operation, List<Stmt> into)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IBlockOperation block:
                foreach (var child in block.Operations) LowerStatement(child, into);
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                    foreach (var declarator in declaration.Declarators) LowerDeclarator(declarator, into);
                break;
            case IExpressionStatementOperation statement:
                LowerExpressionStatement(statement.Operation, into);
                break;
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }:
                into.Add(new ReturnStmt(LowerValue(value, into)));
                break;
            case IConditionalOperation conditional when conditional.Type is null:
                LowerIf(conditional, into);
                break;
            case IForLoopOperation forLoop:
                LowerFor(forLoop, into);
                break;
            case IWhileLoopOperation whileLoop:
                LowerWhile(whileLoop, into);
                break;
            case IBranchOperation branch:
                LowerBranch(branch, into);
                break;
            case IEmptyOperation:
                break;
            default:
                // Point at the keyword (switch, try, foreach, ...), not at the whole block.
                Problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, operation.Syntax.GetFirstToken().GetLocation(), Describe(operation)));
                break;
        }
    }

    private void LowerDeclarator(IVariableDeclaratorOperation declarator, List<Stmt> into)
    {
        var local = declarator.Symbol;
        var kind = SymbolFacts.KindOf(local.Type);
        if (kind == ScalarKind.Other || local.IsRef)
        {
            Report(ProblemKind.UnsupportedType, declarator, $"local '{local.Name}' of type '{local.Type.ToDisplayString()}'");
            return;
        }
        int index = AddVariable(local, local.Name, kind, isParameter: false, differentiable: false);
        var initializer = declarator.GetVariableInitializer() ?? declarator.Initializer;
        if (initializer is not null) into.Add(new AssignStmt(index, Coerce(LowerValue(initializer.Value, into), kind, initializer.Value)));
    }

    private void LowerExpressionStatement(IOperation operation, List<Stmt> into)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                if (TargetVariable(assignment.Target) is int target)
                    into.Add(new AssignStmt(target, Coerce(LowerValue(assignment.Value, into), _variables[target].Kind, assignment.Value)));
                break;
            case ICompoundAssignmentOperation compound:
                if (compound.OperatorMethod is not null)
                {
                    Report(ProblemKind.UnsupportedExpression, compound, "a user-defined compound operator");
                    break;
                }
                if (TargetVariable(compound.Target) is int compoundTarget && MapBinary(compound.OperatorKind, compound) is BinaryOp op)
                {
                    var kind = _variables[compoundTarget].Kind;
                    var right = LowerValue(compound.Value, into);
                    // C# evaluates x op= y in the wider of the two types, then narrows back to x's type.
                    var operationKind = Wider(kind, right.Kind);
                    var left = Coerce(new VariableExpr(compoundTarget, kind), operationKind, compound.Target, isImplicit: true);
                    var value = new BinaryExpr(op, left, Coerce(right, operationKind, compound.Value, isImplicit: true), operationKind);
                    into.Add(new AssignStmt(compoundTarget, Coerce(value, kind, compound, isImplicit: false)));
                }
                break;
            case IIncrementOrDecrementOperation increment:
                if (TargetVariable(increment.Target) is int incrementTarget)
                {
                    var kind = _variables[incrementTarget].Kind;
                    var step = increment.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
                    string one = kind.IsFloating() ? kind.Literal(1) : kind == ScalarKind.Long ? "1L" : "1";
                    into.Add(new AssignStmt(incrementTarget, new BinaryExpr(step, new VariableExpr(incrementTarget, kind), new LiteralExpr(one, kind), kind)));
                }
                break;
            default:
                Report(ProblemKind.UnsupportedStatement, operation, Describe(operation) + " used as a statement");
                break;
        }
    }

    private int? TargetVariable(IOperation target)
    {
        ISymbol? symbol = target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is not null && _variableIndex.TryGetValue(symbol, out int index)) return index;
        if (symbol is ILocalSymbol) return null; // its declaration was already reported
        string what = target switch
        {
            IFieldReferenceOperation field => $"field '{field.Field.Name}'",
            IPropertyReferenceOperation property => $"property '{property.Property.Name}'",
            IArrayElementReferenceOperation => "an array element",
            _ => Describe(target),
        };
        Report(ProblemKind.UnsupportedWrite, target, what);
        return null;
    }

    private void LowerIf(IConditionalOperation conditional, List<Stmt> into)
    {
        var condition = LowerCondition(conditional.Condition);
        var then = new List<Stmt>();
        LowerStatement(conditional.WhenTrue, then);
        var otherwise = new List<Stmt>();
        if (conditional.WhenFalse is not null) LowerStatement(conditional.WhenFalse, otherwise);
        into.Add(new IfStmt(condition, then.ToArray(), otherwise.ToArray()));
    }

    private void LowerFor(IForLoopOperation loop, List<Stmt> into)
    {
        foreach (var before in loop.Before) LowerStatement(before, into);
        int id = RegisterLoop(loop);
        var condition = loop.Condition is null ? null : LowerCondition(loop.Condition);
        var body = new List<Stmt>();
        LowerStatement(loop.Body, body);
        var increment = new List<Stmt>();
        foreach (var step in loop.AtLoopBottom) LowerStatement(step, increment);
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: false, body.ToArray(), increment.ToArray()));
    }

    private void LowerWhile(IWhileLoopOperation loop, List<Stmt> into)
    {
        int id = RegisterLoop(loop);
        Expr? condition = null;
        if (loop.Condition is not null)
        {
            condition = LowerCondition(loop.Condition);
            if (loop.ConditionIsUntil) condition = new UnaryExpr(UnaryOp.Not, condition, ScalarKind.Bool);
        }
        var body = new List<Stmt>();
        LowerStatement(loop.Body, body);
        into.Add(new LoopStmt(id, condition, ConditionAtEnd: !loop.ConditionIsTop, body.ToArray(), EquatableArray<Stmt>.Empty));
    }

    private int RegisterLoop(ILoopOperation loop)
    {
        int id = _nextLoopId++;
        _loopByBreakLabel[loop.ExitLabel] = id;
        _loopByContinueLabel[loop.ContinueLabel] = id;
        return id;
    }

    private void LowerBranch(IBranchOperation branch, List<Stmt> into)
    {
        if (branch.BranchKind == BranchKind.Break && _loopByBreakLabel.TryGetValue(branch.Target, out int breakLoop))
            into.Add(new BreakStmt(breakLoop));
        else if (branch.BranchKind == BranchKind.Continue && _loopByContinueLabel.TryGetValue(branch.Target, out int continueLoop))
            into.Add(new ContinueStmt(continueLoop));
        else
            Report(ProblemKind.UnsupportedStatement, branch, branch.BranchKind == BranchKind.GoTo ? "goto" : $"'{branch.BranchKind.ToString().ToLowerInvariant()}' outside a loop");
    }

    // ---------------------------------------------------------------- variables and helpers

    private int AddVariable(ISymbol symbol, string name, ScalarKind kind, bool isParameter, bool differentiable)
    {
        if (_variableIndex.TryGetValue(symbol, out int existing)) return existing;
        int index = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName(name), kind, isParameter, differentiable, IsActive: false));
        _variableIndex[symbol] = index;
        return index;
    }

    /// <summary>A fresh local for a lifted conditional expression.</summary>
    private int AddSyntheticVariable(ScalarKind kind)
    {
        int index = _variables.Count;
        _variables.Add(new VariableInfo(UniqueName("conditional"), kind, IsParameter: false, IsDifferentiableParameter: false, IsActive: false));
        return index;
    }

    // Locals are hoisted to the top of generated methods, so names from sibling scopes must differ.
    private string UniqueName(string name)
    {
        string candidate = name;
        for (int i = 1; !_names.Add(candidate); i++) candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    private int AddSite(IOperation operation)
    {
        Sites.Add(operation.Syntax.GetLocation());
        return Sites.Count - 1;
    }

    private void Report(ProblemKind kind, IOperation operation, string detail)
        => Problems.Add(new FrontEndProblem(kind, operation.Syntax.GetLocation(), detail));

    private static string Describe(IOperation operation)
    {
        // The head of the code only: up to a block or line break, at most 60 characters.
        string text = operation.Syntax.ToString();
        int cut = text.IndexOfAny(new[] { '{', '\n', '\r' });
        if (cut > 0) text = text.Substring(0, cut).TrimEnd() + " ...";
        if (text.Length > 60) text = text.Substring(0, 57) + "...";
        return $"{operation.Kind} '{text}'";
    }

    private static ScalarKind Wider(ScalarKind a, ScalarKind b)
    {
        if (a == ScalarKind.Double || b == ScalarKind.Double) return ScalarKind.Double;
        if (a == ScalarKind.Float || b == ScalarKind.Float) return ScalarKind.Float;
        if (a == ScalarKind.Long || b == ScalarKind.Long) return ScalarKind.Long;
        return a;
    }

    /// <summary>Wraps <paramref name="value"/> in a conversion to <paramref name="kind"/> when the types differ.</summary>
    private Expr Coerce(Expr value, ScalarKind kind, IOperation site, bool isImplicit = true)
        => value.Kind == kind ? value : new ConvertExpr(value, kind, kind.Keyword(), isImplicit, AddSite(site));
}
