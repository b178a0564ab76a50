using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Arrays passed whole to a rule-backed call must still hold, when the adjoint sweep runs the call's
/// pullback, what they held at the call: nothing may write an input array at or after the top-level
/// statement holding the call, nothing may write a call's output after it, and a call with outputs may
/// not run in a loop (its pullback may read its outputs). Outputs must not alias inputs of the call.
/// </summary>
internal static class ArrayArgumentCheck
{
    private sealed record ArrayWrite(int TopLevelIndex, bool ByCall, bool Nested);

    public static void Run(EquatableArray<Stmt> body, IReadOnlyList<VariableInfo> variables, List<Location> sites, List<FrontEndProblem> problems)
    {
        var writes = new Dictionary<int, List<ArrayWrite>>();
        var uses = new List<(int TopLevelIndex, RuleInfo Rule, EquatableArray<Expr> Arguments, int Site)>();

        void Record(int variable, ArrayWrite write)
        {
            if (!writes.TryGetValue(variable, out var list)) writes[variable] = list = new List<ArrayWrite>();
            list.Add(write);
        }

        void VisitExpr(Expr expr, int top)
        {
            foreach (var node in IrTree.SelfAndDescendants(expr))
                if (node is RuleCallExpr call) uses.Add((top, call.Rule, call.Arguments, call.Site));
        }

        void Visit(EquatableArray<Stmt> statements, int top, bool nested)
        {
            for (int i = 0; i < statements.Count; i++)
            {
                int index = nested ? top : i;
                foreach (var write in Writes.Of(statements[i]))
                    if (write.Kind is WriteKind.Store or WriteKind.CallOutput)
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
                        uses.Add((index, call.Rule, call.Arguments, call.Site));
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

        foreach (var (top, rule, arguments, site) in uses)
        {
            for (int k = 0; k < arguments.Count; k++)
            {
                if (arguments[k] is not ArrayRefExpr array) continue;
                string name = Identifiers.Bare(variables[array.Variable].Name);
                var all = writes.TryGetValue(array.Variable, out var list) ? list : new List<ArrayWrite>();
                if (rule.Roles[k] == ArgumentRole.Output)
                {
                    // A pullback may read its outputs: after the call, nothing else may write them.
                    bool onlyEarlierWrites = all.Count(w => w.TopLevelIndex >= top) == 1 && !all.Single(w => w.TopLevelIndex >= top).Nested;
                    if (!onlyEarlierWrites)
                        problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{name}', the output of '{Short(rule.Target)}', is written again after the call, or the call runs in a loop; give each call its own output array, written by nothing after it"));
                    continue;
                }
                for (int j = 0; j < arguments.Count; j++)
                {
                    if (rule.Roles[j] == ArgumentRole.Output && arguments[j] is ArrayRefExpr output && output.Variable == array.Variable)
                        problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{name}' is both an input and an output of '{Short(rule.Target)}'; use a separate output array"));
                }
                if (all.Any(w => w.TopLevelIndex >= top && !(w.ByCall && w.TopLevelIndex == top && IsOutputOf(arguments, rule, array.Variable))))
                    problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{name}', passed to '{Short(rule.Target)}', is written at or after the call; the pullback needs the values it had at the call: finish writing an array before passing it to a call, or use separate arrays"));
            }
        }
    }

    private static bool IsOutputOf(EquatableArray<Expr> arguments, RuleInfo rule, int variable)
    {
        for (int j = 0; j < arguments.Count; j++)
            if (rule.Roles[j] == ArgumentRole.Output && arguments[j] is ArrayRefExpr output && output.Variable == variable) return true;
        return false;
    }

    private static string Short(string target) => target.Replace("global::", "");
}
