using System.Collections.Generic;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Models;

/// <summary>
/// How rendered code spells the floating types and the functions over them. <see cref="Primal"/> is the
/// C# of the method (<c>double</c>, <c>Math.Exp</c>); <see cref="Dual"/> renders the same plan over the
/// runtime's dual numbers (<c>DiffGen.Dual</c>, <c>DiffGen.DualMath.Exp</c>), which is how
/// <c>{M}HessianVector</c> gets forward mode over the reverse sweep without a second emitter. Integer and
/// other types are spelled the same in both.
/// </summary>
public sealed class ScalarSpelling
{
    private readonly NonsmoothSettings? _settings;
    private readonly HashSet<string> _liftedParameters;

    private ScalarSpelling(NonsmoothSettings? settings, IEnumerable<string>? liftedParameters = null)
    {
        _settings = settings;
        _liftedParameters = new HashSet<string>(liftedParameters ?? new string[0]);
    }

    /// <summary>The method's own types.</summary>
    public static ScalarSpelling Primal { get; } = new(null);

    /// <summary><c>double</c> as <c>DiffGen.Dual</c>, <c>float</c> as <c>DiffGen.DualF</c>; nonsmooth primitives take <paramref name="settings"/>' kink choices.</summary>
    /// <param name="settings">The assembly's kink choices.</param>
    /// <param name="liftedParameters">
    /// Passive floating array parameters that the dual body takes as dual arrays (of tangent zero) because it
    /// passes them to a span primitive's second-order rule, whose overloads take dual spans only.
    /// </param>
    public static ScalarSpelling Dual(NonsmoothSettings settings, IEnumerable<string>? liftedParameters = null) => new(settings, liftedParameters);

    /// <summary>Whether floating values are dual numbers.</summary>
    public bool IsDual => _settings is not null;

    /// <summary>
    /// A call of <paramref name="primitive"/> (the library method <paramref name="method"/>) over dual numbers:
    /// <c>DualMath.Abs(x, 0.0)</c>, the kink setting appended for the nonsmooth ones, so the value's tangent at
    /// a kink follows the rule the gradient applies there.
    /// </summary>
    public string DualCall(Primitive primitive, ScalarKind kind, string method, IEnumerable<string> arguments)
    {
        var all = new List<string>(arguments);
        var kink = PrimitiveRegistry.Rule(primitive).Kink;
        if (kink == KinkSetting.ClampPassesAtBound) all.Add(_settings!.ClampPassesAtBound ? "true" : "false");
        else if (kink != KinkSetting.None) all.Add(kind.Literal(kink.ValueIn(_settings!)));
        return MathClass(kind) + "." + method + "(" + string.Join(", ", all) + ")";
    }

    /// <summary>The type of a value of <paramref name="kind"/>.</summary>
    public string Keyword(ScalarKind kind) => !IsDual ? kind.Keyword() : kind switch
    {
        ScalarKind.Double => "global::DiffGen.Dual",
        ScalarKind.Float => "global::DiffGen.DualF",
        _ => kind.Keyword(),
    };

    /// <summary>The class whose functions take values of <paramref name="kind"/>.</summary>
    public string MathClass(ScalarKind kind) => IsDual ? "global::DiffGen.DualMath" : kind.MathClass();

    /// <summary>The class of the nonsmooth partials (<c>AbsPartial</c>, ...).</summary>
    public string NonsmoothRules => IsDual ? "global::DiffGen.DualNonsmoothRules" : "global::DiffGen.NonsmoothRules";

    /// <summary>
    /// The type of a parameter of a dual body: floating scalars are dual (callers pass dual or plain values),
    /// differentiable arrays carry dual elements, other arrays keep their type (passive data needs no tangent).
    /// </summary>
    public string ParameterTypeName(VariableInfo variable)
        => variable.IsScalar || variable.IsDifferentiableParameter || _liftedParameters.Contains(variable.Name) ? TypeName(variable) : variable.TypeName;

    /// <summary>The method a rule-backed call calls: under a dual spelling, its second-order rule's primal.</summary>
    public string RuleTarget(RuleInfo rule) => IsDual && rule.DualTarget is { } dual ? dual : rule.Target;

    /// <summary>The pullback a rule-backed call's adjoint calls: under a dual spelling, its second-order rule's pullback.</summary>
    public string RulePullback(RuleInfo rule) => IsDual && rule.DualPullback is { } dual ? dual : rule.Pullback;

    /// <summary>The C# type of <paramref name="variable"/> (see <see cref="VariableInfo.TypeName"/>).</summary>
    public string TypeName(VariableInfo variable) => !IsDual || variable.ObjectType is not null || !variable.Kind.IsFloating() ? variable.TypeName : variable.Shape switch
    {
        Shape.Array => Keyword(variable.Kind) + "[]",
        Shape.Span => "global::System.Span<" + Keyword(variable.Kind) + ">",
        Shape.ReadOnlySpan => "global::System.ReadOnlySpan<" + Keyword(variable.Kind) + ">",
        _ => Keyword(variable.Kind),
    };
}
