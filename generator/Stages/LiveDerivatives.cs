using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Flow-sensitive usefulness: which variables' values at method entry reach the result through a
/// differentiable path, walking the structured IR backwards (a liveness analysis of derivatives). An
/// assignment kills what it overwrites, so <c>double y = x * x; y = 3.0; return y;</c> leaves x without
/// influence. Where the analysis cannot be exact it errs towards "reaches": arrays are never killed
/// (their writes may be partial), a loop's body is iterated to a fixed point with break and continue
/// joining the loop's exit and head, and a return adds its sources to what is live.
/// </summary>
public static class LiveDerivatives
{
    /// <summary>Per variable: whether its value at method entry can reach the result or an output.</summary>
    public static bool[] AtEntry(IReadOnlyList<VariableInfo> variables, EquatableArray<Stmt> body)
    {
        var exit = new HashSet<int>(Enumerable.Range(0, variables.Count).Where(i => variables[i].IsOutput));
        var analysis = new Walker(variables, exit);
        var live = analysis.Block(body, new HashSet<int>(exit));
        return Enumerable.Range(0, variables.Count).Select(live.Contains).ToArray();
    }

    private sealed class Walker
    {
        private readonly IReadOnlyList<VariableInfo> _variables;
        private readonly HashSet<int> _exit;
        private readonly Dictionary<int, (HashSet<int> Exit, HashSet<int> Head)> _loops = new();

        public Walker(IReadOnlyList<VariableInfo> variables, HashSet<int> exit)
        {
            _variables = variables;
            _exit = exit;
        }

        public HashSet<int> Block(IReadOnlyList<Stmt> statements, HashSet<int> liveOut)
        {
            var live = liveOut;
            for (int i = statements.Count - 1; i >= 0; i--) live = Statement(statements[i], live);
            return live;
        }

        private HashSet<int> Statement(Stmt statement, HashSet<int> liveOut)
        {
            var live = new HashSet<int>(liveOut);
            switch (statement)
            {
                case AssignStmt a:
                    bool needed = live.Remove(a.Variable) || !_variables[a.Variable].IsScalar;
                    if (!_variables[a.Variable].IsScalar) live.Add(a.Variable);
                    if (needed) AddSources(a.Value, live);
                    return live;
                case StoreStmt s:
                    if (live.Contains(s.Variable)) AddSources(s.Value, live);
                    return live;
                case RuleCallStmt or ClearStmt or AllocateStmt or ReleaseStmt:
                    foreach (var write in Writes.Of(statement))
                        if (live.Contains(write.Variable) && write.Value is { } value) AddSources(value, live);
                    return live;
                case ReturnStmt r:
                    live.UnionWith(_exit);
                    if (r.Value is { } returned) AddSources(returned, live);
                    return live;
                case IfStmt i:
                {
                    var then = Block(i.Then, liveOut);
                    then.UnionWith(Block(i.Else, liveOut));
                    return then;
                }
                case LoopStmt l:
                    return Loop(l, liveOut);
                case BreakStmt b:
                    live.UnionWith(_loops[b.LoopId].Exit);
                    return live;
                case ContinueStmt c:
                    live.UnionWith(_loops[c.LoopId].Head);
                    return live;
                default:
                    return live;
            }
        }

        /// <summary>Live at the loop's head: the exit's set joined with what one more pass needs, to a fixed point.</summary>
        private HashSet<int> Loop(LoopStmt loop, HashSet<int> liveOut)
        {
            var head = new HashSet<int>(liveOut);
            while (true)
            {
                _loops[loop.LoopId] = (liveOut, head);
                var afterBody = Block(loop.Increment, head);
                var next = Block(loop.Body, afterBody);
                next.UnionWith(liveOut);
                if (next.SetEquals(head)) return head;
                head = next;
            }
        }

        private void AddSources(Expr value, HashSet<int> live)
        {
            var sources = Usefulness.DataSources(value, _variables.Count);
            for (int v = 0; v < sources.Length; v++) if (sources[v]) live.Add(v);
        }
    }
}
