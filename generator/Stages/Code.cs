namespace DiffGen.Generator.Stages;

/// <summary>
/// A piece of generated C# in its two forms: as an operand (parenthesized where it is composite, so it
/// can stand inside a larger expression) and as a whole statement's expression (without those outer
/// parentheses). Stages build both as they write, instead of reading parentheses back out of the text.
/// </summary>
/// <param name="Operand">The form that is safe as an operand.</param>
/// <param name="Statement">The form for a right-hand side, an argument or a condition.</param>
internal readonly record struct Code(string Operand, string Statement)
{
    /// <summary>A name, literal, call or element access: the same in both forms.</summary>
    public static Code Atom(string text) => new(text, text);

    /// <summary>A composite expression: parenthesized as an operand.</summary>
    public static Code Composite(string text) => new("(" + text + ")", text);

    /// <inheritdoc/>
    public override string ToString() => Operand;
}
