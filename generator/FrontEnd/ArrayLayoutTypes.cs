using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Which array types beyond <c>T[]</c> a <c>[Differentiable]</c> method may take and declare: 2-D
/// rectangular (<c>T[,]</c>) and jagged (<c>T[][]</c>) arrays of double, float or int. One definition for
/// the signature check and the lowering.
/// </summary>
internal static class ArrayLayoutTypes
{
    /// <summary>Whether <paramref name="type"/> is a supported 2-D or jagged array, and its element kind.</summary>
    public static (bool Jagged, ScalarKind Kind)? Of(ITypeSymbol? type)
    {
        if (type is not IArrayTypeSymbol array) return null;
        if (array.Rank == 2 && Element(array.ElementType) is { } kind) return (false, kind);
        if (array.Rank == 1 && array.ElementType is IArrayTypeSymbol { Rank: 1 } row && Element(row.ElementType) is { } rowKind) return (true, rowKind);
        return null;
    }

    /// <summary>For an array type that is neither <c>T[]</c> nor supported by <see cref="Of"/>: what to write instead; null otherwise.</summary>
    public static string? Refusal(ITypeSymbol? type)
    {
        if (type is not IArrayTypeSymbol array || (array.Rank == 1 && array.ElementType is not IArrayTypeSymbol) || Of(type) is not null) return null;
        return " (arrays of rank 1 and 2 and jagged arrays of one level, T[][], are supported: store a higher-rank array as a 2-D or flat array and compute the index)";
    }

    private static ScalarKind? Element(ITypeSymbol element)
        => SymbolFacts.KindOf(element) is var kind && kind is ScalarKind.Double or ScalarKind.Float or ScalarKind.Int ? kind : null;
}
