using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Per-iteration reversal of a reduction loop: a top-level loop whose only active state carried from
/// one iteration to the next is a sum <c>s = s ± e</c> (the loss of a model summed over data points,
/// like the mixture model's per-point log-sum-exp). Then s after the loop is s before it plus Σ e_i,
/// and the derivative of Σ e_i with respect to what the loop reads is the sum of each iteration's. So the
/// gradient sweep reverses every iteration right after running it, seeding s with 1 and adding into
/// side buffers (one per differentiable value the loop reads but does not write), and the loop's
/// adjoint adds s's adjoint times those buffers. The loop runs once, its records never outlive one
/// iteration, and nothing is recomputed; the hand-written gradient of such a model has the same shape.
/// <para>
/// Valid when every other active value the loop writes is local to an iteration: overwritten before
/// it is read in each iteration (for an array, by a counted loop storing every element from 0 to its
/// allocated length), and never read after the loop. Loops left by <c>break</c>, <c>continue</c> or
/// <c>return</c> are not fused.
/// </para>
/// </summary>
public static class FusedReduction
{
    /// <param name="Accumulator">The summed variable s.</param>
    /// <param name="Invariants">Active variables the loop reads and never writes: they get side buffers.</param>
    /// <param name="KnownAdjoint">
    /// When s's adjoint after the loop is already known as the loop starts (<see cref="SeedScale"/>), or
    /// null: then each iteration is reversed with that adjoint, straight into the invariants' adjoints,
    /// and no side buffers are needed.
    /// </param>
    public sealed record Plan(int Accumulator, IReadOnlyList<int> Invariants, IReadOnlyList<SeedScale>? KnownAdjoint);

    /// <summary>
    /// One step from the method's seed to the sum's adjoint, outermost first: the returned expression is
    /// linear in s, <c>return c * (s + b) / n</c>, with factors whose values do not change from the loop
    /// to the return.
    /// </summary>
    /// <param name="Op">Multiply (by <paramref name="Factor"/>), Divide (by it), or Subtract (negate; no factor).</param>
    public sealed record SeedScale(BinaryOp Op, Expr? Factor);

    /// <summary>The plan for the top-level statement <paramref name="index"/> of <paramref name="body"/>, or null when fusion does not apply.</summary>
    public static Plan? Analyze(LoopStmt loop, EquatableArray<Stmt> body, int index, IReadOnlyList<VariableInfo> variables, bool[] written)
    {
        if (loop.Condition is null || loop.ConditionAtEnd) return null;
        // The iteration is reversed before the increment runs: the increment must be passive (i++).
        if (loop.Increment.Any(s => s is not AssignStmt a || variables[a.Variable].IsActive)) return null;
        var inside = loop.Body.Concat(loop.Increment).ToArray();
        var all = IrTree.AllStatements(inside).ToList();
        // Only loops with nested loops: there the saving (no second primal, no tape across iterations)
        // pays for the side buffers and the per-iteration dispatch.
        if (!all.Any(s => s is LoopStmt)) return null;
        foreach (var statement in all)
        {
            if (statement is ReturnStmt) return null;
            if (statement is BreakStmt b && b.LoopId == loop.LoopId) return null;
            if (statement is ContinueStmt c && c.LoopId == loop.LoopId) return null;
        }

        var assigned = new HashSet<int>();
        var read = new HashSet<int>(IrTree.VariablesRead(loop.Condition));
        foreach (var statement in all)
        {
            foreach (var write in Writes.Of(statement)) assigned.Add(write.Variable);
            foreach (var expr in IrTree.Expressions(statement)) read.UnionWith(IrTree.VariablesRead(expr));
        }

        int accumulator = -1;
        foreach (int variable in assigned.Where(v => variables[v].IsActive).OrderBy(v => v))
        {
            if (IsAccumulator(variable, loop, all, variables))
            {
                if (accumulator >= 0) return null; // one sum per loop: one set of side buffers
                accumulator = variable;
                continue;
            }
            if (!IsIterationLocal(variable, loop, body, index, variables, written)) return null;
        }
        if (accumulator < 0) return null;
        var invariants = read.Where(v => variables[v].IsActive && !assigned.Contains(v)).OrderBy(v => v).ToList();
        foreach (int variable in invariants)
            if (variables[variable].Kind is not (ScalarKind.Double or ScalarKind.Float)) return null;
        return new Plan(accumulator, invariants, KnownAdjoint(body, index, accumulator, invariants, assigned));
    }

