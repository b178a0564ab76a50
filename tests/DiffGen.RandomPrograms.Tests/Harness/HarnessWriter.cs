using System.Collections.Generic;
using System.Linq;
using System.Text;
using DiffGen.RandomPrograms.Tests.Generation;

namespace DiffGen.RandomPrograms.Tests.Harness;

/// <summary>
/// C# text compiled next to the random functions: the file declaring a function, and for each
/// function a flat entry point per generated member, taking the differentiable inputs as one
/// <c>double[]</c> (scalars, then the arrays' elements) so the test can call them through delegates.
/// </summary>
public static class HarnessWriter
{
    public const string Namespace = "RandomPrograms";
    public const string HarnessClass = "Harness";
    /// <summary>The value passed to the <c>[NoDerivative] double c</c> parameter.</summary>
    public const string DataValue = "0.625";

    public static string FunctionFile(RandomFunction function)
    {
        string header = $"using System;\nusing System.Numerics;\nusing DiffGen;\n\nnamespace {Namespace};\n\n";
        string inClass = $"public static partial class {ProgramGenerator.ClassName}\n{{\n{function.Source}}}\n";
        return function.Object switch
        {
            null => header + inClass,
            { Form: ObjectForm.Instance } shape => header + shape.Declaration(function.Source),
            var shape => header + shape.Declaration(null) + "\n" + inClass,
        };
    }

