using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>The C# of a slice argument (<c>a.AsSpan(start, length)</c> in the source) and of its shadows.</summary>
internal static class SliceSyntax
{
    /// <summary>The primal slice: AsSpan on an array, Slice on a span (keeping its read-only-ness).</summary>
    public static string OfPrimal(string variable, bool onArray, string start, string? length)
        => onArray ? $"global::System.MemoryExtensions.AsSpan({variable}, {Bounds(start, length)})" : $"{variable}.Slice({Bounds(start, length)})";

    /// <summary>
    /// The same slice of a shadow, which may be an array or a span (or a read-only span for an input's
    /// tangent): the conversion to the span type the rule expects makes one form fit all. Under a dual
    /// <paramref name="spelling"/> the elements are dual numbers.
    /// </summary>
    public static string OfShadow(string shadow, ScalarKind kind, bool readOnly, string start, string? length, ScalarSpelling? spelling = null)
        => $"(({(readOnly ? "global::System.ReadOnlySpan" : "global::System.Span")}<{(spelling ?? ScalarSpelling.Primal).Keyword(kind)}>){shadow}).Slice({Bounds(start, length)})";

    private static string Bounds(string start, string? length) => length is null ? start : start + ", " + length;
}
