using System.Collections.Generic;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>An array or span visible in a scope; only locals are written. A span local (<paramref name="IsView"/>) is not enumerated with foreach.</summary>
public sealed record ArrayVariable(string Name, bool Writable, bool IsView = false);

/// <summary>
/// What a statement may use: readable and writable scalars, arrays, integer index variables whose
/// value is always in [0, length), and the loop context. Children copy the lists, so declarations in
/// a block end with it.
/// </summary>
public sealed class Scope
{
    public List<string> Scalars { get; } = new();
    public List<string> WritableScalars { get; } = new();
    public List<ArrayVariable> ArrayVariables { get; } = new();
    public List<string> Indices { get; } = new();
    public int LoopDepth { get; private set; }
    public int BlockDepth { get; private set; }

    public bool InLoop => LoopDepth > 0;
    public bool IsTopLevel => BlockDepth == 0;

    /// <summary>A nested block, inside a new loop when <paramref name="loop"/>.</summary>
    public Scope Child(bool loop)
    {
        var child = new Scope { LoopDepth = LoopDepth + (loop ? 1 : 0), BlockDepth = BlockDepth + 1 };
        child.Scalars.AddRange(Scalars);
        child.WritableScalars.AddRange(WritableScalars);
        child.ArrayVariables.AddRange(ArrayVariables);
        child.Indices.AddRange(Indices);
        return child;
    }
}
