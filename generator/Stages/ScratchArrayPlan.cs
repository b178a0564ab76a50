using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Which local arrays reverse mode may rent from <c>DiffGen.ScratchArrays</c> instead of allocating: arrays
/// created by <c>new T[n]</c> outside any loop and never assigned a whole other array, so the array the
/// variable holds at the end is always one the generated code created and may give back (the front end rejects
/// whole-array assignment today, DG0011; the check keeps this safe should that ever be allowed). Arrays the user
/// rents from <c>ArrayPool</c> are the user's to return (<see cref="PooledLocals"/>); only their adjoints are rented here.
/// </summary>
internal static class ScratchArrayPlan
{
    /// <summary>The variables whose top-level allocations (and those of their adjoints) are rented.</summary>
    public static HashSet<int> Rentable(MethodIr ir)
    {
        var all = IrTree.AllStatements(ir.Body).ToList();
        var assigned = new HashSet<int>(all.OfType<AssignStmt>().Select(a => a.Variable));
        return new HashSet<int>(all.OfType<AllocateStmt>()
                                   .Where(a => !a.OnStack && !a.Pooled && ir.Variables[a.Variable].Shape == Shape.Array && !assigned.Contains(a.Variable))
                                   .Select(a => a.Variable));
    }
}
