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

    /// <summary>The function's 2-D or jagged parameter, if it has one.</summary>
    public MultiArrayShape? MultiArray { get; set; }
    public int LoopDepth { get; private set; }

    /// <summary>Inside a switch section: a break there would leave the switch (not a loop), so none is written.</summary>
    public bool InSwitch { get; private set; }

    /// <summary>A switch section's block.</summary>
    public Scope Section()
    {
        var child = Child(loop: false);
        child.InSwitch = true;
        return child;
    }
    public int BlockDepth { get; private set; }

    public bool InLoop => LoopDepth > 0;
    public bool IsTopLevel => BlockDepth == 0;

    /// <summary>A nested block, inside a new loop when <paramref name="loop"/>.</summary>
    public Scope Child(bool loop)
    {
        var child = new Scope { LoopDepth = LoopDepth + (loop ? 1 : 0), BlockDepth = BlockDepth + 1, InSwitch = InSwitch && !loop, MultiArray = MultiArray };
        child.Scalars.AddRange(Scalars);
        child.WritableScalars.AddRange(WritableScalars);
        child.ArrayVariables.AddRange(ArrayVariables);
        child.Indices.AddRange(Indices);
        return child;
    }
}
