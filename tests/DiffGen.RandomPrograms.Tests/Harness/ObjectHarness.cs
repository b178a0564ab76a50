using System.Text;
using DiffGen.RandomPrograms.Tests.Generation;

namespace DiffGen.RandomPrograms.Tests.Harness;

/// <summary>
/// The harness text for a function with an object (<see cref="RandomFunction.Object"/>): building the
/// object and its <c>Tangent</c>s from the flat input vector (the state comes after the scalars and
/// arrays) and flattening a <c>Tangent</c> back, and the object's argument in each generated member.
/// </summary>
public static class ObjectHarness
{
    private static int Offset(RandomFunction f) => f.Scalars + f.Arrays * f.ArrayLength;

    /// <summary><c>var {name} = new T();</c> (or <c>new T.Tangent(m)</c>, zero of m's shape) with the state read from <paramref name="flat"/>.</summary>
    public static string Build(RandomFunction f, ObjectShape shape, string name, string flat, bool tangent)
    {
        var text = new StringBuilder(tangent ? $"        var {name} = new {shape.TypeName}.Tangent(m);\n" : $"        var {name} = new {shape.TypeName}();\n");
        int offset = Offset(f);
        for (int i = 0; i < shape.Scalars; i++) text.Append($"        {name}.S{i} = {flat}[{offset + i}];\n");
        if (shape.HasArray) text.Append($"        {name}.W = {flat}[{offset + shape.Scalars}..{offset + shape.Scalars + f.ArrayLength}];\n");
        return text.ToString();
    }

    /// <summary>Writes the <c>Tangent</c> <paramref name="name"/> into <paramref name="flat"/>.</summary>
    public static string Pack(RandomFunction f, ObjectShape shape, string name, string flat)
    {
        var text = new StringBuilder();
        int offset = Offset(f);
        for (int i = 0; i < shape.Scalars; i++) text.Append($"        {flat}[{offset + i}] = {name}.S{i};\n");
        if (shape.HasArray) text.Append($"        {name}.W.CopyTo({flat}, {offset + shape.Scalars});\n");
        return text.ToString();
    }

    /// <summary>The object's shadow in {M}Gradient: added to for a class, a fresh out for a struct.</summary>
    public static string GradientShadow(ObjectShape shape) => shape.IsStruct ? $"out {shape.TypeName}.Tangent dm" : "dm";

    /// <summary>The object's shadow in {M}Pullback: added to (by ref for a struct).</summary>
    public static string PullbackShadow(ObjectShape shape) => shape.IsStruct ? "ref dm" : "dm";
}
