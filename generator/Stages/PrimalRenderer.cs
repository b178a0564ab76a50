using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Renders IR expressions back to C# that computes their value (no derivatives). Under a dual
/// <see cref="ScalarSpelling"/> the expressions are passive ones over dual numbers of tangent zero:
/// floating conversions name the dual type, and library calls take the values (<c>(double)x</c>).
/// </summary>
internal static class PrimalRenderer
{
    /// <summary>Renders <paramref name="expr"/> as an operand; <paramref name="name"/> gives each variable's identifier.</summary>
    public static string Render(Expr expr, Func<int, string> name, ScalarSpelling? spelling = null) => RenderCode(expr, name, spelling).Operand;

    /// <summary>Like <see cref="Render"/> without the outermost parentheses, for statement positions.</summary>
    public static string RenderTop(Expr expr, Func<int, string> name, ScalarSpelling? spelling = null) => RenderCode(expr, name, spelling).Statement;

    /// <summary><paramref name="expr"/> in both forms: composite expressions are parenthesized as operands.</summary>
    public static Code RenderCode(Expr expr, Func<int, string> name, ScalarSpelling? spelling = null) => expr switch
    {
        LiteralExpr l when IsNegative(l) => Code.Composite(l.Code),
        UnaryExpr or BinaryExpr or ConvertExpr or ConditionalExpr => Code.Composite(Inner(expr, name, spelling)),
        _ => Code.Atom(Inner(expr, name, spelling)),
    };

    /// <summary>A literal the front end wrote with a leading minus sign.</summary>
    private static bool IsNegative(LiteralExpr literal) => literal.Code.Length > 0 && literal.Code[0] == '-';

    private static string Inner(Expr expr, Func<int, string> name, ScalarSpelling? spelling) => expr switch
    {
        LiteralExpr l => l.Code,
        VariableExpr v => name(v.Variable),
        ElementExpr e => name(e.Variable) + "[" + RenderTop(e.Index, name, spelling) + "]",
        LengthExpr l => name(l.Variable) + ".Length",
        ArrayRefExpr { Start: null } a => name(a.Variable),
        ArrayRefExpr a => SliceSyntax.OfPrimal(name(a.Variable), a.OnArray, RenderTop(a.Start, name, spelling), a.Length is null ? null : RenderTop(a.Length, name, spelling)),
        RuleCallExpr r => (spelling ?? ScalarSpelling.Primal).RuleTarget(r.Rule) + "(" + Arguments(r.Rule.PrimalArguments(r.Arguments), name, spelling) + ")",
        OpaqueValueExpr o => o.Code,
        UnaryExpr u => UnaryToken(u.Op) + Render(u.Operand, name, spelling),
        BinaryExpr b => Render(b.Left, name, spelling) + " " + BinaryToken(b.Op) + " " + Render(b.Right, name, spelling),
        ConvertExpr c => "(" + (spelling is { IsDual: true } && c.Kind.IsFloating() ? spelling.Keyword(c.Kind) : c.TypeName) + ")" + Render(c.Operand, name, spelling),
        ConditionalExpr c => Render(c.Condition, name, spelling) + " ? " + Render(c.WhenTrue, name, spelling) + " : " + Render(c.WhenFalse, name, spelling),
        PrimitiveCallExpr p when spelling is { IsDual: true } && p.Kind.IsFloating()
            => spelling.DualCall(p.Primitive, p.Kind, MethodName(p.Target), p.Arguments.Select(a => RenderTop(a, name, spelling))),
        PrimitiveCallExpr p => p.Target + "(" + Arguments(p.Arguments, name, spelling) + ")",
        UserCallExpr u => u.Callee.Target + "(" + Arguments(u.Arguments, name, spelling) + ")",
        OpaqueCallExpr o => o.Target + "(" + Arguments(o.Arguments, name, spelling) + ")",
        _ => throw new InvalidOperationException("Unknown IR expression " + expr.GetType().Name),
    };

    /// <summary>The method's name in a call target: <c>Exp</c> of <c>global::System.Math.Exp</c>.</summary>
    public static string MethodName(string target) => target.Substring(target.LastIndexOf('.') + 1);

    /// <summary>An effect statement: the call, or <c>throw</c> and the exception's construction.</summary>
    public static string RenderEffect(EffectStmt effect, Func<int, string> name, ScalarSpelling? spelling = null)
        => (effect.Throws ? "throw " : "") + RenderTop(effect.Call, name, spelling) + ";";

    /// <summary>A call's arguments; under a dual spelling a floating scalar argument passes its value (its tangent is zero here).</summary>
    private static string Arguments(IEnumerable<Expr> arguments, Func<int, string> name, ScalarSpelling? spelling)
        => string.Join(", ", arguments.Select(a => spelling is { IsDual: true } && a.Kind.IsFloating() && a is not ArrayRefExpr
            ? "(" + a.Kind.Keyword() + ")" + Render(a, name, spelling)
            : RenderTop(a, name, spelling)));

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
