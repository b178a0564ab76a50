using System;

namespace DiffGen;

/// <summary>
/// Declares the method it marks as a derivative rule of another method, the way JAX's
/// <c>custom_vjp</c> and Swift's <c>@derivative(of:)</c> do. Generated code calls the rule instead of
/// differentiating the method's body. The runtime's own span primitives register their rules this way.
/// See docs/custom-derivatives.md for the exact signatures.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>Declares a rule for the method named <paramref name="method"/> (use <c>nameof</c>).</summary>
    public DerivativeOfAttribute(string method) => Method = method;

    /// <summary>The name of the method this rule differentiates.</summary>
    public string Method { get; }

    /// <summary>The type that declares the method; the rule's own type when omitted.</summary>
    public Type? Of { get; set; }

    /// <summary>Which rule this is: the pullback (reverse mode, required) or the tangent (forward mode, optional).</summary>
    public DerivativeKind Kind { get; set; } = DerivativeKind.Pullback;
}

/// <summary>The two kinds of derivative rule.</summary>
public enum DerivativeKind
{
    /// <summary>Reverse mode: maps the seed of the outputs to contributions added to the inputs' shadows.</summary>
    Pullback,

    /// <summary>Forward mode: computes the outputs and their tangents from the inputs and theirs.</summary>
    Tangent,
}
