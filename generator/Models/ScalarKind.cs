namespace DiffGen.Generator.Models;

/// <summary>The types the IR distinguishes. Only <see cref="Double"/> and <see cref="Float"/> carry derivatives.</summary>
public enum ScalarKind
{
    Double,
    Float,
    Int,
    Long,
    Bool,
    /// <summary>Any other type, allowed only in passive sub-expressions and rendered by name.</summary>
    Other,
}

/// <summary>Helpers over <see cref="ScalarKind"/>.</summary>
public static class ScalarKindExtensions
{
    public static bool IsFloating(this ScalarKind kind) => kind is ScalarKind.Double or ScalarKind.Float;

    /// <summary>The C# keyword of the type.</summary>
    public static string Keyword(this ScalarKind kind) => kind switch
    {
        ScalarKind.Double => "double",
        ScalarKind.Float => "float",
        ScalarKind.Int => "int",
        ScalarKind.Long => "long",
        ScalarKind.Bool => "bool",
        _ => "object",
    };

    /// <summary>The math class whose functions take this precision.</summary>
    public static string MathClass(this ScalarKind kind) => kind == ScalarKind.Float ? "global::System.MathF" : "global::System.Math";

    /// <summary>A literal of this floating type, e.g. <c>0.5</c> or <c>0.5f</c>.</summary>
    public static string Literal(this ScalarKind kind, double value)
    {
        string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0) text += ".0";
        return kind == ScalarKind.Float ? text + "f" : text;
    }
}
