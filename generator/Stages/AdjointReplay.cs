using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// How reverse mode's adjoint sweep replays the segments of a method's top level. When every top-level
/// statement runs its segments once, in order (straight code, counted loops, fused reductions, a return at
/// the end), the sweep runs their reversals in reverse order: no segment ids are recorded or dispatched on.
/// A top-level branch, a loop that is neither counted nor a fused reduction, or an early return makes the
/// order depend on the run: the primal records each segment's id and the sweep dispatches on them.
/// </summary>
public static class AdjointReplay
{
    /// <summary>Whether the top level of <paramref name="ir"/> runs each of its segments once, in order.</summary>
    public static bool IsSequential(MethodIr ir) => IsSequential(ir, Activity.WrittenVariables(ir.Variables, ir.Body));

    internal static bool IsSequential(MethodIr ir, bool[] written)
    {
        for (int i = 0; i < ir.Body.Count; i++)
        {
            bool inOrder = ir.Body[i] switch
            {
                IfStmt or BreakStmt or ContinueStmt => false,
                ReturnStmt => i == ir.Body.Count - 1,
                LoopStmt loop => StructuredLoop.Analyze(loop) is not null || FusedReduction.Analyze(loop, ir.Body, i, ir.Variables, written) is not null,
                _ => true,
            };
            if (!inOrder) return false;
        }
        return true;
    }
}
