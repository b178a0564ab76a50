namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>How a function reaches the state of its generated type.</summary>
public enum ObjectForm
{
    /// <summary>An instance method of the type, reading its fields directly or through <c>this</c>.</summary>
    Instance,
    /// <summary>A static method of <see cref="ProgramGenerator.ClassName"/> taking the object as parameter <c>m</c> after the arrays.</summary>
    Parameter,
}

/// <summary>
/// The generated partial type holding part of a function's differentiable inputs: <see cref="Scalars"/>
/// <c>double</c> fields <c>S0..</c> and, with <see cref="HasArray"/>, a <c>double[] W</c> of the batch's
/// array length. <see cref="Members"/> is the C# text of its other members (a computed property, a helper
/// instance method); for <see cref="ObjectForm.Instance"/> the function itself is inside the type.
/// </summary>
public sealed record ObjectShape(string TypeName, ObjectForm Form, bool IsStruct, bool IsRecord, int Scalars, bool HasArray, string Members)
{
    public string Keyword => IsStruct ? (IsRecord ? "record struct" : "struct") : (IsRecord ? "record" : "class");

    /// <summary>The declaration of the generated type (holding <paramref name="function"/> too for the instance form).</summary>
    public string Declaration(string? function)
        => $"public partial {Keyword} {TypeName}\n{{\n{Members}{(function is null ? "" : "\n" + function)}}}\n";

    /// <summary>Differentiable state, flattened: the scalar fields, then W's elements.</summary>
    public int Dimension(int arrayLength) => Scalars + (HasArray ? arrayLength : 0);
}
