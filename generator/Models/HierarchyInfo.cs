using DiffGen.Generator.Helpers;

namespace DiffGen.Generator.Models;

/// <summary>One containing type declaration, enough to reopen it as <c>partial</c> without a symbol.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="NameWithTypeParameters">For example <c>Outer&lt;T&gt;</c>.</param>
/// <param name="IsStatic">Whether the declaration is <c>static</c>.</param>
/// <param name="IsGeneric">Whether it declares type parameters.</param>
public sealed record ContainingTypeInfo(string Keyword, string NameWithTypeParameters, bool IsStatic, bool IsGeneric);

/// <summary>The namespace and chain of containing types (outermost first) of a differentiable method.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Types">Containing types, outermost first.</param>
/// <param name="FullTypeName">Fully qualified name of the innermost type, with <c>global::</c>.</param>
public sealed record HierarchyInfo(string Namespace, EquatableArray<ContainingTypeInfo> Types, string FullTypeName)
{
    public bool AnyGeneric
    {
        get
        {
            foreach (var type in Types) if (type.IsGeneric) return true;
            return false;
        }
    }
}
