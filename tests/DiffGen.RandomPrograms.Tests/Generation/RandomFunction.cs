using System.Collections.Generic;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// One generated <c>[Differentiable]</c> function: its C# text and the shape of its parameters, in
/// order: <see cref="Scalars"/> <c>double</c> parameters <c>x0..</c>, <see cref="Arrays"/>
/// <c>double[]</c> (or, with <see cref="SpanParameters"/>, <c>ReadOnlySpan&lt;double&gt;</c>) parameters <c>a0..</c> of length <see cref="ArrayLength"/>, then optionally
/// <c>[NoDerivative] double c</c> and <c>int n</c>; with <see cref="Object"/>, also the state of a generated type. <see cref="Callees"/> holds every function it calls,
/// directly or not; <see cref="CallDepth"/> is the length of its longest call chain. A
/// <see cref="Generic"/> function is generic math over T (the harness calls it with T = double).
/// </summary>
public sealed record RandomFunction(
    string Name,
    string Source,
    int Scalars,
    int Arrays,
    int ArrayLength,
    bool HasData,
    bool HasCount,
    bool IsSmooth,
    Construct Used,
    IReadOnlyList<string> Callees,
    int CallDepth,
    bool SpanParameters = false,
    ObjectShape? Object = null,
    bool Generic = false,
    MultiArrayShape? Multi = null)
{
    /// <summary>Differentiable inputs, flattened: scalars, then each array's elements, then the object's state.</summary>
    /// <summary>What a failure report shows: the method, with the generated type it reads.</summary>
    public string FullSource => Object switch
    {
        null => Source,
        { Form: ObjectForm.Instance } shape => shape.Declaration(Source),
        var shape => shape.Declaration(null) + Source,
    };

    public int Dimension => Scalars + Arrays * ArrayLength + (Multi?.Count ?? 0) + (Object?.Dimension(ArrayLength) ?? 0);
}
