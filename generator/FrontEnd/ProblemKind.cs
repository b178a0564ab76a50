namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Why the front end refuses a method (or part of it). The analyzer maps each kind to a DG
/// diagnostic; the generator skips the method. Keep in step with analyzers/DiagnosticDescriptors.cs.
/// </summary>
public enum ProblemKind
{
    /// <summary>DG0001: a statement kind the generator cannot differentiate.</summary>
    UnsupportedStatement,
    /// <summary>DG0002: an expression or operator the generator cannot differentiate.</summary>
    UnsupportedExpression,
    /// <summary>DG0003: a call with differentiable arguments to a method without derivative.</summary>
    NonDifferentiableCall,
    /// <summary>DG0004: an instance method of an interface or ref struct.</summary>
    MethodNotStatic,
    /// <summary>DG0005: a containing type is not partial.</summary>
    TypeNotPartial,
    /// <summary>DG0006: a ref, out or in parameter.</summary>
    ByReferenceParameter,
    /// <summary>DG0007: a parameter, return or local of a type the generator does not support.</summary>
    UnsupportedType,
    /// <summary>DG0008: float and double differentiable values mixed by an implicit conversion.</summary>
    ImplicitPrecisionMix,
    /// <summary>DG0009: a generic method.</summary>
    GenericMethod,
    /// <summary>DG0010: a [CheckGradientAt] point that does not fit the method.</summary>
    InvalidCheckPoint,
    /// <summary>DG0011: a write to a field, property or element.</summary>
    UnsupportedWrite,
    /// <summary>DG0012: a call to a [Differentiable] method whose derivatives cannot be generated.</summary>
    InvalidCallee,
    /// <summary>DG0013: a differentiable value passed to a [NoDerivative] parameter, whose derivative would be dropped.</summary>
    ActiveArgumentToNoDerivative,
    /// <summary>DG0014: an array passed whole to a call changes before the adjoint sweep needs it.</summary>
    UnstableArrayArgument,
    /// <summary>DG0015: an array rented from ArrayPool&lt;T&gt;.Shared used in a way the generated code cannot follow.</summary>
    PooledArrayMisuse,
    /// <summary>DG1001 (warning): a differentiable parameter that never influences the result through a differentiable path.</summary>
    ParameterWithoutInfluence,
    /// <summary>DG1002 (warning): a differentiable value converted to an integer type, its derivative lost on the way to the result.</summary>
    IntegerConversionCut,
    /// <summary>DG1003 (warning): a differentiable value passed to Floor, Ceiling, Round, Truncate or Sign, its derivative lost on the way to the result.</summary>
    RoundingCut,
    /// <summary>DG1004 (warning): a differentiable local or intermediate value used only in comparisons.</summary>
    ComparedOnly,
    /// <summary>DG2001 (information): a nonsmooth primitive on differentiable values, with the rule used at its kink.</summary>
    NonsmoothSite,
}
