using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Arrays a differentiable method allocates inside a loop (<c>new T[n]</c>, <c>stackalloc T[n]</c>) get
/// their storage once, just before the outermost loop that holds the allocation, and are cleared where
/// the user allocates them: each iteration sees a zeroed array of the same length, as with a fresh
/// allocation, and reverse mode treats the array like any scratch array reused across iterations
/// (saved per iteration where its adjoint needs old values, its adjoint reset at the allocation).
/// This needs a length that every iteration computes the same: an expression over values the loop
/// never writes, that cannot throw (and, for <c>stackalloc</c>, a loop at the method's top level).
/// Other allocations of differentiable arrays in loops are refused (DG0001).
/// </summary>
public static class LoopAllocations
{
    /// <summary>
    /// <paramref name="body"/> with every movable allocation inside a loop placed before the outermost
    /// loop holding it and replaced by a <see cref="ClearStmt"/>.
    /// </summary>
    public static EquatableArray<Stmt> Hoist(EquatableArray<Stmt> body) => Hoist(body, topLevel: true);

    private static EquatableArray<Stmt> Hoist(EquatableArray<Stmt> body, bool topLevel)
    {
        var result = new List<Stmt>();
        foreach (var statement in body)
        {
            switch (statement)
            {
                case LoopStmt loop:
                {
                    // Element writes leave an array's length as it was: a length read from such an array is steady.
                    var written = new HashSet<int>(Writes.Within(new[] { loop }).Where(w => w.Kind is WriteKind.Assign or WriteKind.Allocate).Select(w => w.Variable));
                    var moved = IrTree.AllStatements(loop.Body.Concat(loop.Increment)).OfType<AllocateStmt>().Where(a => Movable(a, written, topLevel)).ToList();
                    result.AddRange(moved);
                    result.Add(moved.Count == 0 ? loop : ReplaceAllocations(loop, new HashSet<AllocateStmt>(moved)));
                    break;
                }
                case IfStmt branch:
                    result.Add(branch with { Then = Hoist(branch.Then, topLevel: false), Else = Hoist(branch.Else, topLevel: false) });
                    break;
                default:
                    result.Add(statement);
                    break;
            }
        }
        return result.ToArray();
    }

    /// <summary>Stack storage moves only to the method's top level, where the span it lives in is declared.</summary>
    private static bool Movable(AllocateStmt allocation, HashSet<int> writtenInLoop, bool topLevel)
        => !allocation.Pooled && (topLevel || !allocation.OnStack)
           && !IrTree.VariablesRead(allocation.Length).Overlaps(writtenInLoop) && IrTree.CannotThrow(allocation.Length);

    private static Stmt ReplaceAllocations(Stmt statement, HashSet<AllocateStmt> moved) => statement switch
    {
        AllocateStmt a when moved.Contains(a) => new ClearStmt(a.Variable),
        LoopStmt l => l with { Body = Replace(l.Body, moved), Increment = Replace(l.Increment, moved) },
        IfStmt i => i with { Then = Replace(i.Then, moved), Else = Replace(i.Else, moved) },
        _ => statement,
    };

    private static EquatableArray<Stmt> Replace(EquatableArray<Stmt> statements, HashSet<AllocateStmt> moved)
        => statements.Select(s => ReplaceAllocations(s, moved)).ToArray();
}