    public static string HarnessFile(RandomFunction f)
    {
        var text = new StringBuilder();
        text.Append($"using System;\n\nnamespace {Namespace};\n\npublic static partial class {HarnessClass}\n{{\n");
        var shape = f.Object;
        string call = shape?.Form == ObjectForm.Instance ? "m." + f.Name : $"{ProgramGenerator.ClassName}.{f.Name}";
        string primal = string.Join(", ", PrimalArguments(f));
        string unpack = Unpack(f, "p", "a") + UnpackMulti(f, "p", "") + (shape is null ? "" : ObjectHarness.Build(f, shape, "m", "p", tangent: false));

        // Spans are not inferred from arrays: name T for the generic primal.
        text.Append($"    public static double {f.Name}_Value(double[] p, int n)\n    {{\n{unpack}        return {call}{(f.Generic ? "<double>" : "")}({primal});\n    }}\n\n");

        var shadows = Enumerable.Range(0, f.Scalars).Select(i => "out double dx" + i).Concat(Enumerable.Range(0, f.Arrays).Select(i => "da" + i)).Concat(MultiName(f, "d"));
        if (shape is not null) shadows = shadows.Append(ObjectHarness.GradientShadow(shape));
        text.Append($"    public static double {f.Name}_Gradient(double[] p, int n, double[] g)\n    {{\n{unpack}");
        for (int i = 0; i < f.Arrays; i++) text.Append($"        double[] da{i} = new double[{f.ArrayLength}];\n");
        if (f.Multi is { } multi) text.Append(ZeroMulti(multi, "d"));
        if (shape is { IsStruct: false }) text.Append($"        var dm = new {shape.TypeName}.Tangent(m);\n");
        text.Append($"        double value = {call}Gradient({string.Join(", ", PrimalArguments(f).Concat(shadows))});\n");
        text.Append(Pack(f, "g", "dx", "da") + PackMulti(f, "g", "d"));
        if (shape is not null) text.Append(ObjectHarness.Pack(f, shape, "dm", "g"));
        text.Append("        return value;\n    }\n\n");

        var tangents = Enumerable.Range(0, f.Scalars).Select(i => $"u[{i}]").Concat(Enumerable.Range(0, f.Arrays).Select(i => "ua" + i)).Concat(MultiName(f, "u"));
        if (shape is not null) tangents = tangents.Append("tm");
        foreach (string mode in new[] { "Tangent", "Directional" })
        {
            text.Append($"    public static double {f.Name}_{mode}(double[] p, int n, double[] u, double[] value)\n    {{\n{unpack}{Unpack(f, "u", "ua")}{UnpackMulti(f, "u", "u")}{(shape is null ? "" : ObjectHarness.Build(f, shape, "tm", "u", tangent: true))}");
            text.Append($"        var (v, t) = {call}{mode}({string.Join(", ", PrimalArguments(f).Concat(tangents))});\n");
            text.Append("        value[0] = v;\n        return t;\n    }\n\n");
        }

        var refs = Enumerable.Range(0, f.Scalars).Select(i => "ref dx" + i).Concat(Enumerable.Range(0, f.Arrays).Select(i => "da" + i)).Concat(MultiName(f, "d"));
        if (shape is not null) refs = refs.Append(ObjectHarness.PullbackShadow(shape));
        text.Append($"    public static void {f.Name}_Pullback(double[] p, int n, double seed, double[] g)\n    {{\n{unpack}");
        for (int i = 0; i < f.Scalars; i++) text.Append($"        double dx{i} = g[{i}];\n");
        text.Append(Unpack(f, "g", "da") + UnpackMulti(f, "g", "d"));
        if (shape is not null) text.Append(ObjectHarness.Build(f, shape, "dm", "g", tangent: true));
        text.Append($"        {call}Pullback({string.Join(", ", PrimalArguments(f).Append("seed").Concat(refs))});\n");
        text.Append(Pack(f, "g", "dx", "da") + PackMulti(f, "g", "d"));
        if (shape is not null) text.Append(ObjectHarness.Pack(f, shape, "dm", "g"));
        text.Append("    }\n");

        if (HasHessianVector(f))
        {
            // {M}HessianVector: H u into h (static functions without objects: the others get none).
            var outputs = Enumerable.Range(0, f.Scalars).Select(i => "out double hx" + i).Concat(Enumerable.Range(0, f.Arrays).Select(i => "ha" + i));
            text.Append($"\n    public static void {f.Name}_HessianVector(double[] p, int n, double[] u, double[] h)\n    {{\n{unpack}{Unpack(f, "u", "ua")}");
            for (int i = 0; i < f.Arrays; i++) text.Append($"        double[] ha{i} = new double[{f.ArrayLength}];\n");
            text.Append($"        {call}HessianVector({string.Join(", ", PrimalArguments(f).Concat(tangents).Concat(outputs))});\n");
            text.Append(Pack(f, "h", "hx", "ha"));
            text.Append("    }\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Whether the function gets {M}HessianVector: a static function reading no objects, with a differentiable input.</summary>
    public static bool HasHessianVector(RandomFunction f) => f.Object is null && f.Multi is null && f.Scalars + f.Arrays > 0;

    private static IEnumerable<string> PrimalArguments(RandomFunction f)
    {
        for (int i = 0; i < f.Scalars; i++) yield return $"p[{i}]";
        for (int i = 0; i < f.Arrays; i++) yield return "a" + i;
        if (f.Multi is { } multi) yield return multi.Name;
        if (f.Object?.Form == ObjectForm.Parameter) yield return "m";
        if (f.HasData) yield return DataValue;
        if (f.HasCount) yield return "n";
    }

    private static string Unpack(RandomFunction f, string flat, string prefix)
    {
        var text = new StringBuilder();
        for (int i = 0; i < f.Arrays; i++)
        {
            int start = f.Scalars + i * f.ArrayLength;
            text.Append($"        double[] {prefix}{i} = {flat}[{start}..{start + f.ArrayLength}];\n");
        }
        return text.ToString();
    }

    private static string Pack(RandomFunction f, string flat, string scalarPrefix, string arrayPrefix)
    {
        var text = new StringBuilder();
        for (int i = 0; i < f.Scalars; i++) text.Append($"        {flat}[{i}] = {scalarPrefix}{i};\n");
        for (int i = 0; i < f.Arrays; i++) text.Append($"        {arrayPrefix}{i}.CopyTo({flat}, {f.Scalars + i * f.ArrayLength});\n");
        return text.ToString();
    }

    /// <summary>The 2-D or jagged argument's name with <paramref name="prefix"/>, if the function has one.</summary>
    private static IEnumerable<string> MultiName(RandomFunction f, string prefix)
        => f.Multi is { } multi ? new[] { prefix + multi.Name } : System.Array.Empty<string>();

    private static int MultiStart(RandomFunction f) => f.Scalars + f.Arrays * f.ArrayLength;

    /// <summary>Declares the 2-D or jagged argument <paramref name="prefix"/> + name, filled from <paramref name="flat"/> row by row.</summary>
    private static string UnpackMulti(RandomFunction f, string flat, string prefix)
    {
        if (f.Multi is not { } multi) return "";
        int start = MultiStart(f);
        string name = prefix + multi.Name;
        if (!multi.Jagged)
            return $"        var {name} = new double[{multi.Rows}, {multi.Columns}];\n"
                 + $"        for (int r = 0; r < {multi.Rows}; r++) for (int c = 0; c < {multi.Columns}; c++) {name}[r, c] = {flat}[{start} + r * {multi.Columns} + c];\n";
        var rows = new List<string>();
        foreach (int length in multi.RowLengths)
        {
            rows.Add($"{flat}[{start}..{start + length}]");
            start += length;
        }
        return $"        double[][] {name} = {{ {string.Join(", ", rows)} }};\n";
    }

    /// <summary>Declares a zero 2-D or jagged shadow shaped like the argument.</summary>
    private static string ZeroMulti(MultiArrayShape multi, string prefix)
        => multi.Jagged
            ? $"        double[][] {prefix}{multi.Name} = {{ {string.Join(", ", multi.RowLengths.Select(l => $"new double[{l}]"))} }};\n"
            : $"        var {prefix}{multi.Name} = new double[{multi.Rows}, {multi.Columns}];\n";

    /// <summary>Copies the 2-D or jagged shadow <paramref name="prefix"/> + name into <paramref name="flat"/> row by row.</summary>
    private static string PackMulti(RandomFunction f, string flat, string prefix)
    {
        if (f.Multi is not { } multi) return "";
        string name = prefix + multi.Name;
        return multi.Jagged
            ? $"        {{ int k = {MultiStart(f)}; foreach (var row in {name}) foreach (double v in row) {flat}[k++] = v; }}\n"
            : $"        {{ int k = {MultiStart(f)}; foreach (double v in {name}) {flat}[k++] = v; }}\n";
    }
}