    /// <summary>
    /// The sum's adjoint after the loop as scales of the method's seed, when the statements after the
    /// loop neither read the sum nor write what the loop reads, and end in the one return, linear in the sum.
    /// Null otherwise (the adjoint is known only when the adjoint sweep reaches the loop).
    /// </summary>
    private static IReadOnlyList<SeedScale>? KnownAdjoint(EquatableArray<Stmt> body, int index, int accumulator, List<int> invariants, HashSet<int> loopWrites)
    {
        if (body.Count == 0 || body[body.Count - 1] is not ReturnStmt { Value: { } returned } || body.Count - 1 <= index) return null;
        var writtenAfter = new HashSet<int>(loopWrites);
        for (int i = index + 1; i < body.Count - 1; i++)
        {
            foreach (var statement in IrTree.AllStatements(new[] { body[i] }))
            {
                if (statement is ReturnStmt) return null;
                // s = s ± e leaves s's adjoint as it is; any other use of s makes it unknown until then.
                if (IsAccumulation(statement, accumulator)) continue;
                if (statement is AssignStmt other && other.Variable == accumulator) return null;
                if (IrTree.Expressions(statement).Any(e => Reads(e, accumulator))) return null;
                foreach (var write in Writes.Of(statement)) writtenAfter.Add(write.Variable);
            }
        }
        writtenAfter.Remove(accumulator);
        if (invariants.Any(writtenAfter.Contains)) return null;
        var scales = new List<SeedScale>();
        return ScalesTo(returned, accumulator, writtenAfter, scales) ? scales : null;
    }

