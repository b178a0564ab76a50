using System.Linq;
using System.Threading;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Finds the <c>[DerivativeOf]</c> rules of a method: methods of the same type marked
/// <c>[DerivativeOf(nameof(F))]</c> (pullback) and <c>[DerivativeOf(nameof(F), Kind = DerivativeKind.Tangent)]</c>,
/// whose leading parameters have F's types (so overloads pick their own rules). The runtime's span
/// primitives are found the same way as a user's rules. See docs/custom-derivatives.md.
/// </summary>
public static class RuleLookup
{
    public const string DerivativeOfAttribute = "DiffGen.DerivativeOfAttribute";

    public static RuleInfo? Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!method.IsStatic) return null;
        IMethodSymbol? pullback = null, tangent = null;
        foreach (var member in method.ContainingType.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol { IsStatic: true } declared) continue;
            // A generic rule (DotPullback<T>) is matched as constructed with the call's type arguments.
            var candidate = declared;
            if (method.IsGenericMethod)
            {
                if (declared.TypeParameters.Length != method.TypeArguments.Length) continue;
                candidate = declared.Construct(method.TypeArguments.ToArray());
            }
            else if (declared.IsGenericMethod)
            {
                continue;
            }
            foreach (var attribute in candidate.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != DerivativeOfAttribute) continue;
                if (cancellationToken.IsCancellationRequested) return null;
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value as string != method.Name) continue;
                var of = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Of").Value.Value as ITypeSymbol;
                if (of is not null && !SymbolEqualityComparer.Default.Equals(of, method.ContainingType)) continue;
                if (!StartsWithParametersOf(candidate, method)) continue;
                bool isTangent = attribute.NamedArguments.Any(a => a.Key == "Kind" && a.Value.Value is int kind && kind == 1);
                if (isTangent) tangent ??= candidate;
                else pullback ??= candidate;
            }
        }
        if (pullback is null) return null;
        string type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        // Explicit type arguments: inference would not see through array-to-span conversions.
        string typeArguments = method.IsGenericMethod
            ? "<" + string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))) + ">"
            : "";
        var roles = method.Parameters.Select(Role).ToArray();
        return new RuleInfo(type + "." + method.Name + typeArguments, type + "." + pullback.Name + typeArguments,
                            tangent is null ? null : type + "." + tangent.Name + typeArguments, roles);
    }

    /// <summary>Span&lt;T&gt; parameters of a rule-backed method are outputs; floating scalars, arrays and read-only spans inputs.</summary>
    public static ArgumentRole Role(IParameterSymbol parameter) => Role(parameter, null);

    /// <inheritdoc cref="Role(IParameterSymbol)"/>
    public static ArgumentRole Role(IParameterSymbol parameter, GenericMath? generic)
    {
        var (shape, kind) = SymbolFacts.ShapeOf(parameter.Type, generic);
        if (!kind.IsFloating() || SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute)) return ArgumentRole.Data;
        return shape == Shape.Span ? ArgumentRole.Output : ArgumentRole.Input;
    }

    private static bool StartsWithParametersOf(IMethodSymbol rule, IMethodSymbol method)
    {
        if (rule.Parameters.Length < method.Parameters.Length) return false;
        for (int i = 0; i < method.Parameters.Length; i++)
            if (!SymbolEqualityComparer.Default.Equals(rule.Parameters[i].Type, method.Parameters[i].Type)) return false;
        return true;
    }
}
