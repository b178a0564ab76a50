using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>Which library methods are registered primitives (<see cref="PrimitiveRegistry"/>).</summary>
public static class PrimitiveLookup
{
    /// <summary>The primitive <paramref name="method"/> is, if it is one with a floating-point result.</summary>
    public static bool TryGet(IMethodSymbol method, out Primitive primitive)
    {
        primitive = default;
        if (method.ReturnType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single)) return false;
        MethodLibrary? library = method.ContainingType?.ToDisplayString() switch
        {
            "System.Math" or "System.MathF" => MethodLibrary.Math,
            "DiffGen.DiffMath" => MethodLibrary.DiffMath,
            "double" or "float" or "System.Double" or "System.Single" => MethodLibrary.FloatingPoint,
            _ => null,
        };
        if (library is null || PrimitiveRegistry.Find(library.Value, method.Name, method.Parameters.Length) is not { } rule) return false;
        primitive = new Primitive(rule.Name);
        return true;
    }
}