    /// <summary>Follows <paramref name="expr"/> down to its one read of the sum through +, -, and products and quotients by stable factors.</summary>
    private static bool ScalesTo(Expr expr, int accumulator, HashSet<int> unstable, List<SeedScale> scales)
    {
        switch (expr)
        {
            case VariableExpr v:
                return v.Variable == accumulator;
            case UnaryExpr { Op: UnaryOp.Plus } plus:
                return ScalesTo(plus.Operand, accumulator, unstable, scales);
            case UnaryExpr { Op: UnaryOp.Negate } negate:
                scales.Add(new SeedScale(BinaryOp.Subtract, null));
                return ScalesTo(negate.Operand, accumulator, unstable, scales);
            case BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide } b:
            {
                bool inLeft = Reads(b.Left, accumulator), inRight = Reads(b.Right, accumulator);
                if (inLeft == inRight) return false;
                var (side, other) = inLeft ? (b.Left, b.Right) : (b.Right, b.Left);
                switch (b.Op)
                {
                    case BinaryOp.Add:
                        break;
                    case BinaryOp.Subtract:
                        if (inRight) scales.Add(new SeedScale(BinaryOp.Subtract, null));
                        break;
                    default:
                        if ((b.Op == BinaryOp.Divide && inRight) || !IsStable(other, unstable)) return false;
                        scales.Add(new SeedScale(b.Op, other));
                        break;
                }
                return ScalesTo(side, accumulator, unstable, scales);
            }
            default:
                return false;
        }
    }

    /// <summary>Plain arithmetic over variables that keep their value from the loop to the return.</summary>
    private static bool IsStable(Expr expr, HashSet<int> unstable) => expr switch
    {
        LiteralExpr => true,
        VariableExpr v => !unstable.Contains(v.Variable),
        LengthExpr l => !unstable.Contains(l.Variable),
        UnaryExpr { Op: UnaryOp.Negate or UnaryOp.Plus } u => IsStable(u.Operand, unstable),
        ConvertExpr c => IsStable(c.Operand, unstable),
        BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply } b => IsStable(b.Left, unstable) && IsStable(b.Right, unstable),
        _ => false,
    };

    /// <summary><c>s = s ± e</c> with e free of s.</summary>
    private static bool IsAccumulation(Stmt statement, int variable)
        => statement is AssignStmt { Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: VariableExpr self } sum } assign
           && assign.Variable == variable && self.Variable == variable && !Reads(sum.Right, variable);

    /// <summary>Every write is <c>s = s ± e</c> with e free of s, and s is read nowhere else in the loop.</summary>
    private static bool IsAccumulator(int variable, LoopStmt loop, List<Stmt> all, IReadOnlyList<VariableInfo> variables)
    {
        var info = variables[variable];
        if (!info.IsScalar || info.Kind is not (ScalarKind.Double or ScalarKind.Float)) return false;
        if (Reads(loop.Condition!, variable)) return false;
        foreach (var statement in all)
        {
            if (statement is AssignStmt { Value: BinaryExpr { Op: BinaryOp.Add or BinaryOp.Subtract, Left: VariableExpr self } sum } assign
                && assign.Variable == variable && self.Variable == variable)
            {
                if (Reads(sum.Right, variable)) return false;
                continue;
            }
            if (statement is AssignStmt other && other.Variable == variable) return false;
            if (IrTree.Expressions(statement).Any(e => Reads(e, variable))) return false;
        }
        return true;
    }

    /// <summary>Overwritten before any read in each iteration, and not read after the loop.</summary>
    private static bool IsIterationLocal(int variable, LoopStmt loop, EquatableArray<Stmt> body, int index, IReadOnlyList<VariableInfo> variables, bool[] written)
    {
        if (variables[variable].IsParameter) return false;
        if (Reads(loop.Condition!, variable) || loop.Increment.Any(s => Mentions(s, variable))) return false;
        for (int i = index + 1; i < body.Count; i++)
            if (Mentions(body[i], variable)) return false;
        Expr? length = null;
        if (!variables[variable].IsScalar)
        {
            // The array's storage: one allocation, at the top level before the loop, of a length that never changes.
            var allocations = IrTree.AllStatements(body).OfType<AllocateStmt>().Where(a => a.Variable == variable).ToList();
            if (allocations.Count == 1 && body.Take(index).Contains(allocations[0])
                && IrTree.VariablesRead(allocations[0].Length).All(v => !written[v]))
                length = allocations[0].Length;
        }
        return Walk(variable, loop.Body, length) != State.Exposed;
    }

    private enum State { Open, Killed, Exposed }

    /// <summary>
    /// Follows <paramref name="statements"/> in order: Killed once every path has overwritten the
    /// variable, Exposed if a read may see the value from before, Open otherwise.
    /// </summary>
    private static State Walk(int variable, IReadOnlyList<Stmt> statements, Expr? length)
    {
        var state = State.Open;
        for (int i = 0; i < statements.Count && state == State.Open; i++)
        {
            var statement = statements[i];
            if (!Mentions(statement, variable)) continue;
            switch (statement)
            {
                case AssignStmt a when a.Variable == variable:
                    state = Reads(a.Value, variable) ? State.Exposed : State.Killed;
                    break;
                case AllocateStmt al when al.Variable == variable:
                    state = Reads(al.Length, variable) ? State.Exposed : State.Killed;
                    break;
                case ClearStmt c when c.Variable == variable:
                    state = State.Killed; // every element set, as by an allocation
                    break;
                case StoreStmt s when s.Variable == variable:
                    // A partial write: the other elements still hold older values.
                    if (Reads(s.Index, variable) || Reads(s.Value, variable)) state = State.Exposed;
                    break;
                case LoopStmt l when length is not null && i > 0 && CoversArray(variable, l, statements[i - 1], length):
                    state = State.Killed;
                    break;
                case LoopStmt l:
                {
                    // Local to each iteration of the inner loop is enough; afterwards the variable may
                    // hold the inner loop's last value or the older one, so it stays Open.
                    if (Reads(l.Condition, variable) || l.Increment.Any(s => Mentions(s, variable))) return State.Exposed;
                    if (Walk(variable, l.Body, length) == State.Exposed) return State.Exposed;
                    break;
                }
                case IfStmt conditional:
                {
                    if (Reads(conditional.Condition, variable)) return State.Exposed;
                    var then = Walk(variable, conditional.Then, length);
                    var otherwise = Walk(variable, conditional.Else, length);
                    if (then == State.Exposed || otherwise == State.Exposed) return State.Exposed;
                    if (then == State.Killed && otherwise == State.Killed) state = State.Killed;
                    break;
                }
                default:
                    return State.Exposed; // reads it (or writes it through a rule call)
            }
        }
        return state;
    }

    /// <summary>
    /// <c>c = 0; while (c &lt; length) { ... a[c] = v; ... c = c + 1; }</c> with that store the loop body's
    /// only mention of the array: every element from 0 to the allocated length is written.
    /// </summary>
    private static bool CoversArray(int variable, LoopStmt loop, Stmt previous, Expr length)
    {
        if (StructuredLoop.Analyze(loop) is not { Step: 1 } counted) return false;
        if (previous is not AssignStmt { Value: LiteralExpr { Code: "0" } } start || start.Variable != counted.Counter) return false;
        if (loop.Condition is not BinaryExpr { Op: BinaryOp.Less, Left: VariableExpr counter } test || counter.Variable != counted.Counter) return false;
        if (!test.Right.Equals(length) && !(test.Right is LengthExpr l && l.Variable == variable)) return false;
        int mentions = 0;
        bool stored = false;
        foreach (var statement in loop.Body)
        {
            if (!Mentions(statement, variable)) continue;
            mentions++;
            stored = statement is StoreStmt { Index: VariableExpr index } store && store.Variable == variable
                     && index.Variable == counted.Counter && !Reads(store.Value, variable);
        }
        return mentions == 1 && stored;
    }

    private static bool Reads(Expr? expr, int variable) => expr is not null && IrTree.VariablesRead(expr).Contains(variable);

    /// <summary>Whether the statement (or anything nested in it) reads or writes the variable.</summary>
    private static bool Mentions(Stmt statement, int variable)
    {
        foreach (var inner in IrTree.AllStatements(new[] { statement }))
        {
            if (Writes.Of(inner).Any(w => w.Variable == variable)) return true;
            if (IrTree.Expressions(inner).Any(e => Reads(e, variable))) return true;
        }
        return false;
    }
}
