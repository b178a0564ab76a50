using DiffGen.Generator.FrontEnd;
using Microsoft.CodeAnalysis;

namespace DiffGen.Analyzers;

/// <summary>
/// Every DiffGen diagnostic, declared once. IDs are stable: DG0xxx errors (the method cannot be
/// differentiated), DG1xxx warnings, DG2xxx information. Each has a page under docs/diagnostics.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "DiffGen";
    private const string HelpRoot = "https://github.com/diffgen/diffgen/blob/main/docs/diagnostics/"; // pages: docs/diagnostics/DGnnnn.md

    public const string UnsupportedStatementId = "DG0001";
    public const string UnsupportedExpressionId = "DG0002";
    public const string NonDifferentiableCallId = "DG0003";
    public const string MethodNotStaticId = "DG0004";
    public const string TypeNotPartialId = "DG0005";
    public const string ByReferenceParameterId = "DG0006";
    public const string UnsupportedTypeId = "DG0007";
    public const string ImplicitPrecisionMixId = "DG0008";
    public const string GenericMethodId = "DG0009";
    public const string InvalidCheckPointId = "DG0010";
    public const string UnsupportedWriteId = "DG0011";
    public const string InvalidCalleeId = "DG0012";
    public const string ActiveArgumentToNoDerivativeId = "DG0013";
    public const string UnstableArrayArgumentId = "DG0014";
    public const string PooledArrayMisuseId = "DG0015";
    public const string ParameterWithoutInfluenceId = "DG1001";
    public const string IntegerConversionCutId = "DG1002";
    public const string RoundingCutId = "DG1003";
    public const string ComparedOnlyId = "DG1004";
    public const string HessianVectorBlockedId = "DG1005";
    public const string NonsmoothSiteId = "DG2001";

    /// <summary>DG0001: "Statement {0} cannot be differentiated; rewrite it with assignments, if/else, for/while/do loops, break, continue and return".</summary>
    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(UnsupportedStatementId,
        "Unsupported statement in a [Differentiable] method",
        "Statement {0} cannot be differentiated; rewrite it with assignments, if/else, for/while/do loops, break, continue and return");

    /// <summary>DG0002: "Expression {0} cannot be differentiated; use arithmetic, comparisons, ?: and calls of Math, MathF, DiffMath or [Differentiable] methods".</summary>
    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(UnsupportedExpressionId,
        "Unsupported expression in a [Differentiable] method",
        "Expression {0} cannot be differentiated; use arithmetic, comparisons, ?: and calls of Math, MathF, DiffMath or [Differentiable] methods");

    /// <summary>DG0003: "'{0}' receives a differentiable value but has no derivative; mark it [Differentiable] or pass only [NoDerivative] data".</summary>
    public static readonly DiagnosticDescriptor NonDifferentiableCall = Error(NonDifferentiableCallId,
        "Call to a method without derivative",
        "'{0}' receives a differentiable value but has no derivative; mark it [Differentiable] or pass only [NoDerivative] data");

    /// <summary>DG0004: "[Differentiable] method '{0}' must be static: an interface or ref struct has no object state its derivatives can read".</summary>
    public static readonly DiagnosticDescriptor MethodNotStatic = Error(MethodNotStaticId,
        "[Differentiable] instance method of an interface or ref struct",
        "[Differentiable] method '{0}' must be static: an interface or ref struct has no object state its derivatives can read");

    /// <summary>DG0005: "Type '{0}' must be declared partial so the generator can add derivative members to it".</summary>
    public static readonly DiagnosticDescriptor TypeNotPartial = Error(TypeNotPartialId,
        "Containing type is not partial",
        "Type '{0}' must be declared partial so the generator can add derivative members to it");

    /// <summary>DG0006: "Parameter '{0}' is passed by reference; [Differentiable] methods take parameters by value".</summary>
    public static readonly DiagnosticDescriptor ByReferenceParameter = Error(ByReferenceParameterId,
        "ref, out or in parameter",
        "Parameter '{0}' is passed by reference; [Differentiable] methods take parameters by value");

    /// <summary>DG0007: "Unsupported type: {0}; use double, float, int, long, bool, or arrays (T[], T[,], T[][]), Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; of double, float or int".</summary>
    public static readonly DiagnosticDescriptor UnsupportedType = Error(UnsupportedTypeId,
        "Unsupported type in a [Differentiable] method",
        "Unsupported type: {0}; use double, float, int, long, bool, or arrays (T[], T[,], T[][]), Span<T> or ReadOnlySpan<T> of double, float or int");

    /// <summary>DG0008: "Implicit conversion mixes float and double differentiable values ({0}); write an explicit cast".</summary>
    public static readonly DiagnosticDescriptor ImplicitPrecisionMix = Error(ImplicitPrecisionMixId,
        "float and double mixed implicitly",
        "Implicit conversion mixes float and double differentiable values ({0}); write an explicit cast");

    /// <summary>DG0009: "[Differentiable] method '{0}' must not be generic".</summary>
    public static readonly DiagnosticDescriptor GenericMethod = Error(GenericMethodId,
        "Generic method without floating-point constraint",
        "[Differentiable] method '{0}' is generic: give it one type parameter constrained to IFloatingPointIeee754<T> (or IBinaryFloatingPointIeee754<T>), or write it for double or float");

    /// <summary>DG0010: "Invalid [CheckGradientAt] point: {0}".</summary>
    public static readonly DiagnosticDescriptor InvalidCheckPoint = Error(InvalidCheckPointId,
        "Invalid [CheckGradientAt] point",
        "Invalid [CheckGradientAt] point: {0}");

    /// <summary>DG0011: "Write to {0} inside a [Differentiable] method; assign to locals or parameters instead".</summary>
    public static readonly DiagnosticDescriptor UnsupportedWrite = Error(UnsupportedWriteId,
        "Write outside the method's locals",
        "Write to {0} inside a [Differentiable] method; assign to locals or parameters instead");

    /// <summary>DG0012: "[Differentiable] callee {0}; fix the callee so its derivatives can be generated".</summary>
    public static readonly DiagnosticDescriptor InvalidCallee = Error(InvalidCalleeId,
        "Callee cannot be differentiated",
        "[Differentiable] callee {0}; fix the callee so its derivatives can be generated");

    /// <summary>DG0013: "A differentiable value is passed as {0}, a [NoDerivative] parameter, so its derivative would be lost; remove [NoDerivative] from the callee's parameter or pass data".</summary>
    public static readonly DiagnosticDescriptor ActiveArgumentToNoDerivative = Error(ActiveArgumentToNoDerivativeId,
        "Differentiable value passed to a [NoDerivative] parameter",
        "A differentiable value is passed as {0}, a [NoDerivative] parameter, so its derivative would be lost; remove [NoDerivative] from the callee's parameter or pass data");

    /// <summary>DG0014: "Array {0}".</summary>
    public static readonly DiagnosticDescriptor UnstableArrayArgument = Error(UnstableArrayArgumentId,
        "Array passed to a call cannot be given back to its pullback",
        "Array {0}");

    /// <summary>DG0015: "Pooled array: {0}".</summary>
    public static readonly DiagnosticDescriptor PooledArrayMisuse = Error(PooledArrayMisuseId,
        "Pooled array used in a way the generated code cannot follow",
        "Pooled array: {0}");

    /// <summary>DG1001 (warning): "Parameter '{0}' never reaches the result through a differentiable path, so its gradient is always zero; mark it [NoDerivative] if it is data".</summary>
    public static readonly DiagnosticDescriptor ParameterWithoutInfluence = new(ParameterWithoutInfluenceId,
        "Differentiable parameter without influence on the result",
        "Parameter '{0}' never reaches the result through a differentiable path, so its gradient is always zero; mark it [NoDerivative] if it is data",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Comparisons, indices, integer conversions and Floor/Round/... carry no derivative.",
        helpLinkUri: HelpRoot + ParameterWithoutInfluenceId + ".md");

    /// <summary>DG1002 (warning): "{0} converts a differentiable value to an integer, which drops its derivative, and the value reaches the result no other way; keep it floating-point, or suppress DG1002 here if the cut is intended".</summary>
    public static readonly DiagnosticDescriptor IntegerConversionCut = Warning(IntegerConversionCutId,
        "Derivative cut by a conversion to an integer type",
        "{0} converts a differentiable value to an integer, which drops its derivative, and the value reaches the result no other way; keep it floating-point, or suppress DG1002 here if the cut is intended",
        "An integer carries no derivative. The warning is given only when the converted value depends on a differentiable input, the conversion influences the result, and the value has no other differentiable path to it.");

    /// <summary>DG1003 (warning): "{0} has derivative zero, so the derivative of its differentiable argument stops here and reaches the result no other way; compute with the unrounded value, or suppress DG1003 here if the cut is intended".</summary>
    public static readonly DiagnosticDescriptor RoundingCut = Warning(RoundingCutId,
        "Derivative cut by Floor, Ceiling, Round, Truncate or Sign",
        "{0} has derivative zero, so the derivative of its differentiable argument stops here and reaches the result no other way; compute with the unrounded value, or suppress DG1003 here if the cut is intended",
        "Floor, Ceiling, Round, Truncate and Sign are piecewise constant: their derivative is zero wherever it exists. The warning is given only when the argument depends on a differentiable input, the call influences the result, and the argument has no other differentiable path to it.");

    /// <summary>DG1004 (warning): "{0} depends on a differentiable input but is used only in comparisons, so its derivative never reaches the gradient; if branching on it is intended (a stopping test, a case split), suppress DG1004 here".</summary>
    public static readonly DiagnosticDescriptor ComparedOnly = Warning(ComparedOnlyId,
        "Differentiable value used only in comparisons",
        "{0} depends on a differentiable input but is used only in comparisons, so its derivative never reaches the gradient; if branching on it is intended (a stopping test, a case split), suppress DG1004 here",
        "A comparison is a boolean and carries no derivative. Parameters used only in comparisons are reported by DG1001; this warning names locals and intermediate values.");

    /// <summary>DG1005 (warning): "{0} cannot compute H·v: {1} in {2} has no second-order rule, so it throws NotSupportedException; use finite differences of {2}Gradient, or write {2} without that call".</summary>
    public static readonly DiagnosticDescriptor HessianVectorBlocked = Warning(HessianVectorBlockedId,
        "H·v blocked by a call without a second-order rule",
        "{0} cannot compute H·v: {1} in {2} has no second-order rule, so it throws NotSupportedException; use finite differences of {2}Gradient, or write {2} without that call",
        "{M}HessianVector runs the reverse sweep over dual numbers, so every derivative the sweep calls must itself be differentiable. A [DerivativeOf] pullback (span primitives included), a [Differentiable] method with array parameters, or an ArrayPool rental has no dual form yet. Reported where the second-order member is called.");

    /// <summary>DG2001 (information): "Nonsmooth {0}: at its kink reverse and forward mode use {1}; {M}Directional is exact there".</summary>
    public static readonly DiagnosticDescriptor NonsmoothSite = new(NonsmoothSiteId,
        "Nonsmooth primitive",
        "Nonsmooth {0}: at its kink reverse and forward mode use {1}; {{M}}Directional is exact there",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "Where the rule chosen at a kink (assembly-wide, [NonsmoothDerivatives]) can matter.",
        helpLinkUri: HelpRoot + NonsmoothSiteId + ".md");

    /// <summary>The descriptor that reports a front-end problem of the given kind.</summary>
    public static DiagnosticDescriptor For(ProblemKind kind) => kind switch
    {
        ProblemKind.UnsupportedStatement => UnsupportedStatement,
        ProblemKind.UnsupportedExpression => UnsupportedExpression,
        ProblemKind.NonDifferentiableCall => NonDifferentiableCall,
        ProblemKind.MethodNotStatic => MethodNotStatic,
        ProblemKind.TypeNotPartial => TypeNotPartial,
        ProblemKind.ByReferenceParameter => ByReferenceParameter,
        ProblemKind.UnsupportedType => UnsupportedType,
        ProblemKind.ImplicitPrecisionMix => ImplicitPrecisionMix,
        ProblemKind.GenericMethod => GenericMethod,
        ProblemKind.InvalidCheckPoint => InvalidCheckPoint,
        ProblemKind.UnsupportedWrite => UnsupportedWrite,
        ProblemKind.InvalidCallee => InvalidCallee,
        ProblemKind.UnstableArrayArgument => UnstableArrayArgument,
        ProblemKind.PooledArrayMisuse => PooledArrayMisuse,
        ProblemKind.ParameterWithoutInfluence => ParameterWithoutInfluence,
        ProblemKind.IntegerConversionCut => IntegerConversionCut,
        ProblemKind.RoundingCut => RoundingCut,
        ProblemKind.ComparedOnly => ComparedOnly,
        ProblemKind.NonsmoothSite => NonsmoothSite,
        ProblemKind.ActiveArgumentToNoDerivative => ActiveArgumentToNoDerivative,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "No descriptor for this problem kind."),
    };

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
               description: description, helpLinkUri: HelpRoot + id + ".md");

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
               description: title + ".", helpLinkUri: HelpRoot + id + ".md");
}
