using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DiffGen.Generator.Ir;

namespace DiffGen.Generator.FrontEnd;

/// <summary>Compares IR nodes by identity: records compare by value, but a side table needs the node itself.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<Expr>
{
    public static ReferenceComparer Instance { get; } = new();

    public bool Equals(Expr? x, Expr? y) => ReferenceEquals(x, y);

    public int GetHashCode(Expr obj) => RuntimeHelpers.GetHashCode(obj);
}
