using System.Linq;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// One instantiation of a generic-math method (<c>static T F&lt;T&gt;(T x) where T : IFloatingPointIeee754&lt;T&gt;</c>):
/// its type parameter lowered as <see cref="Kind"/>. The generator emits each instantiation's derivatives as
/// overloads for that type (<c>FGradient(double x, out double dx)</c>, <c>FGradient(float x, out float dx)</c>).
/// Lives in the front end only: pipeline outputs hold no symbols.
/// </summary>
public sealed class GenericMath
{
    public GenericMath(ITypeParameterSymbol parameter, ScalarKind kind)
    {
        Parameter = parameter;
        Kind = kind;
    }

    public ITypeParameterSymbol Parameter { get; }

    public ScalarKind Kind { get; }

    /// <summary>The floating kinds a generic-math method is instantiated for.</summary>
    public static readonly ScalarKind[] Instantiations = { ScalarKind.Double, ScalarKind.Float };

    /// <summary>
    /// The method's one type parameter when it is constrained to floating-point math
    /// (<c>IFloatingPointIeee754&lt;T&gt;</c>, <c>IBinaryFloatingPointIeee754&lt;T&gt;</c>, or an interface that
    /// extends one of them); null otherwise.
    /// </summary>
    public static ITypeParameterSymbol? FloatingParameter(IMethodSymbol method)
    {
        if (method.TypeParameters.Length != 1) return null;
        var parameter = method.TypeParameters[0];
        foreach (var constraint in parameter.ConstraintTypes.OfType<INamedTypeSymbol>())
            if (IsFloatingInterface(constraint) || constraint.AllInterfaces.Any(IsFloatingInterface)) return parameter;
        return null;
    }

    private static bool IsFloatingInterface(INamedTypeSymbol type)
        => type.ContainingNamespace?.ToDisplayString() == "System.Numerics"
           && type.Name is "IFloatingPointIeee754" or "IBinaryFloatingPointIeee754";

    /// <summary>Whether <paramref name="method"/> is one of the generic-math interfaces' members (an operator, <c>T.Exp</c>, <c>T.Pi</c>).</summary>
    public static bool IsInterfaceMember(ISymbol? method)
        => method?.ContainingType is { TypeKind: TypeKind.Interface } type && type.ContainingNamespace?.ToDisplayString() == "System.Numerics";
}
