using System.Linq;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>Facts about Roslyn symbols the front end and the analyzer both need.</summary>
public static class SymbolFacts
{
    public const string DifferentiableAttribute = "DiffGen.DifferentiableAttribute";
    public const string NoDerivativeAttribute = "DiffGen.NoDerivativeAttribute";
    public const string CheckGradientAtAttribute = "DiffGen.CheckGradientAtAttribute";

    public static bool HasAttribute(ISymbol symbol, string fullName)
    {
        foreach (var attribute in symbol.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == fullName) return true;
        return false;
    }

    /// <summary>The IR kind of a type; <see cref="ScalarKind.Other"/> for anything else.</summary>
    /// <param name="generic">The instantiation of a generic-math method being lowered: its type parameter reads as that kind.</param>
    public static ScalarKind KindOf(ITypeSymbol? type, GenericMath? generic = null) => generic is not null && SymbolEqualityComparer.Default.Equals(type, generic.Parameter) ? generic.Kind : type?.SpecialType switch
    {
        SpecialType.System_Double => ScalarKind.Double,
        SpecialType.System_Single => ScalarKind.Float,
        SpecialType.System_Int32 => ScalarKind.Int,
        SpecialType.System_Int64 => ScalarKind.Long,
        SpecialType.System_Boolean => ScalarKind.Bool,
        _ => ScalarKind.Other,
    };

    /// <summary>The element kinds of a tuple type whose elements are all numbers or bools (not nested tuples); null for any other type.</summary>
    public static ScalarKind[]? TupleElementKinds(ITypeSymbol? type, GenericMath? generic)
    {
        if (type is not INamedTypeSymbol { IsTupleType: true } tuple) return null;
        var kinds = tuple.TupleElements.Select(e => KindOf(e.Type, generic)).ToArray();
        return kinds.All(k => k != ScalarKind.Other) ? kinds : null;
    }

    /// <summary>
    /// The shape and element kind of <paramref name="type"/>: a scalar, a one-dimensional array, or a
    /// <c>Span&lt;T&gt;</c>/<c>ReadOnlySpan&lt;T&gt;</c>. Unsupported types give kind <see cref="ScalarKind.Other"/>.
    /// </summary>
    public static (Ir.Shape Shape, ScalarKind Kind) ShapeOf(ITypeSymbol? type, GenericMath? generic = null)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
            return (Ir.Shape.Array, ElementKind(array.ElementType, generic));
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.ContainingNamespace?.ToDisplayString() == "System")
        {
            if (named.Name == "Span") return (Ir.Shape.Span, ElementKind(named.TypeArguments[0], generic));
            if (named.Name == "ReadOnlySpan") return (Ir.Shape.ReadOnlySpan, ElementKind(named.TypeArguments[0], generic));
        }
        return (Ir.Shape.Scalar, KindOf(type, generic));
    }

    // Elements are numbers: bool arrays are not supported.
    private static ScalarKind ElementKind(ITypeSymbol type, GenericMath? generic)
    {
        var kind = KindOf(type, generic);
        return kind == ScalarKind.Bool ? ScalarKind.Other : kind;
    }

    /// <summary>
    /// A <c>Span&lt;T&gt;</c> of double or float, without <c>[NoDerivative]</c>, of a method returning
    /// void: one of the results the method writes (its pullback takes a seed for it).
    /// </summary>
    public static bool IsOutputParameter(IParameterSymbol parameter) => IsOutputParameter(parameter, null);

    /// <inheritdoc cref="IsOutputParameter(IParameterSymbol)"/>
    public static bool IsOutputParameter(IParameterSymbol parameter, GenericMath? generic)
        => parameter.ContainingSymbol is IMethodSymbol { ReturnsVoid: true }
           && ShapeOf(parameter.Type, generic) is (Ir.Shape.Span, var kind) && kind.IsFloating()
           && !HasAttribute(parameter, NoDerivativeAttribute);

    /// <summary>Whether a parameter of <paramref name="parameter"/>'s type gets a derivative.</summary>
    public static bool IsDifferentiableParameter(IParameterSymbol parameter) => IsDifferentiableParameter(parameter, null);

    /// <inheritdoc cref="IsDifferentiableParameter(IParameterSymbol)"/>
    public static bool IsDifferentiableParameter(IParameterSymbol parameter, GenericMath? generic)
        => ShapeOf(parameter.Type, generic).Kind.IsFloating() && !HasAttribute(parameter, NoDerivativeAttribute);

    /// <summary>The element kind of a <c>DiffGen.Optimizers.Parameter&lt;T&gt;</c> of float or double; null for any other type.</summary>
    public static ScalarKind? ParameterObjectKind(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Parameter", TypeArguments.Length: 1 } named
           && named.ContainingNamespace?.ToDisplayString() == "DiffGen.Optimizers"
           && KindOf(named.TypeArguments[0]) is var kind && kind.IsFloating()
            ? kind
            : null;

    public static string AccessibilityKeyword(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>Whether every declaration of <paramref name="type"/> carries the <c>partial</c> modifier.</summary>
    public static bool IsPartial(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration) return false;
            bool partial = false;
            foreach (var modifier in declaration.Modifiers)
                if (modifier.Text == "partial") partial = true;
            if (!partial) return false;
        }
        return type.DeclaringSyntaxReferences.Length > 0;
    }
}
