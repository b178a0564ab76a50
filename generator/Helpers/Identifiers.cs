using Microsoft.CodeAnalysis.CSharp;

namespace DiffGen.Generator.Helpers;

/// <summary>C# identifiers in generated code: user names may be keywords written with '@' (<c>@base</c>).</summary>
internal static class Identifiers
{
    /// <summary><paramref name="name"/>, prefixed with '@' when it is a reserved keyword.</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The name without its '@', for building derived names and messages.</summary>
    public static string Bare(string name) => name.TrimStart('@');
}
