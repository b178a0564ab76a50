using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>Renders IR expressions back to C# that computes their value (no derivatives).</summary>
internal static class PrimalRenderer
{
    /// <summary>Renders <paramref name="expr"/> as an operand; <paramref name="name"/> gives each variable's identifier.</summary>
    public static string Render(Expr expr, Func<int, string> name) => RenderCode(expr, name).Operand;

    /// <summary>Like <see cref="Render"/> without the outermost parentheses, for statement positions.</summary>
    public static string RenderTop(Expr expr, Func<int, string> name) => RenderCode(expr, name).Statement;

    /// <summary><paramref name="expr"/> in both forms: composite expressions are parenthesized as operands.</summary>
    public static Code RenderCode(Expr expr, Func<int, string> name) => expr switch
    {
        LiteralExpr l when IsNegative(l) => Code.Composite(l.Code),
        UnaryExpr or BinaryExpr or ConvertExpr or ConditionalExpr => Code.Composite(Inner(expr, name)),
        _ => Code.Atom(Inner(expr, name)),
    };

    /// <summary>A literal the front end wrote with a leading minus sign.</summary>
    private static bool IsNegative(LiteralExpr literal) => literal.Code.Length > 0 && literal.Code[0] == '-';

    private static string Inner(Expr expr, Func<int, string> name) => expr switch
    {
        LiteralExpr l => l.Code,
        VariableExpr v => name(v.Variable),
        ElementExpr e => name(e.Variable) + "[" + RenderTop(e.Index, name) + "]",
        LengthExpr l => name(l.Variable) + ".Length",
        ArrayRefExpr { Start: null } a => name(a.Variable),
        ArrayRefExpr a => SliceSyntax.OfPrimal(name(a.Variable), a.OnArray, RenderTop(a.Start, name), a.Length is null ? null : RenderTop(a.Length, name)),
        RuleCallExpr r => r.Rule.Target + "(" + Arguments(r.Rule.PrimalArguments(r.Arguments), name) + ")",
        OpaqueValueExpr o => o.Code,
        UnaryExpr u => UnaryToken(u.Op) + Render(u.Operand, name),
        BinaryExpr b => Render(b.Left, name) + " " + BinaryToken(b.Op) + " " + Render(b.Right, name),
        ConvertExpr c => "(" + c.TypeName + ")" + Render(c.Operand, name),
        ConditionalExpr c => Render(c.Condition, name) + " ? " + Render(c.WhenTrue, name) + " : " + Render(c.WhenFalse, name),
        PrimitiveCallExpr p => p.Target + "(" + Arguments(p.Arguments, name) + ")",
        UserCallExpr u => u.Callee.Target + "(" + Arguments(u.Arguments, name) + ")",
        OpaqueCallExpr o => o.Target + "(" + Arguments(o.Arguments, name) + ")",
        _ => throw new InvalidOperationException("Unknown IR expression " + expr.GetType().Name),
    };

    /// <summary>An effect statement: the call, or <c>throw</c> and the exception's construction.</summary>
    public static string RenderEffect(EffectStmt effect, Func<int, string> name)
        => (effect.Throws ? "throw " : "") + RenderTop(effect.Call, name) + ";";

    private static string Arguments(IEnumerable<Expr> arguments, Func<int, string> name)
        => string.Join(", ", arguments.Select(a => RenderTop(a, name)));

    public static string UnaryToken(UnaryOp op) => op switch
    {
        UnaryOp.Negate => "-",
        UnaryOp.Plus => "+",
        UnaryOp.Not => "!",
        _ => "~",
    };

    public static string BinaryToken(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Remainder => "%",
        BinaryOp.Equal => "==",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.ConditionalAnd => "&&",
        BinaryOp.ConditionalOr => "||",
        BinaryOp.And => "&",
        BinaryOp.Or => "|",
        _ => "^",
    };
}
