using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>Structural queries over IR statements shared by the emitters.</summary>
internal static class ControlFlow
{
    /// <summary>Whether a <c>continue</c> of loop <paramref name="loopId"/> appears in <paramref name="statements"/>.</summary>
    public static bool HasContinue(EquatableArray<Stmt> statements, int loopId)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ContinueStmt c when c.LoopId == loopId: return true;
                case IfStmt i when HasContinue(i.Then, loopId) || HasContinue(i.Else, loopId): return true;
                case LoopStmt l when HasContinue(l.Body, loopId): return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether <c>continue</c> must jump to a label rather than to the loop head: when an increment or
    /// a bottom test runs between the body and the next iteration.
    /// </summary>
    public static bool ContinueNeedsLabel(LoopStmt loop)
        => (loop.Increment.Count > 0 || loop.ConditionAtEnd) && HasContinue(loop.Body, loop.LoopId);

    /// <summary>Whether the statements contain any branch or loop.</summary>
    public static bool HasControlFlow(EquatableArray<Stmt> statements)
    {
        foreach (var statement in statements)
            if (statement is IfStmt or LoopStmt or BreakStmt or ContinueStmt) return true;
        return false;
    }

    /// <summary>Whether any loop appears in the statements.</summary>
    public static bool HasLoop(EquatableArray<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            if (statement is LoopStmt) return true;
            if (statement is IfStmt i && (HasLoop(i.Then) || HasLoop(i.Else))) return true;
        }
        return false;
    }
}
