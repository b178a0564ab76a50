using System.Text.RegularExpressions;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// Rewrites a generated double body as generic math over <c>T : IFloatingPointIeee754&lt;T&gt;</c>:
/// <c>double</c> becomes <c>T</c>, <c>Math.X</c> and <c>double.X</c> become <c>T.X</c>, and every
/// floating literal (all contain a '.', integer literals are indices and counts) becomes
/// <c>T.CreateChecked(literal)</c>. The writers avoid what has no generic counterpart or cannot be
/// rewritten this way (<see cref="Excluded"/>; <c>DiffMath.Relu</c>; an integer times a constant is
/// written with <c>T.CreateChecked(i)</c>).
/// </summary>
public static class GenericMathDialect
{
    /// <summary>
    /// Constructs a generic function does not use: calls of the batch's double functions and of itself,
    /// SpanOps (not generic over T here), Sign (an int) and the other step functions, stackalloc (T is
    /// not unmanaged), and objects.
    /// </summary>
    public const Construct Excluded = Construct.Calls | Construct.Recursion | Construct.SpanPrimitives | Construct.StepFunctions
        | Construct.Stackalloc | Construct.InstanceMethods | Construct.ObjectParameters | Construct.StructObjects
        | Construct.ComputedProperties | Construct.InstanceCalls;

    public const string Constraint = "where T : IFloatingPointIeee754<T>";

    private static readonly Regex FloatingLiteral = new(@"(?<![\w.])\d+\.\d+(?![\w.])", RegexOptions.CultureInvariant);
    private static readonly Regex Library = new(@"\b(?:Math|double)\.(?=[A-Z])", RegexOptions.CultureInvariant);
    private static readonly Regex Keyword = new(@"\bdouble\b", RegexOptions.CultureInvariant);

    public static string Translate(string text)
    {
        text = FloatingLiteral.Replace(text, m => $"T.CreateChecked({m.Value})");
        text = Library.Replace(text, "T.");
        return Keyword.Replace(text, "T");
    }
}
