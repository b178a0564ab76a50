using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>Renders IR expressions back to C# that computes their value (no derivatives).</summary>
internal static class PrimalRenderer
{
    /// <summary>Renders <paramref name="expr"/>; <paramref name="name"/> gives each variable's identifier.</summary>
    public static string Render(Expr expr, Func<int, string> name) => expr switch
    {
        LiteralExpr l => l.Code.StartsWith("-", StringComparison.Ordinal) ? "(" + l.Code + ")" : l.Code,
        VariableExpr v => name(v.Variable),
        ElementExpr e => name(e.Variable) + "[" + RenderTop(e.Index, name) + "]",
        LengthExpr l => name(l.Variable) + ".Length",
        ArrayRefExpr { Start: null } a => name(a.Variable),
        ArrayRefExpr a => SliceSyntax.OfPrimal(name(a.Variable), a.OnArray, RenderTop(a.Start, name), a.Length is null ? null : RenderTop(a.Length, name)),
        RuleCallExpr r => r.Rule.Target + "(" + Arguments(r.Arguments, name) + ")",
        OpaqueValueExpr o => o.Code,
        UnaryExpr u => "(" + UnaryToken(u.Op) + Render(u.Operand, name) + ")",
        BinaryExpr b => "(" + Render(b.Left, name) + " " + BinaryToken(b.Op) + " " + Render(b.Right, name) + ")",
        ConvertExpr c => "((" + c.TypeName + ")" + Render(c.Operand, name) + ")",
        ConditionalExpr c => "(" + Render(c.Condition, name) + " ? " + Render(c.WhenTrue, name) + " : " + Render(c.WhenFalse, name) + ")",
        PrimitiveCallExpr p => p.Target + "(" + Arguments(p.Arguments, name) + ")",
        UserCallExpr u => u.Callee.Target + "(" + Arguments(u.Arguments, name) + ")",
        OpaqueCallExpr o => o.Target + "(" + Arguments(o.Arguments, name) + ")",
        _ => throw new InvalidOperationException("Unknown IR expression " + expr.GetType().Name),
    };

    /// <summary>Like <see cref="Render"/> without the outermost parentheses, for statement positions.</summary>
    public static string RenderTop(Expr expr, Func<int, string> name) => StripParentheses(Render(expr, name));

    public static string StripParentheses(string code)
    {
        if (code.Length < 2 || code[0] != '(' || code[code.Length - 1] != ')') return code;
        int depth = 0;
        for (int i = 0; i < code.Length; i++)
        {
            if (code[i] == '(') depth++;
            else if (code[i] == ')') depth--;
            if (depth == 0 && i < code.Length - 1) return code; // the first parenthesis closes early: "(a) + (b)"
        }
        return code.Substring(1, code.Length - 2);
    }

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
