using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Which methods get second-order members, and what blocks H·v in the others. <c>{M}HessianVector</c> runs the
/// reverse body over dual numbers, so every derivative the body calls must itself be differentiable in forward
/// mode. Scalar primitives are (<c>DiffGen.DualMath</c>), and so are calls of other [Differentiable] methods with
/// scalar parameters (their own dual bodies). A rule-backed call (a <c>[DerivativeOf]</c> rule, a span
/// primitive) passes when the callee has a second-order rule, overloads of its primal and pullback over dual
/// numbers beside its first-order rules (<see cref="RuleInfo.HasSecondOrderRule"/>, found by
/// <c>RuleLookup</c>); one without, or a [Differentiable] method with array parameters, blocks H·v, and the
/// analyzer names it (DG1005).
/// </summary>
public static class HessianSupport
{
    /// <summary>
    /// Whether <paramref name="ir"/> gets a dual body and the second-order members: a static method returning a
    /// floating scalar, reading no objects. Methods writing span outputs and instance methods get none.
    /// </summary>
    public static bool Applies(MethodIr ir)
        => !ir.ReturnsVoid && !ir.ReadsObjects && ir.ReturnKind.IsFloating();

    /// <summary>Whether <paramref name="ir"/> gets <c>{M}HessianVector</c> and <c>{M}Hessian</c>: it has a differentiable parameter.</summary>
    public static bool HasPublicMembers(MethodIr ir)
        => Applies(ir) && ir.Variables.Take(ir.ParameterCount).Any(v => v.IsDifferentiableParameter);

    /// <summary>
    /// The functions of the runtime's <c>DiffGen.DualMath</c> (for <c>Dual</c> and <c>DualF</c>): a primitive whose
    /// library method is not among them (one added to the registry later) blocks H·v instead of breaking the build.
    /// A test keeps this list equal to the runtime's.
    /// </summary>
    public static readonly HashSet<string> DualMathFunctions = new()
    {
        "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Atan2", "Sinh", "Cosh", "Tanh", "Exp", "Log", "Log2", "Log10", "Sqrt", "Cbrt",
        "Pow", "FusedMultiplyAdd", "Asinh", "Acosh", "Atanh", "Hypot", "ExpM1", "Exp2", "Exp10", "Exp2M1", "Exp10M1", "LogP1",
        "Log2P1", "Log10P1", "SinPi", "CosPi", "TanPi", "AsinPi", "AcosPi", "AtanPi", "Atan2Pi", "Abs", "Relu", "Max", "Min", "Clamp",
        "Floor", "Ceiling", "Truncate", "Round", "ScaleB", "RootN", "CopySign", "MaxMagnitude", "MinMagnitude",
    };

    /// <summary>
    /// What in <paramref name="ir"/>'s own body blocks H·v, in words naming the call ("the call to
    /// 'N.T.F'"), with the call's site index (-1 when it has none); null when nothing does. A method that
    /// calls a blocked [Differentiable] method is not blocked itself: H·v through the callee throws, naming it.
    /// </summary>
    public static (string Reason, string? Target, int Site)? Blocker(MethodIr ir)
    {
        foreach (var statement in IrTree.AllStatements(ir.Body))
        {
            switch (statement)
            {
                case RuleCallStmt call when !call.Rule.HasSecondOrderRule:
                    return (RuleReason(call.Rule), call.Rule.Target, call.Site);
                case AllocateStmt { Pooled: true } allocate:
                    return ("the ArrayPool rental of '" + ir.Variables[allocate.Variable].Name + "'", null, allocate.Site);
            }
            foreach (var expr in IrTree.Expressions(statement).SelectMany(IrTree.SelfAndDescendants))
            {
                if (expr is RuleCallExpr rule && !rule.Rule.HasSecondOrderRule) return (RuleReason(rule.Rule), rule.Rule.Target, rule.Site);
                if (expr is PrimitiveCallExpr primitive && primitive.Kind.IsFloating() && !DualMathFunctions.Contains(PrimalRenderer.MethodName(primitive.Target)))
                    return ("the call to '" + Display(primitive.Target) + "', which has no dual form in DiffGen.DualMath yet", primitive.Target, primitive.Site);
                if (expr is OpaqueCallExpr opaque && opaque.Arguments.Any(a => a is VariableExpr v && !ir.Variables[v.Variable].IsScalar && v.Kind.IsFloating()))
                    return ("the call to '" + Display(opaque.Target) + "', which reads a floating array", opaque.Target, opaque.Site);
            }
        }
        for (int i = 0; i < ir.ParameterCount; i++)
        {
            var variable = ir.Variables[i];
            if (!variable.IsScalar && variable.Kind.IsFloating() && variable.IsActive && !variable.IsDifferentiableParameter)
                return ("the [NoDerivative] array parameter '" + variable.Name + "', which the method writes with differentiable values", null, -1);
        }
        return null;
    }

    /// <summary>
    /// The passive floating array parameters that <paramref name="ir"/>'s dual body takes as dual arrays: those it
    /// passes to a rule-backed call, whose second-order rule takes dual spans only. <c>{M}HessianVector</c> passes
    /// them with tangent zero.
    /// </summary>
    public static IReadOnlyList<string> LiftedParameters(MethodIr ir)
    {
        var passed = new HashSet<int>();
        foreach (var statement in IrTree.AllStatements(ir.Body))
        {
            if (statement is RuleCallStmt call) passed.UnionWith(call.Arguments.OfType<ArrayRefExpr>().Select(a => a.Variable));
            foreach (var rule in IrTree.Expressions(statement).SelectMany(IrTree.SelfAndDescendants).OfType<RuleCallExpr>())
                passed.UnionWith(rule.Arguments.OfType<ArrayRefExpr>().Select(a => a.Variable));
        }
        return Enumerable.Range(0, ir.ParameterCount).Where(passed.Contains).Select(i => ir.Variables[i])
            .Where(v => !v.IsScalar && v.Kind.IsFloating() && !v.IsDifferentiableParameter && v.ObjectType is null)
            .Select(v => v.Name).ToList();
    }

    private static string RuleReason(RuleInfo rule)
        => rule.Pullback == rule.Target + ReverseEmitter.UncheckedPullbackSuffix
            ? "the call to '" + Display(rule.Target) + "', a [Differentiable] method with array parameters, objects or span outputs (H·v does not pass through those yet)"
            : "the call to '" + Display(rule.Target) + "', whose [DerivativeOf] pullback has no second-order rule";

    private static string Display(string target) => target.Replace("global::", "");
}
