using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The arrays passed to rule-backed calls that change before the adjoint sweep reaches the call's
/// pullback, which reads them: an input written at or after the top-level statement holding the call
/// (later in the method, or in a later iteration of a loop), or an output written again after the call
/// or by the same call in a later iteration. Reverse mode saves such an argument at the call (one block
/// copy onto the tape of its element type) and restores it just before the pullback.
/// </summary>
public static class UnstableArrayArguments
{
    /// <summary>Argument <paramref name="Index"/> of the call at <paramref name="Site"/>, an array or slice of <paramref name="Variable"/>.</summary>
    public readonly record struct Argument(int Site, int Index, int Variable, bool IsOutput);

    /// <summary>One call of a rule-backed method: where it stands, what it calls, with what.</summary>
    public readonly record struct Use(int TopLevelIndex, RuleInfo Rule, EquatableArray<Expr> Arguments, int Site);

    private sealed record ArrayWrite(int TopLevelIndex, bool ByCall, bool Nested);

    /// <summary>Every unstable array argument of <paramref name="body"/>.</summary>
    public static List<Argument> Find(EquatableArray<Stmt> body) => Find(body, out _);

    /// <summary>Every unstable array argument of <paramref name="body"/>, and every call of a rule-backed method.</summary>
    public static List<Argument> Find(EquatableArray<Stmt> body, out List<Use> calls)
    {
        var writes = new Dictionary<int, List<ArrayWrite>>();
        var uses = new List<Use>();

        void Record(int variable, ArrayWrite write)
        {
            if (!writes.TryGetValue(variable, out var list)) writes[variable] = list = new List<ArrayWrite>();
            list.Add(write);
        }

        void VisitExpr(Expr expr, int top)
        {
            foreach (var node in IrTree.SelfAndDescendants(expr))
                if (node is RuleCallExpr call) uses.Add(new Use(top, call.Rule, call.Arguments, call.Site));
        }

        void Visit(EquatableArray<Stmt> statements, int top, bool nested)
        {
            for (int i = 0; i < statements.Count; i++)
            {
                int index = nested ? top : i;
                foreach (var write in Writes.Of(statements[i]))
                    if (write.Kind is WriteKind.Store or WriteKind.CallOutput or WriteKind.Clear)
                        Record(write.Variable, new ArrayWrite(index, ByCall: write.Kind == WriteKind.CallOutput, nested));
                switch (statements[i])
                {
                    case AssignStmt a: VisitExpr(a.Value, index); break;
                    case ReturnStmt { Value: { } returned }: VisitExpr(returned, index); break;
                    case StoreStmt s:
                        VisitExpr(s.Index, index);
                        VisitExpr(s.Value, index);
                        break;
                    case RuleCallStmt call:
                        uses.Add(new Use(index, call.Rule, call.Arguments, call.Site));
                        foreach (var argument in call.Arguments) VisitExpr(argument, index);
                        break;
                    case IfStmt c: VisitExpr(c.Condition, index); Visit(c.Then, index, true); Visit(c.Else, index, true); break;
                    case LoopStmt l:
                        if (l.Condition is not null) VisitExpr(l.Condition, index);
                        Visit(l.Body, index, true);
                        Visit(l.Increment, index, true);
                        break;
                }
            }
        }

        Visit(body, 0, false);

        var unstable = new List<Argument>();
        foreach (var (top, rule, arguments, site) in uses)
        {
            for (int k = 0; k < arguments.Count; k++)
            {
                if (arguments[k] is not ArrayRefExpr array) continue;
                var all = writes.TryGetValue(array.Variable, out var list) ? list : new List<ArrayWrite>();
                bool output = rule.Roles[k] == ArgumentRole.Output;
                // An output: this call is its only write from here on, and it does not repeat. An input: no
                // write from here on but this call's own outputs.
                bool stable = output
                    ? all.Count(w => w.TopLevelIndex >= top) == 1 && !all.Single(w => w.TopLevelIndex >= top).Nested
                    : !all.Any(w => w.TopLevelIndex >= top && !(w.ByCall && w.TopLevelIndex == top && IsOutputOf(arguments, rule, array.Variable)));
                if (!stable) unstable.Add(new Argument(site, k, array.Variable, output));
            }
        }
        calls = uses;
        return unstable;
    }

    /// <summary>Whether <paramref name="variable"/> is an output of the call with these arguments.</summary>
    public static bool IsOutputOf(EquatableArray<Expr> arguments, RuleInfo rule, int variable)
    {
        for (int j = 0; j < arguments.Count; j++)
            if (rule.Roles[j] == ArgumentRole.Output && arguments[j] is ArrayRefExpr output && output.Variable == variable) return true;
        return false;
    }
}
