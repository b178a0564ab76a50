namespace DiffGen;

/// <summary>Where kinks were hit: a primitive called at a source line of a method.</summary>
/// <param name="Primitive">The primitive: <c>Relu</c>, <c>Abs</c>, <c>Max</c>, <c>Min</c>, <c>Clamp</c>, <c>CopySign</c>, <c>MaxMagnitude</c>, <c>MinMagnitude</c>, <c>RootN</c>, <c>Hypot</c>, or a span primitive such as <c>SpanOps.Relu</c>.</param>
/// <param name="Method">The <c>[Differentiable]</c> method that calls it, e.g. <c>N.Model.Loss</c>.</param>
/// <param name="Line">The 1-based source line of the call.</param>
public readonly record struct KinkSite(string Primitive, string Method, int Line)
{
    /// <summary>The method named for hits a rule records when no generated code called it.</summary>
    public const string OutsideGeneratedCode = "(outside generated code)";

    /// <inheritdoc/>
    public override string ToString() => $"{Primitive} at {Method}, line {Line}";
}
