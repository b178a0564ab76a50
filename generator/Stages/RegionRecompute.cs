using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Recomputation for counted loops whose records would grow with every execution (a loop inside
/// another loop, like the per-point work of a mixture model). Instead of recording each iteration's
/// values in the primal sweep, the primal saves only the state the loop starts from: the scalars it
/// reads or writes that can change, and the arrays it writes. The adjoint restores that state, runs
/// the loop again with its records, and reverses it at once. Valid when every array the loop only
/// reads is final before the loop's top-level statement starts (nothing writes it later).
/// </summary>
internal static class RegionRecompute
{
    /// <summary>What to save, or null when recomputation is not valid (or supported) for the loop.</summary>
    public sealed record Snapshot(IReadOnlyList<int> Variables);

    public static Snapshot? Plan(LoopStmt loop, IReadOnlyList<VariableInfo> variables, bool[] written, int[] lastTopLevelWrite, int topLevelIndex)
    {
        // The plain loop allocates nothing: a loop that gives an array storage inside (a stackalloc of a helper
        // lowered in place) records instead.
        if (!IrTree.AllStatements(loop.Body).All(CanWritePlain)) return null;
        var read = new HashSet<int>();
        var assigned = new HashSet<int>();
        Collect(loop, read, assigned);
        var saved = new List<int>();
        foreach (int variable in read.Union(assigned).OrderBy(v => v))
        {
            var info = variables[variable];
            if (info.IsScalar)
            {
                if (!written[variable] && !assigned.Contains(variable)) continue; // a constant
                if (info.Kind is not (ScalarKind.Double or ScalarKind.Float or ScalarKind.Int)) return null;
                saved.Add(variable);
            }
            else if (assigned.Contains(variable))
            {
                if (info.Kind is not (ScalarKind.Double or ScalarKind.Float or ScalarKind.Int)) return null;
                saved.Add(variable);
            }
            else if (lastTopLevelWrite[variable] >= topLevelIndex)
            {
                return null; // an array it reads may change after the loop ran
            }
        }
        return new Snapshot(saved);
    }

    /// <summary>For each variable, the index of the last top-level statement that writes it (-1: never).</summary>
    public static int[] LastTopLevelWrites(int count, EquatableArray<Stmt> body)
    {
        var last = Enumerable.Repeat(-1, count).ToArray();
        for (int i = 0; i < body.Count; i++)
            foreach (int variable in Written(body[i])) last[variable] = i;
        return last;
    }

    /// <summary>
    /// For each variable, the index of the first top-level statement of <paramref name="body"/> that
    /// writes values into it (anywhere inside), or -1 when none does. A top-level allocation gives an
    /// array its zeroed storage and does not count.
    /// </summary>
    public static int[] FirstTopLevelWrites(int count, EquatableArray<Stmt> body)
    {
        var first = Enumerable.Repeat(-1, count).ToArray();
        for (int i = body.Count - 1; i >= 0; i--)
        {
            if (body[i] is AllocateStmt) continue;
            foreach (int variable in Written(body[i])) first[variable] = i;
        }
        return first;
    }

    /// <summary>The variables <paramref name="statement"/> (with everything nested in it) writes.</summary>
    public static HashSet<int> Written(Stmt statement) => Writes.VariablesWithin(statement);

    /// <summary>Writes the loop as plain C# (no derivative code): the primal of a recomputed loop.</summary>
    public static void WritePlainLoop(IndentedWriter w, LoopStmt loop, IReadOnlyList<VariableInfo> variables, Func<int, string> name, ScalarSpelling? spelling = null)
    {
        using (w.Block($"while ({PrimalRenderer.RenderTop(loop.Condition!, name, spelling)})"))
        {
            foreach (var statement in loop.Body) WritePlain(w, statement, variables, name, spelling);
            foreach (var statement in loop.Increment) WritePlain(w, statement, variables, name, spelling);
        }
    }

    /// <summary>The statements <see cref="WritePlainLoop"/> writes (nested ones are checked on their own).</summary>
    private static bool CanWritePlain(Stmt statement) => statement is AssignStmt or StoreStmt or ClearStmt or LoopStmt or IfStmt;

    private static void WritePlain(IndentedWriter w, Stmt statement, IReadOnlyList<VariableInfo> variables, Func<int, string> name, ScalarSpelling? spelling = null)
    {
        switch (statement)
        {
            case AssignStmt a:
                w.Line($"{name(a.Variable)} = {PrimalRenderer.RenderTop(a.Value, name, spelling)};");
                break;
            case StoreStmt s:
                w.Line($"{name(s.Variable)}[{PrimalRenderer.RenderTop(s.Index, name, spelling)}] = {PrimalRenderer.RenderTop(s.Value, name, spelling)};");
                break;
            case ClearStmt c:
                w.Line(SourceEmitter.Clear(variables[c.Variable], name(c.Variable)));
                break;
            case LoopStmt inner:
                WritePlainLoop(w, inner, variables, name, spelling);
                break;
            case IfStmt branch:
                using (w.Block($"if ({PrimalRenderer.RenderTop(branch.Condition, name, spelling)})"))
                    foreach (var inner in branch.Then) WritePlain(w, inner, variables, name, spelling);
                if (branch.Else.Count > 0)
                {
                    using (w.Block("else"))
                        foreach (var inner in branch.Else) WritePlain(w, inner, variables, name, spelling);
                }
                break;
            default:
                throw new InvalidOperationException("A counted loop holds only assignments, stores, clears, branches and counted loops, not " + statement.GetType().Name);
        }
    }

    private static void Collect(LoopStmt loop, HashSet<int> read, HashSet<int> assigned) => CollectStatement(loop, read, assigned);

    /// <summary>The variables a statement (with everything nested in it) reads, and those it writes.</summary>
    private static void CollectStatement(Stmt statement, HashSet<int> read, HashSet<int> assigned)
    {
        foreach (var inner in IrTree.AllStatements(new[] { statement }))
        {
            foreach (var write in Writes.Of(inner)) assigned.Add(write.Variable);
            foreach (var expr in IrTree.Expressions(inner)) read.UnionWith(IrTree.VariablesRead(expr));
        }
    }
}
