using System;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The derivative of every scalar primitive and arithmetic operator, written once as partial
/// derivatives. Forward mode multiplies them by the operand tangents, reverse mode by the seed, so the
/// two modes cannot disagree on a rule. Directional mode replaces the nonsmooth primitives' partials by
/// their exact one-sided rules (<see cref="DirectionalTangent"/>). Kink values come from
/// <see cref="NonsmoothSettings"/>; the rules themselves live in the runtime's NonsmoothRules.
/// </summary>
internal static class DerivativeRules
{
    private const string Rules = "global::DiffGen.NonsmoothRules";

    /// <summary>
    /// ∂y/∂argument for each differentiable argument of <paramref name="primitive"/>, as C# expressions
    /// over the argument values <paramref name="a"/> and the result <paramref name="y"/> (both names of
    /// values already computed), in precision <paramref name="k"/>.
    /// </summary>
    public static string[] Partials(Primitive primitive, ScalarKind k, string[] a, string y, NonsmoothSettings settings)
    {
        string M = k.MathClass();
        string One = k.Literal(1), Zero = k.Literal(0);
        string L(double v) => k.Literal(v);
        return primitive switch
        {
            Primitive.Sin => new[] { $"{M}.Cos({a[0]})" },
            Primitive.Cos => new[] { $"(-{M}.Sin({a[0]}))" },
            Primitive.Tan => new[] { $"({One} + {y} * {y})" },
            Primitive.Asin => new[] { $"({One} / {M}.Sqrt({One} - {a[0]} * {a[0]}))" },
            Primitive.Acos => new[] { $"(-{One} / {M}.Sqrt({One} - {a[0]} * {a[0]}))" },
            Primitive.Atan => new[] { $"({One} / ({One} + {a[0]} * {a[0]}))" },
            // Atan2(y, x): ∂/∂y = x / (x² + y²), ∂/∂x = -y / (x² + y²).
            Primitive.Atan2 => new[]
            {
                $"({a[1]} / ({a[0]} * {a[0]} + {a[1]} * {a[1]}))",
                $"(-{a[0]} / ({a[0]} * {a[0]} + {a[1]} * {a[1]}))",
            },
            Primitive.Sinh => new[] { $"{M}.Cosh({a[0]})" },
            Primitive.Cosh => new[] { $"{M}.Sinh({a[0]})" },
            Primitive.Tanh => new[] { $"({One} - {y} * {y})" },
            Primitive.Exp => new[] { y },
            Primitive.Log => new[] { $"({One} / {a[0]})" },
            // log_b(a) = ln a / ln b.
            Primitive.LogBase => new[]
            {
                $"({One} / ({a[0]} * {M}.Log({a[1]})))",
                $"(-{y} / ({a[1]} * {M}.Log({a[1]})))",
            },
            Primitive.Log2 => new[] { $"({One} / ({a[0]} * {L(Math.Log(2))}))" },
            Primitive.Log10 => new[] { $"({One} / ({a[0]} * {L(Math.Log(10))}))" },
            Primitive.Sqrt => new[] { $"({L(0.5)} / {y})" },
            Primitive.Cbrt => new[] { $"({One} / ({L(3)} * {y} * {y}))" },
            // PyTorch's pow: the base partial is 0 when the exponent is 0, the exponent partial is 0 when
            // the base is 0 and the exponent non-negative (instead of 0 * log 0 = NaN).
            Primitive.Pow => new[]
            {
                $"({a[1]} == {Zero} ? {Zero} : {a[1]} * {M}.Pow({a[0]}, {a[1]} - {One}))",
                $"({a[0]} == {Zero} && {a[1]} >= {Zero} ? {Zero} : {y} * {M}.Log({a[0]}))",
            },
            Primitive.Abs => new[] { $"{Rules}.AbsPartial({a[0]}, {L(settings.AbsAtZero)})" },
            Primitive.Relu => new[] { $"{Rules}.ReluPartial({a[0]}, {L(settings.ReluAtZero)})" },
            Primitive.Max => new[]
            {
                $"{Rules}.MaxPartialFirst({a[0]}, {a[1]}, {L(settings.TieShareFirst)})",
                $"({One} - {Rules}.MaxPartialFirst({a[0]}, {a[1]}, {L(settings.TieShareFirst)}))",
            },
            Primitive.Min => new[]
            {
                $"{Rules}.MinPartialFirst({a[0]}, {a[1]}, {L(settings.TieShareFirst)})",
                $"({One} - {Rules}.MinPartialFirst({a[0]}, {a[1]}, {L(settings.TieShareFirst)}))",
            },
            Primitive.Clamp => ClampPartials(k, a, settings),
            Primitive.FusedMultiplyAdd => new[] { a[1], a[0], "1" },
            // Floor, Ceiling, Round, Truncate: zero derivative; activity analysis never asks for them.
            _ => throw new InvalidOperationException("No partials for " + primitive),
        };
    }

    private static string[] ClampPartials(ScalarKind k, string[] a, NonsmoothSettings settings)
    {
        string route = $"{Rules}.ClampRoute({a[0]}, {a[1]}, {a[2]}, {(settings.ClampPassesAtBound ? "true" : "false")})";
        string One = k.Literal(1), Zero = k.Literal(0);
        return new[]
        {
            $"({route} == 0 ? {One} : {Zero})",
            $"({route} == 1 ? {One} : {Zero})",
            $"({route} == 2 ? {One} : {Zero})",
        };
    }

    /// <summary>
    /// The exact one-sided directional derivative of a nonsmooth primitive, or null when the primitive is
    /// smooth (then the partials apply). <paramref name="t"/> holds tangent expressions ("0" literals for
    /// passive arguments).
    /// </summary>
    public static string? DirectionalTangent(Primitive primitive, string[] a, string[] t) => primitive switch
    {
        Primitive.Abs => $"{Rules}.AbsDirectional({a[0]}, {t[0]})",
        Primitive.Relu => $"{Rules}.ReluDirectional({a[0]}, {t[0]})",
        Primitive.Max => $"{Rules}.MaxDirectional({a[0]}, {t[0]}, {a[1]}, {t[1]})",
        Primitive.Min => $"{Rules}.MinDirectional({a[0]}, {t[0]}, {a[1]}, {t[1]})",
        Primitive.Clamp => $"{Rules}.ClampDirectional({a[0]}, {t[0]}, {a[1]}, {t[1]}, {a[2]}, {t[2]})",
        _ => null,
    };

    /// <summary>Partials of the arithmetic operators: (∂/∂left, ∂/∂right) for y = left op right.</summary>
    public static (string Left, string Right) BinaryPartials(BinaryOp op, ScalarKind k, string left, string right, string y) => op switch
    {
        BinaryOp.Add => ("1", "1"),
        BinaryOp.Subtract => ("1", "-1"),
        BinaryOp.Multiply => (right, left),
        BinaryOp.Divide => ($"({k.Literal(1)} / {right})", $"(-{y} / {right})"),
        _ => throw new InvalidOperationException("No partials for " + op),
    };

    /// <summary><paramref name="seed"/> times <paramref name="partial"/>, folding the unit partials "1" and "-1".</summary>
    public static string Times(string seed, string partial) => partial switch
    {
        "1" => seed,
        "-1" => "(-" + seed + ")",
        _ => seed + " * " + partial,
    };
}
