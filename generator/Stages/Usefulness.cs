using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The backward half of activity analysis: which variables can influence the result through a
/// differentiable path (arithmetic, primitives, calls' differentiable arguments). Comparisons, indices,
/// integer conversions and zero-derivative primitives carry no derivative, so a parameter that reaches
/// the result only through them always gets a zero gradient.
/// </summary>
public static class Usefulness
{
    /// <summary>Per variable: whether a derivative can flow from it to the result (or to an output).</summary>
    public static bool[] UsefulVariables(IReadOnlyList<VariableInfo> variables, EquatableArray<Stmt> body)
    {
        var useful = new bool[variables.Count];
        for (int i = 0; i < variables.Count; i++) useful[i] = variables[i].IsOutput;
        foreach (var statement in IrTree.AllStatements(body))
            if (statement is ReturnStmt { Value: { } value }) MarkDataSources(value, useful);
        var writes = Activity.Writes(body);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (target, value) in writes)
            {
                if (!useful[target]) continue;
                var before = (bool[])useful.Clone();
                MarkDataSources(value, useful);
                for (int i = 0; i < useful.Length; i++) changed |= useful[i] != before[i];
            }
        }
        return useful;
    }

    /// <summary>The variables whose derivative flows into <paramref name="expr"/>'s value (none past a cut).</summary>
    public static bool[] DataSources(Expr expr, int variableCount)
    {
        var sources = new bool[variableCount];
        MarkDataSources(expr, sources);
        return sources;
    }

    /// <summary>
    /// Per variable: whether its value can influence the result at all, through data (indices, integer
    /// values, cuts included) or through control (any condition is taken to matter). The site checks use
    /// it so that a cut whose value goes nowhere is not reported.
    /// </summary>
    public static bool[] InfluencingVariables(IReadOnlyList<VariableInfo> variables, EquatableArray<Stmt> body)
    {
        var influencing = new bool[variables.Count];
        for (int i = 0; i < variables.Count; i++) influencing[i] = variables[i].IsOutput;
        void MarkRead(Expr expr)
        {
            foreach (int read in IrTree.VariablesRead(expr)) influencing[read] = true;
        }
        foreach (var statement in IrTree.AllStatements(body))
        {
            switch (statement)
            {
                case ReturnStmt { Value: { } value }: MarkRead(value); break;
                case IfStmt i: MarkRead(i.Condition); break;
                case LoopStmt { Condition: { } condition }: MarkRead(condition); break;
            }
        }
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var statement in IrTree.AllStatements(body))
            {
                if (!WritesInfluencing(statement, influencing)) continue;
                foreach (var expr in IrTree.Expressions(statement))
                    foreach (int read in IrTree.VariablesRead(expr))
                        if (!influencing[read]) influencing[read] = changed = true;
            }
        }
        return influencing;
    }

    /// <summary>Whether <paramref name="statement"/> writes a variable that influences the result (returns and conditions always do).</summary>
    public static bool WritesInfluencing(Stmt statement, IReadOnlyList<bool> influencing)
        => statement is not (AssignStmt or StoreStmt or AllocateStmt or ClearStmt or RuleCallStmt) || Writes.Of(statement).Any(w => influencing[w.Variable]);

    /// <summary>Marks the variables whose derivative flows into <paramref name="expr"/>'s value.</summary>
    private static void MarkDataSources(Expr expr, bool[] useful)
    {
        if (!expr.Kind.IsFloating()) return;
        switch (expr)
        {
            case VariableExpr v: useful[v.Variable] = true; break;
            case ElementExpr e: useful[e.Variable] = true; break;
            case ArrayRefExpr a: useful[a.Variable] = true; break;
            case UnaryExpr u: MarkDataSources(u.Operand, useful); break;
            case BinaryExpr b: MarkDataSources(b.Left, useful); MarkDataSources(b.Right, useful); break;
            case ConvertExpr c: MarkDataSources(c.Operand, useful); break;
            case ConditionalExpr c: MarkDataSources(c.WhenTrue, useful); MarkDataSources(c.WhenFalse, useful); break;
            case PrimitiveCallExpr p when !PrimitiveRegistry.Rule(p.Primitive).ZeroDerivative:
                for (int i = 0; i < PrimitiveRegistry.Rule(p.Primitive).Arity; i++) MarkDataSources(p.Arguments[i], useful);
                break;
            case UserCallExpr call:
                for (int i = 0; i < call.Arguments.Count; i++)
                    if (call.Callee.Differentiable[i]) MarkDataSources(call.Arguments[i], useful);
                break;
            case RuleCallExpr rule:
                for (int i = 0; i < rule.Arguments.Count; i++)
                    if (rule.Rule.Roles[i] == ArgumentRole.Input) MarkDataSources(rule.Arguments[i], useful);
                break;
        }
    }
}
