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
/// <param name="Updates">
/// Other int variables the body updates exactly once, at its top level, as <c>v = v + e</c> (or
/// <c>v = v - a + b</c> ..., see <see cref="StepOf"/>) with e plain arithmetic over variables the body does
/// not assign (a triangle offset stepping by <c>d - j - 2</c>, say): the adjoint undoes each update where it
/// stood (<c>v = v - e</c>) and so has v at every point without a record per iteration.
/// </param>
internal sealed record StructuredLoop(int Counter, int Step, EquatableArray<(int Variable, int Step)> Inductions, EquatableArray<int> Updates)
{
    public static StructuredLoop? Analyze(LoopStmt loop)
    {
        if (loop.Condition is null || loop.ConditionAtEnd || loop.Increment.Count != 1) return null;
        if (loop.Increment[0] is not AssignStmt { Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: VariableExpr counter, Right: LiteralExpr { Code: "1" } } step } increment
            || increment.Variable != counter.Variable || counter.Kind != ScalarKind.Int)
            return null;
        if (!BodyIsCounted(loop.Body, counter.Variable)) return null;
        var inductions = FindInductions(loop.Body, counter.Variable);
        return new StructuredLoop(counter.Variable, step.Op == BinaryOp.Add ? 1 : -1, inductions, FindUpdates(loop.Body, counter.Variable, inductions));
    }

    /// <summary>The step e of the update <c>v = v + e</c> of <paramref name="variable"/> in the body (see <see cref="Updates"/>).</summary>
    public static Expr StepOf(EquatableArray<Stmt> body, int variable)
        => body.OfType<AssignStmt>().Where(a => a.Variable == variable).Select(a => UpdateStep(a.Value, variable)!).Single();

    private static EquatableArray<int> FindUpdates(EquatableArray<Stmt> body, int counter, EquatableArray<(int Variable, int Step)> inductions)
    {
        var assignedAnywhere = new HashSet<int>(IrTree.AllStatements(body).SelectMany(Writes.Of).Select(w => w.Variable));
        var found = new List<int>();
        foreach (var statement in body)
        {
            if (statement is not AssignStmt assign || assign.Value.Kind != ScalarKind.Int || assign.Variable == counter
                || inductions.Any(i => i.Variable == assign.Variable) || found.Contains(assign.Variable))
                continue;
            if (UpdateStep(assign.Value, assign.Variable) is not { } step || !IsPlainArithmetic(step) || IrTree.VariablesRead(step).Any(assignedAnywhere.Contains)) continue;
            int writes = IrTree.AllStatements(body).Count(s => Writes.Of(s).Any(w => w.Variable == assign.Variable));
            if (writes == 1) found.Add(assign.Variable);
        }
        return found.ToArray();
    }

    /// <summary>
    /// For <paramref name="value"/> = v ± a ± b ... (v the leftmost term, read once), the step a ± b ...;
    /// null for any other form.
    /// </summary>
    private static Expr? UpdateStep(Expr value, int variable)
    {
        if (value is not BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract } sum || IrTree.VariablesRead(sum.Right).Contains(variable)) return null;
        if (sum.Left is VariableExpr v && v.Variable == variable)
            return sum.Op == BinaryOp.Add ? sum.Right : new UnaryExpr(UnaryOp.Negate, sum.Right, ScalarKind.Int);
        return UpdateStep(sum.Left, variable) is { } inner ? new BinaryExpr(sum.Op, inner, sum.Right, ScalarKind.Int) : null;
    }

    /// <summary>Integer arithmetic that cannot throw and reads only variables and lengths.</summary>
    private static bool IsPlainArithmetic(Expr expr) => expr switch
    {
        LiteralExpr or VariableExpr or LengthExpr => expr.Kind == ScalarKind.Int,
        UnaryExpr { Op: UnaryOp.Negate or UnaryOp.Plus } u => IsPlainArithmetic(u.Operand),
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply } b => IsPlainArithmetic(b.Left) && IsPlainArithmetic(b.Right),
        _ => false,
    };

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

    /// <summary>
    /// Whether <paramref name="body"/> can be reversed as written, without segment ids: assignments,
    /// stores, clears, if/else of those and counted loops, none assigning <paramref name="counter"/>.
    /// </summary>
    public static bool IsStructuredBody(EquatableArray<Stmt> body, int counter) => BodyIsCounted(body, counter);

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
