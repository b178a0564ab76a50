using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Activity analysis: which variables and expressions can carry a derivative, i.e. depend on a
/// differentiable parameter through floating-point operations. Inactive code gets no derivative code
/// at all. The analysis is flow-insensitive (a variable is active if any assignment makes it so),
/// which is conservative and cheap.
/// </summary>
public static class Activity
{
    /// <summary>Computes the active flag of every variable by a fixpoint over all assignments.</summary>
    public static bool[] ActiveVariables(IReadOnlyList<VariableInfo> variables, EquatableArray<Stmt> body)
    {
        var active = new bool[variables.Count];
        for (int i = 0; i < variables.Count; i++) active[i] = variables[i].IsDifferentiableParameter;
        var writes = Writes(body);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (variable, value) in writes)
            {
                if (active[variable] || !variables[variable].Kind.IsFloating()) continue;
                if (IsActive(value, active))
                {
                    active[variable] = true;
                    changed = true;
                }
            }
        }
        return active;
    }

    /// <summary>Whether <paramref name="expr"/> carries a derivative, given the active variables.</summary>
    public static bool IsActive(Expr expr, IReadOnlyList<bool> activeVariables)
    {
        if (!expr.Kind.IsFloating()) return false;
        switch (expr)
        {
            case VariableExpr v: return activeVariables[v.Variable];
            case ElementExpr e: return activeVariables[e.Variable];
            case UnaryExpr u: return IsActive(u.Operand, activeVariables);
            case BinaryExpr b: return IsActive(b.Left, activeVariables) || IsActive(b.Right, activeVariables);
            case ConvertExpr c: return IsActive(c.Operand, activeVariables);
            case ConditionalExpr c: return IsActive(c.WhenTrue, activeVariables) || IsActive(c.WhenFalse, activeVariables);
            case PrimitiveCallExpr p:
                if (PrimitiveRegistry.Rule(p.Primitive).ZeroDerivative) return false;
                for (int i = 0; i < PrimitiveRegistry.Rule(p.Primitive).Arity; i++)
                    if (IsActive(p.Arguments[i], activeVariables)) return true;
                return false;
            case ArrayRefExpr a: return activeVariables[a.Variable];
            case RuleCallExpr rule: return AnyActiveInput(rule.Rule, rule.Arguments, activeVariables);
            case UserCallExpr call:
                for (int i = 0; i < call.Arguments.Count; i++)
                    if (call.Callee.Differentiable[i] && IsActive(call.Arguments[i], activeVariables)) return true;
                return false;
            default:
                return false; // literals, static values, opaque calls (checked by the front end)
        }
    }

    /// <summary>Every (variable, value) written: assignments to scalars and stores into arrays.</summary>
    /// <summary>Whether any input argument of a rule-backed call carries a derivative.</summary>
    public static bool AnyActiveInput(RuleInfo rule, EquatableArray<Expr> arguments, IReadOnlyList<bool> activeVariables)
    {
        for (int i = 0; i < arguments.Count; i++)
            if (rule.Roles[i] == ArgumentRole.Input && IsActive(arguments[i], activeVariables)) return true;
        return false;
    }

    /// <summary>
    /// Every (variable, value) the method writes, nested statements included: scalar assignments, element
    /// stores, and each output of a rule-backed call (whose value is the call: it depends on all inputs).
    /// </summary>
    public static List<(int Variable, Expr Value)> Writes(EquatableArray<Stmt> body)
        => Ir.Writes.Within(body).Where(w => w.Value is not null).Select(w => (w.Variable, w.Value!)).ToList();

    /// <summary>
    /// Variables whose value can change after it is first set: arrays stored into, parameters assigned,
    /// and locals assigned more than once or inside a branch or loop. A local assigned once at the top
    /// level is a constant from then on (C#'s definite assignment rules out earlier reads), so a value
    /// loaded from a variable outside this set can be loaded again in the adjoint sweep instead of recorded.
    /// </summary>
    public static bool[] WrittenVariables(IReadOnlyList<VariableInfo> variables, EquatableArray<Stmt> body)
    {
        var written = new bool[variables.Count];
        var assignments = new int[variables.Count];
        void Visit(EquatableArray<Stmt> statements, bool nested)
        {
            foreach (var statement in statements)
            {
                foreach (var write in Ir.Writes.Of(statement))
                {
                    if (write.Kind is WriteKind.Store or WriteKind.CallOutput or WriteKind.Clear) written[write.Variable] = true;
                    if (write.Kind != WriteKind.Assign) continue;
                    assignments[write.Variable]++;
                    if (nested || variables[write.Variable].IsParameter || assignments[write.Variable] > 1) written[write.Variable] = true;
                }
                Visit(new EquatableArray<Stmt>(IrTree.Nested(statement).ToArray()), true);
            }
        }
        Visit(body, false);
        return written;
    }
}
