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
        var (dualTarget, dualPullback) = FindSecondOrder(method, cancellationToken);
        return new RuleInfo(type + "." + method.Name + typeArguments, type + "." + pullback.Name + typeArguments,
                            tangent is null ? null : type + "." + tangent.Name + typeArguments, roles,
                            DualTarget: dualPullback is null ? null : type + "." + dualTarget!.Name,
                            DualPullback: dualPullback is null ? null : type + "." + dualPullback.Name);
    }

    /// <summary>
    /// The second-order rule of <paramref name="method"/>, found beside its first-order rules: a non-generic overload of
    /// the method over dual numbers (each <c>double</c> of its parameters <c>DiffGen.Dual</c>, each <c>float</c>
    /// <c>DiffGen.DualF</c>, in spans and arrays too) and a <c>[DerivativeOf]</c> pullback whose leading parameters are
    /// the same. Both or neither (then H·v through a call of the method is blocked, DG1005).
    /// </summary>
    private static (IMethodSymbol? Target, IMethodSymbol? Pullback) FindSecondOrder(IMethodSymbol method, CancellationToken cancellationToken)
    {
        IMethodSymbol? target = null, pullback = null;
        foreach (var member in method.ContainingType.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol { IsStatic: true, IsGenericMethod: false } declared || declared.Parameters.Length < method.Parameters.Length) continue;
            if (!LeadingParametersAreDualOf(declared, method)) continue;
            if (declared.Name == method.Name && declared.Parameters.Length == method.Parameters.Length)
            {
                target ??= declared;
                continue;
            }
            foreach (var attribute in declared.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != DerivativeOfAttribute) continue;
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value as string != method.Name) continue;
                if (attribute.NamedArguments.Any(a => a.Key == "Kind" && a.Value.Value is int kind && kind != 0)) continue;
                pullback ??= declared;
            }
        }
        return target is null || pullback is null ? (null, null) : (target, pullback);
    }

    private static bool LeadingParametersAreDualOf(IMethodSymbol dual, IMethodSymbol method)
    {
        bool anyFloating = false;
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (dual.Parameters[i].RefKind != method.Parameters[i].RefKind || !IsDualOf(dual.Parameters[i].Type, method.Parameters[i].Type, ref anyFloating)) return false;
        }
        return anyFloating;
    }

    /// <summary>Whether <paramref name="dual"/> is <paramref name="primal"/> with <c>double</c> as <c>DiffGen.Dual</c> and <c>float</c> as <c>DiffGen.DualF</c>.</summary>
    private static bool IsDualOf(ITypeSymbol dual, ITypeSymbol primal, ref bool anyFloating)
    {
        switch (primal.SpecialType)
        {
            case SpecialType.System_Double:
                anyFloating = true;
                return dual.ToDisplayString() == "DiffGen.Dual";
            case SpecialType.System_Single:
                anyFloating = true;
                return dual.ToDisplayString() == "DiffGen.DualF";
        }
        if (primal is IArrayTypeSymbol primalArray)
            return dual is IArrayTypeSymbol dualArray && dualArray.Rank == primalArray.Rank && IsDualOf(dualArray.ElementType, primalArray.ElementType, ref anyFloating);
        if (primal is INamedTypeSymbol { IsGenericType: true } primalGeneric)
        {
            if (dual is not INamedTypeSymbol dualGeneric || !SymbolEqualityComparer.Default.Equals(primalGeneric.OriginalDefinition, dualGeneric.OriginalDefinition)) return false;
            for (int i = 0; i < primalGeneric.TypeArguments.Length; i++)
                if (!IsDualOf(dualGeneric.TypeArguments[i], primalGeneric.TypeArguments[i], ref anyFloating)) return false;
            return true;
        }
        return SymbolEqualityComparer.Default.Equals(dual, primal);
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
