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

    /// <summary>
    /// For an array type other than <c>T[]</c> that the method cannot take or declare (of rank 3 or more, nested
    /// deeper than <c>T[][]</c>, of another element type, or in a generic method): what to write instead; null otherwise.
    /// </summary>
    public static string? Refusal(ITypeSymbol? type, bool inGenericMethod = false)
    {
        if (type is not IArrayTypeSymbol array || (array.Rank == 1 && array.ElementType is not IArrayTypeSymbol)) return null;
        bool supportedShape = array.Rank == 2 || array.ElementType is IArrayTypeSymbol { Rank: 1, ElementType: not IArrayTypeSymbol };
        if (!supportedShape)
            return " (arrays of rank 1 and 2 and jagged arrays of one level, T[][], are supported: store a higher-rank array as a 2-D or flat array and compute the index)";
        if (Of(type) is null)
            return " (2-D and jagged arrays of double, float or int are supported; for other elements, or a generic T, take a flat array and compute the index)";
        if (inGenericMethod)
            return " (2-D and jagged arrays are supported in methods that are not generic: write the method for double or float, or take a flat T[] and compute the index)";
        return null;
    }

    private static ScalarKind? Element(ITypeSymbol element)
        => SymbolFacts.KindOf(element) is var kind && kind is ScalarKind.Double or ScalarKind.Float or ScalarKind.Int ? kind : null;
}
