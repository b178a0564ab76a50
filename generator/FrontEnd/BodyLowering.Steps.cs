using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// <c>i++</c>, <c>++i</c>, <c>i--</c> and <c>--i</c> inside an expression (<c>a[i++]</c>), on an integer
/// local or parameter that the statement reads nowhere else: the step runs just before the statement,
/// the expression reads the value C# gives it. A variable read elsewhere in the same statement would see
/// the step at another time than in C#, so that stays refused.
/// </summary>
internal sealed partial class BodyLowering
{
    private Expr? InlineStep(IIncrementOrDecrementOperation step, List<Stmt> lift)
    {
        ISymbol? symbol = step.Target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null || !_variableIndex.TryGetValue(symbol, out int variable) || _variables[variable].Kind is not (ScalarKind.Int or ScalarKind.Long)
            || _variables[variable].Member is not null || ReadsInStatement(step, symbol) != 1)
            return null;
        var kind = _variables[variable].Kind;
        string one = kind == ScalarKind.Long ? "1L" : "1";
        var next = new BinaryExpr(step.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract, new VariableExpr(variable, kind), new LiteralExpr(one, kind), kind);
        if (!step.IsPostfix)
        {
            lift.Add(new AssignStmt(variable, next));
            return new VariableExpr(variable, kind);
        }
        int before = AddSyntheticVariable(kind, "stepped");
        lift.Add(new AssignStmt(before, new VariableExpr(variable, kind)));
        lift.Add(new AssignStmt(variable, next));
        return new VariableExpr(before, kind);
    }

    /// <summary>How many times the statement holding <paramref name="operation"/> names <paramref name="symbol"/>.</summary>
    private static int ReadsInStatement(IOperation operation, ISymbol symbol)
    {
        var statement = operation;
        while (statement.Parent is { } parent && parent is not (IBlockOperation or IMethodBodyOperation) && !IsStatement(parent)) statement = parent;
        if (statement.Parent is { } holder && IsStatement(holder)) statement = holder;
        return statement.DescendantsAndSelf().Count(o => o switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
            _ => false,
        });
    }

    private static bool IsStatement(IOperation operation)
        => operation is IExpressionStatementOperation or IVariableDeclarationGroupOperation or IReturnOperation;
}
