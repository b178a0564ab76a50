using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// A counted loop: <c>for (...; test; i++)</c> or <c>i--</c> on an <c>int</c> counter that the body never
/// assigns, whose body holds only assignments, stores, clears, if/else of those and further counted loops
/// (no break, continue or return). Reverse mode runs such a loop's adjoint as a loop with the counter
/// going backwards, recording per iteration only which branch each if took.
/// </summary>
/// <param name="Counter">The counter variable.</param>
/// <param name="Step">+1 or -1.</param>
/// <param name="Inductions">Other int variables the body updates as <c>v = v ± 1</c>, exactly once, at its top level.</param>
internal sealed record StructuredLoop(int Counter, int Step, EquatableArray<(int Variable, int Step)> Inductions)
{
    public static StructuredLoop? Analyze(LoopStmt loop)
    {
        if (loop.Condition is null || loop.ConditionAtEnd || loop.Increment.Count != 1) return null;
        if (loop.Increment[0] is not AssignStmt { Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: VariableExpr counter, Right: LiteralExpr { Code: "1" } } step } increment
            || increment.Variable != counter.Variable || counter.Kind != ScalarKind.Int)
            return null;
        if (!BodyIsCounted(loop.Body, counter.Variable)) return null;
        return new StructuredLoop(counter.Variable, step.Op == BinaryOp.Add ? 1 : -1, FindInductions(loop.Body, counter.Variable));
    }

    private static EquatableArray<(int, int)> FindInductions(EquatableArray<Stmt> body, int counter)
    {
        var found = new List<(int, int)>();
        foreach (var statement in body)
        {
            if (statement is not AssignStmt { Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: VariableExpr self, Right: LiteralExpr { Code: "1" } } step } update
                || self.Variable != update.Variable || self.Kind != ScalarKind.Int || update.Variable == counter)
                continue;
            int assignments = 0;
            foreach (var other in body)
            {
                if (other is AssignStmt a && a.Variable == update.Variable) assignments++;
                if (other is LoopStmt or IfStmt && Assigns(other, update.Variable)) assignments += 2;
            }
            if (assignments == 1) found.Add((update.Variable, step.Op == BinaryOp.Add ? 1 : -1));
        }
        return found.ToArray();
    }

    private static bool BodyIsCounted(EquatableArray<Stmt> body, int counter)
    {
        foreach (var statement in body)
        {
            switch (statement)
            {
                case AssignStmt a when a.Variable != counter:
                case StoreStmt:
                case AllocateStmt:
                case ClearStmt:
                    break;
                case IfStmt branch when BodyIsCounted(branch.Then, counter) && BodyIsCounted(branch.Else, counter):
                    break;
                case LoopStmt inner when Analyze(inner) is { } nested && nested.Counter != counter && !Assigns(inner, counter):
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>Whether anything nested in <paramref name="statement"/> assigns <paramref name="variable"/>.</summary>
    private static bool Assigns(Stmt statement, int variable)
        => IrTree.AllStatements(IrTree.Nested(statement)).Any(s => s is AssignStmt a && a.Variable == variable);
}
