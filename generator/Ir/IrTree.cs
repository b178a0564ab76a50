using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;

namespace DiffGen.Generator.Ir;

/// <summary>
/// Structural walks over the IR, written once for every analysis and check that only needs to visit
/// nodes (activity checks, array stability, recomputation plans, variable reads).
/// </summary>
public static class IrTree
{
    /// <summary>The direct sub-expressions of <paramref name="expr"/>.</summary>
    public static IEnumerable<Expr> Children(Expr expr) => expr switch
    {
        UnaryExpr u => new[] { u.Operand },
        BinaryExpr b => new[] { b.Left, b.Right },
        ConvertExpr c => new[] { c.Operand },
        ConditionalExpr c => new[] { c.Condition, c.WhenTrue, c.WhenFalse },
        ElementExpr e => new[] { e.Index },
        PrimitiveCallExpr p => p.Arguments,
        UserCallExpr u => u.Arguments,
        RuleCallExpr r => r.Arguments,
        OpaqueCallExpr o => o.Arguments,
        ArrayRefExpr { Start: { } start } a => a.Length is { } length ? new[] { start, length } : new[] { start },
        _ => Enumerable.Empty<Expr>(),
    };

    /// <summary><paramref name="expr"/> and all its sub-expressions, parents first.</summary>
    public static IEnumerable<Expr> SelfAndDescendants(Expr expr)
    {
        yield return expr;
        foreach (var child in Children(expr))
            foreach (var descendant in SelfAndDescendants(child)) yield return descendant;
    }

    /// <summary>The expressions a statement holds directly (not those of nested statements).</summary>
    public static IEnumerable<Expr> Expressions(Stmt statement) => statement switch
    {
        AssignStmt a => new[] { a.Value },
        StoreStmt s => new[] { s.Index, s.Value },
        AllocateStmt a => new[] { a.Length },
        ReturnStmt { Value: { } value } => new[] { value },
        RuleCallStmt c => c.Arguments,
        EffectStmt e => new[] { e.Call },
        IfStmt i => new[] { i.Condition },
        LoopStmt { Condition: { } condition } => new[] { condition },
        _ => Enumerable.Empty<Expr>(),
    };

    /// <summary>The statements nested directly in <paramref name="statement"/> (branches, loop body and increment).</summary>
    public static IEnumerable<Stmt> Nested(Stmt statement) => statement switch
    {
        IfStmt i => i.Then.Concat(i.Else),
        LoopStmt l => l.Body.Concat(l.Increment),
        _ => Enumerable.Empty<Stmt>(),
    };

    /// <summary>Every statement of <paramref name="statements"/>, nested ones included, in program order.</summary>
    public static IEnumerable<Stmt> AllStatements(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            foreach (var nested in AllStatements(Nested(statement))) yield return nested;
        }
    }

    /// <summary>Every expression, at any depth, of the statements (nested statements included).</summary>
    public static IEnumerable<Expr> AllExpressions(IEnumerable<Stmt> statements)
        => AllStatements(statements).SelectMany(Expressions).SelectMany(SelfAndDescendants);

    /// <summary>The variables (scalars and arrays) an expression reads.</summary>
    public static HashSet<int> VariablesRead(Expr expr)
    {
        var read = new HashSet<int>();
        foreach (var node in SelfAndDescendants(expr))
        {
            switch (node)
            {
                case VariableExpr v: read.Add(v.Variable); break;
                case ElementExpr e: read.Add(e.Variable); break;
                case LengthExpr l: read.Add(l.Variable); break;
                case ArrayRefExpr a: read.Add(a.Variable); break;
            }
        }
        return read;
    }

    /// <summary>
    /// Whether <paramref name="expr"/> is arithmetic that cannot throw: variables, literals, lengths,
    /// conversions, negation, +, - and * (no division, element access or call). Such an expression can
    /// be evaluated again, or earlier, than the source does without changing what the program does.
    /// </summary>
    public static bool CannotThrow(Expr expr) => expr switch
    {
        LiteralExpr or VariableExpr or LengthExpr => true,
        UnaryExpr { Op: UnaryOp.Negate or UnaryOp.Plus } u => CannotThrow(u.Operand),
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply } b => CannotThrow(b.Left) && CannotThrow(b.Right),
        ConvertExpr c => CannotThrow(c.Operand),
        _ => false,
    };
}
