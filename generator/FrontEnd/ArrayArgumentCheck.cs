using System.Collections.Generic;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Arrays passed whole to a rule-backed call must still hold, when the adjoint sweep runs the call's
/// pullback, what they held at the call: each must be either never written by the method, or written
/// exactly once, by an earlier call at the top level of the method (a layer's output feeding the next
/// layer). Outputs must not alias inputs of the same call, and a call's outputs are written by that
/// call only, once, at the top level (its pullback may read them).
/// </summary>
internal static class ArrayArgumentCheck
{
    private sealed record Write(int TopLevelIndex, bool ByCall, bool Nested);

    public static void Run(EquatableArray<Stmt> body, IReadOnlyList<VariableInfo> variables, List<Location> sites, List<FrontEndProblem> problems)
    {
        var writes = new Dictionary<int, List<Write>>();
        var uses = new List<(int TopLevelIndex, RuleInfo Rule, EquatableArray<Expr> Arguments, int Site)>();

        void Record(int variable, Write write)
        {
            if (!writes.TryGetValue(variable, out var list)) writes[variable] = list = new List<Write>();
            list.Add(write);
        }

        void VisitExpr(Expr expr, int top)
        {
            switch (expr)
            {
                case RuleCallExpr call:
                    uses.Add((top, call.Rule, call.Arguments, call.Site));
                    foreach (var a in call.Arguments) VisitExpr(a, top);
                    break;
                case UnaryExpr u: VisitExpr(u.Operand, top); break;
                case BinaryExpr b: VisitExpr(b.Left, top); VisitExpr(b.Right, top); break;
                case ConvertExpr c: VisitExpr(c.Operand, top); break;
                case ConditionalExpr c: VisitExpr(c.Condition, top); VisitExpr(c.WhenTrue, top); VisitExpr(c.WhenFalse, top); break;
                case PrimitiveCallExpr p: foreach (var a in p.Arguments) VisitExpr(a, top); break;
                case UserCallExpr u: foreach (var a in u.Arguments) VisitExpr(a, top); break;
                case OpaqueCallExpr o: foreach (var a in o.Arguments) VisitExpr(a, top); break;
                case ElementExpr e: VisitExpr(e.Index, top); break;
            }
        }

        void Visit(EquatableArray<Stmt> statements, int top, bool nested)
        {
            for (int i = 0; i < statements.Count; i++)
            {
                int index = nested ? top : i;
                switch (statements[i])
                {
                    case AssignStmt a: VisitExpr(a.Value, index); break;
                    case ReturnStmt r: VisitExpr(r.Value, index); break;
                    case StoreStmt s:
                        Record(s.Variable, new Write(index, ByCall: false, nested));
                        VisitExpr(s.Index, index);
                        VisitExpr(s.Value, index);
                        break;
                    case RuleCallStmt call:
                        uses.Add((index, call.Rule, call.Arguments, call.Site));
                        for (int k = 0; k < call.Arguments.Count; k++)
                        {
                            if (call.Rule.Roles[k] == ArgumentRole.Output && call.Arguments[k] is ArrayRefExpr output)
                                Record(output.Variable, new Write(index, ByCall: true, nested));
                            VisitExpr(call.Arguments[k], index);
                        }
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
                if (arguments[k] is ArrayRefExpr written && rule.Roles[k] == ArgumentRole.Output)
                {
                    // A pullback may read its outputs: they must still hold this call's results.
                    var all = writes[written.Variable];
                    if (all.Count != 1 || all[0].Nested)
                        problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{Identifiers.Bare(variables[written.Variable].Name)}', the output of '{Short(rule.Target)}', is written more than once or inside a loop or branch; write a call's output only by that call, once, at the top level of the method"));
                    continue;
                }
                if (arguments[k] is not ArrayRefExpr array) continue;
                string name = Identifiers.Bare(variables[array.Variable].Name);
                for (int j = 0; j < arguments.Count; j++)
                {
                    if (rule.Roles[j] == ArgumentRole.Output && arguments[j] is ArrayRefExpr output && output.Variable == array.Variable)
                        problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{name}' is both an input and an output of '{Short(rule.Target)}'; use a separate output array"));
                }
                if (!writes.TryGetValue(array.Variable, out var list)) continue;
                bool writtenOnceBefore = list.Count == 1 && list[0].ByCall && !list[0].Nested && list[0].TopLevelIndex < top;
                if (!writtenOnceBefore)
                    problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[site], $"'{name}', passed to '{Short(rule.Target)}', is written elsewhere in the method; the pullback needs the values it had at the call: write an array passed to a call only once, by an earlier call, or use separate arrays"));
            }
        }
    }

    private static string Short(string target) => target.Replace("global::", "");
}
