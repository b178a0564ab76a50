using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Differentiable types (DESIGN.md 1.1): classes, structs and records of the compilation, declared
/// partial, whose fields and auto-properties include floating values, arrays of them or
/// <c>Parameter&lt;T&gt;</c>. One definition for receivers and parameters.
/// </summary>
internal static class DifferentiableTypes
{
    /// <summary>
    /// <paramref name="type"/> as a differentiable type a parameter can have, or null: a partial class or
    /// struct declared in source with at least one differentiable member (never a span, a string, a delegate).
    /// </summary>
    public static INamedTypeSymbol? IsDifferentiableType(ITypeSymbol? type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.IsRefLikeType
            || named.SpecialType != SpecialType.None || named.DeclaringSyntaxReferences.Length == 0 || named.IsGenericType)
            return null;
        for (var current = named; current is not null; current = current.ContainingType)
            if (!SymbolFacts.IsPartial(current, cancellationToken)) return null;
        foreach (var (_, _, memberType, noDerivative) in StateMembers(named))
            if (!noDerivative && (ShapeOfMember(memberType).Kind.IsFloating() || VectorComponents(memberType) is not null)) return named;
        return null;
    }

    /// <summary>
    /// Why a class or struct parameter is not a differentiable type, as a clause for DG0007's message
    /// (empty for other types): its source is elsewhere, it is not partial, or it has no differentiable member.
    /// </summary>
    public static string WhyNot(ITypeSymbol type, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.SpecialType != SpecialType.None || named.IsRefLikeType)
            return "";
        if (named.DeclaringSyntaxReferences.Length == 0)
            return " (a type from another assembly: differentiable types are partial classes, structs or records of this project; pass its numbers instead)";
        if (named.IsGenericType) return " (a generic type: differentiable types are not generic yet)";
        for (var current = named; current is not null; current = current.ContainingType)
            if (!SymbolFacts.IsPartial(current, cancellationToken)) return $" (declare '{current.Name}' partial so it gets a Tangent)";
        return " (it has no double or float field, array, Parameter<T> or vector member without [NoDerivative])";
    }

    /// <summary>The component names of <c>System.Numerics.Vector2</c>, <c>Vector3</c> or <c>Vector4</c>; null for any other type.</summary>
    public static string[]? VectorComponents(ITypeSymbol? type)
        => type is INamedTypeSymbol { ContainingNamespace: { } ns } named && ns.ToDisplayString() == "System.Numerics"
            ? named.Name switch
            {
                "Vector2" => new[] { "X", "Y" },
                "Vector3" => new[] { "X", "Y", "Z" },
                "Vector4" => new[] { "X", "Y", "Z", "W" },
                _ => null,
            }
            : null;

    /// <summary>Instance fields and auto-properties (through their backing fields), with the symbol code refers to them by.</summary>
    public static IEnumerable<(ISymbol Symbol, string Name, ITypeSymbol Type, bool NoDerivative)> StateMembers(INamedTypeSymbol type)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic || field.IsConst) continue;
            if (field.AssociatedSymbol is IPropertySymbol property)
                yield return (property, property.Name, property.Type, SymbolFacts.HasAttribute(property, SymbolFacts.NoDerivativeAttribute) || SymbolFacts.HasAttribute(field, SymbolFacts.NoDerivativeAttribute));
            else if (!field.IsImplicitlyDeclared)
                yield return (field, field.Name, field.Type, SymbolFacts.HasAttribute(field, SymbolFacts.NoDerivativeAttribute));
        }
    }

    /// <summary>How a member is held: a scalar or an array (a <c>Parameter&lt;T&gt;</c> is its data array); spans and other types are not state.</summary>
    public static (Shape Shape, ScalarKind Kind) ShapeOfMember(ITypeSymbol type)
    {
        if (SymbolFacts.ParameterObjectKind(type) is ScalarKind element) return (Shape.Array, element);
        var (shape, kind) = SymbolFacts.ShapeOf(type);
        return shape is Shape.Span or Shape.ReadOnlySpan ? (shape, ScalarKind.Other) : (shape, kind);
    }

    public static HierarchyInfo Hierarchy(INamedTypeSymbol type)
    {
        var chain = new List<ContainingTypeInfo>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            string keyword = current.TypeKind switch
            {
                TypeKind.Struct => current.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => current.IsRecord ? "record" : "class",
            };
            string name = current.TypeParameters.Length == 0
                ? current.Name
                : current.Name + "<" + string.Join(", ", current.TypeParameters.Select(p => p.Name)) + ">";
            chain.Add(new ContainingTypeInfo(keyword, name, current.IsStatic, current.TypeParameters.Length > 0));
        }
        chain.Reverse();
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new HierarchyInfo(ns, chain.ToArray(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

}
