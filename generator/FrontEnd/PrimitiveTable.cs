using System.Collections.Generic;
using DiffGen.Generator.Ir;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>Which library methods are differentiable primitives, and which primitive each is.</summary>
public static class PrimitiveTable
{
    private static readonly Dictionary<string, Primitive> MathFunctions = new()
    {
        ["Sin"] = Primitive.Sin, ["Cos"] = Primitive.Cos, ["Tan"] = Primitive.Tan,
        ["Asin"] = Primitive.Asin, ["Acos"] = Primitive.Acos, ["Atan"] = Primitive.Atan, ["Atan2"] = Primitive.Atan2,
        ["Sinh"] = Primitive.Sinh, ["Cosh"] = Primitive.Cosh, ["Tanh"] = Primitive.Tanh,
        ["Exp"] = Primitive.Exp, ["Log"] = Primitive.Log, ["Log2"] = Primitive.Log2, ["Log10"] = Primitive.Log10,
        ["Sqrt"] = Primitive.Sqrt, ["Cbrt"] = Primitive.Cbrt, ["Pow"] = Primitive.Pow,
        ["Abs"] = Primitive.Abs, ["Max"] = Primitive.Max, ["Min"] = Primitive.Min, ["Clamp"] = Primitive.Clamp,
        ["Floor"] = Primitive.Floor, ["Ceiling"] = Primitive.Ceiling, ["Round"] = Primitive.Round, ["Truncate"] = Primitive.Truncate,
        ["FusedMultiplyAdd"] = Primitive.FusedMultiplyAdd,
    };

    /// <summary>The primitive <paramref name="method"/> is, if it is one with a floating-point result.</summary>
    public static bool TryGet(IMethodSymbol method, out Primitive primitive)
    {
        primitive = default;
        if (method.ReturnType.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single)) return false;
        string? type = method.ContainingType?.ToDisplayString();
        if (type == "DiffGen.DiffMath")
        {
            if (method.Name != "Relu") return false;
            primitive = Primitive.Relu;
            return true;
        }
        if (type is not ("System.Math" or "System.MathF")) return false;
        if (!MathFunctions.TryGetValue(method.Name, out primitive)) return false;
        if (primitive == Primitive.Log && method.Parameters.Length == 2) primitive = Primitive.LogBase;
        return true;
    }

    /// <summary>How many leading arguments carry derivatives (the rest, like rounding digits, are data).</summary>
    public static int DifferentiableArity(Primitive primitive) => primitive switch
    {
        Primitive.Atan2 or Primitive.LogBase or Primitive.Pow or Primitive.Max or Primitive.Min => 2,
        Primitive.Clamp or Primitive.FusedMultiplyAdd => 3,
        _ => 1,
    };

    /// <summary>Primitives whose derivative is zero wherever it exists (their result is passive). Math.Sign returns an integer, so it is passive anyway.</summary>
    public static bool HasZeroDerivative(Primitive primitive)
        => primitive is Primitive.Floor or Primitive.Ceiling or Primitive.Round or Primitive.Truncate;
}
