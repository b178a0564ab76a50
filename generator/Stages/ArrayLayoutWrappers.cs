using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The public members (<c>{M}Gradient</c>, <c>{M}Pullback</c>, <c>{M}Tangent</c>, <c>{M}Directional</c>,
/// <c>{M}GradientCheck</c>, <c>{M}HessianVector</c>, <c>{M}Hessian</c>) of a method with 2-D (<c>T[,]</c>) or jagged (<c>T[][]</c>) parameters
/// (<see cref="ArrayLayout"/>). Its derivative bodies are generated from the flat form, as private
/// overloads; these members take the arrays and their shadows or directions in the method's own
/// shapes, check the shapes agree (<c>ArgumentException</c> naming the argument), and pass the flat form:
/// a rectangular array is viewed in place (its shadow accumulates in place), a jagged one is packed
/// into a flat copy (its shadow is added back row by row after the sweep).
/// </summary>
internal static class ArrayLayoutWrappers
{
    private const string Layouts = "global::DiffGen.ArrayLayouts";

    /// <summary>Writes the private flat primal (what the flat gradient check differentiates by differences, what the flat Jacobian runs, and what callers' generated code calls for the value), then the public members.</summary>
    public static void Emit(MethodIr ir, IndentedWriter w)
    {
        var parameters = Parameters(ir).ToList();
        {
            // The flat primal: the method itself, called with its arrays rebuilt (for the flat gradient check and Jacobian, and callers' primal sweeps).
            string flatParameters = string.Join(", ", parameters.Select(i => ir.Variables[i].TypeName + " " + ir.Variables[i].Name));
            string rebuilt = string.Join(", ", parameters.Where(i => !IsShape(ir, i)).Select(i => Layout(ir, i) is { } layout
                ? layout.IsJagged
                    ? $"{Layouts}.Jagged<{ir.Variables[i].Kind.Keyword()}>({ir.Variables[i].Name}, {ir.Variables[layout.Rows].Name})"
                    : $"{Layouts}.Rectangular<{ir.Variables[i].Kind.Keyword()}>({ir.Variables[i].Name}, {ir.Variables[layout.Rows].Name}, {ir.Variables[layout.Columns].Name})"
                : ir.Variables[i].Name));
            w.Line();
            SourceEmitter.WriteDocs(w, $"<see cref=\"{ir.Name}\"/> on the flat form of its arrays (rebuilt for the call): what the flat gradient check differentiates by differences.");
            w.Line($"private static {(ir.ReturnsVoid ? "void" : ir.ReturnKind.Keyword())} {ir.Name}({flatParameters}) => {ir.Name}({rebuilt});");
        }
        if (!ir.ReturnsVoid)
        {
            w.Line();
            WriteGradient(ir, w, pullback: false);
        }
        w.Line();
        WriteGradient(ir, w, pullback: true);
        if (!ir.HasForwardMode) return;
        w.Line();
        WriteForward(ir, "Tangent", w);
        w.Line();
        WriteForward(ir, "Directional", w);
        if (ir.ReturnsVoid) return;
        w.Line();
        WriteCheck(ir, w);
        if (!HessianSupport.HasPublicMembers(ir)) return;
        w.Line();
        WriteHessianVector(ir, w);
        w.Line();
        WriteHessian(ir, w);
    }

    private static IEnumerable<int> Parameters(MethodIr ir) => Enumerable.Range(0, ir.ParameterCount).Where(i => ObjectState.TakesArgument(ir.Variables[i]));

    private static ArrayLayout? Layout(MethodIr ir, int variable) => ir.Layouts.FirstOrDefault(l => l.Flat == variable);

    /// <summary>A shape parameter of the flat form (rows, columns, offsets): computed by the wrapper, not taken.</summary>
    private static bool IsShape(MethodIr ir, int variable) => ir.Layouts.Any(l => l.Rows == variable || l.Columns == variable);

    /// <summary>The user's type of a 2-D or jagged parameter.</summary>
    private static string ArrayType(VariableInfo variable, ArrayLayout layout) => variable.Kind.Keyword() + (layout.IsJagged ? "[][]" : "[,]");

    /// <summary>The public value parameters (the method's own), and the flat arguments for them, declaring the flat forms in <paramref name="w"/>.</summary>
    private static (List<string> Declarations, List<string> Arguments, Dictionary<int, string> Flats) Values(MethodIr ir, NameScope names, IndentedWriter? w)
    {
        var declarations = new List<string>();
        var arguments = new List<string>();
        var flats = new Dictionary<int, string>();
        foreach (int i in Parameters(ir))
        {
            var variable = ir.Variables[i];
            if (IsShape(ir, i)) continue;
            if (Layout(ir, i) is not { } layout)
            {
                declarations.Add(variable.TypeName + " " + variable.Name);
                arguments.Add(variable.Name);
                continue;
            }
            declarations.Add(ArrayType(variable, layout) + " " + variable.Name);
            string flat = names.Fresh(Identifiers.Bare(variable.Name) + "_flat");
            flats[i] = flat;
            if (layout.IsJagged)
            {
                string offsets = names.Fresh(Identifiers.Bare(variable.Name) + "_offsets");
                w?.Line($"var {flat} = {Layouts}.Pack({variable.Name}, nameof({variable.Name}), out int[] {offsets});");
                arguments.Add(flat);
                arguments.Add(offsets);
            }
            else
            {
                w?.Line($"var {flat} = {Layouts}.Flat({variable.Name}, nameof({variable.Name}));");
                arguments.Add(flat);
                arguments.Add($"{variable.Name}.GetLength(0)");
                arguments.Add($"{variable.Name}.GetLength(1)");
            }
        }
        return (declarations, arguments, flats);
    }

    /// <summary>
    /// A shadow or direction of the array <paramref name="variable"/> (<paramref name="name"/>): its shape
    /// checked, and its flat form as the argument (a jagged one packed; for a shadow, a zeroed flat array
    /// added back by <paramref name="after"/>).
    /// </summary>
    private static string FlatDerivative(MethodIr ir, int variable, ArrayLayout layout, string name, bool shadow, string valueFlat, NameScope names, IndentedWriter w, List<string> after)
    {
        var value = ir.Variables[variable];
        w.Line($"{Layouts}.CheckShape({value.Name}, {name}, nameof({value.Name}), nameof({name}));");
        if (!layout.IsJagged) return $"{Layouts}.Flat({name}, nameof({name}))";
        string flat = names.Fresh(Identifiers.Bare(name) + "_flat");
        if (shadow)
        {
            w.Line($"var {flat} = new {value.Kind.Keyword()}[{valueFlat}.Length];");
            after.Add($"{Layouts}.AddUnpacked({flat}, {name});");
        }
        else
        {
            w.Line($"var {flat} = {Layouts}.Pack({name}, nameof({name}), out _);");
        }
        return flat;
    }

    /// <summary>The public type of a direction of parameter <paramref name="i"/>: the array's own shape, a scalar, or a read-only span.</summary>
    private static string DirectionType(MethodIr ir, int i)
    {
        var variable = ir.Variables[i];
        return Layout(ir, i) is { } layout ? ArrayType(variable, layout)
            : variable.IsScalar ? variable.Kind.Keyword() : $"global::System.ReadOnlySpan<{variable.Kind.Keyword()}>";
    }

    /// <summary>The public type of a shadow (or H·v output) of parameter <paramref name="i"/>: the array's own shape, a scalar by <paramref name="scalarPassing"/>, or a span added to.</summary>
    private static string ShadowType(MethodIr ir, int i, string scalarPassing)
    {
        var variable = ir.Variables[i];
        return Layout(ir, i) is { } layout ? ArrayType(variable, layout)
            : variable.IsScalar ? scalarPassing + " " + variable.Kind.Keyword() : $"global::System.Span<{variable.Kind.Keyword()}>";
    }

    /// <summary>
    /// <c>{M}Gradient</c>, or with <paramref name="pullback"/> <c>{M}Pullback</c> (a seed after the values, or
    /// for a void method a seed per <c>Span</c> output; scalar shadows by <c>ref</c> and added to).
    /// </summary>
    private static void WriteGradient(MethodIr ir, IndentedWriter w, bool pullback)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var (declarations, _, _) = Values(ir, new NameScope(ir.Variables.Select(v => v.Name)), null);
        string seed = names.Fresh("seed");
        var outputSeeds = new List<string>();
        if (pullback && ir.ReturnsVoid)
        {
            foreach (int i in Parameters(ir).Where(i => ir.Variables[i].IsOutput))
            {
                string outputSeed = names.Fresh("d" + Identifiers.Bare(ir.Variables[i].Name));
                outputSeeds.Add(outputSeed);
                declarations.Add($"global::System.ReadOnlySpan<{ir.Variables[i].Kind.Keyword()}> {outputSeed}");
            }
        }
        else if (pullback)
        {
            declarations.Add(ir.ReturnKind.Keyword() + " " + seed);
        }
        var shadows = new List<(int Variable, string Name)>();
        foreach (int i in Parameters(ir).Where(i => ir.Variables[i].IsDifferentiableParameter))
        {
            var variable = ir.Variables[i];
            string shadow = names.Fresh("d" + Identifiers.Bare(variable.Name));
            shadows.Add((i, shadow));
            declarations.Add(ShadowType(ir, i, pullback ? "ref" : "out") + " " + shadow);
        }
        SourceEmitter.WriteDocs(w, pullback && ir.ReturnsVoid
            ? $"Pullback of <see cref=\"{ir.Name}\"/>: given the seeds of the outputs it writes, adds the corresponding partial derivatives to the matching <c>d</c> parameter of each differentiable input (2-D and jagged shadows included)."
            : pullback
            ? $"Reverse mode from a given seed: adds seed times the partial derivative of <see cref=\"{ir.Name}\"/> with respect to each differentiable parameter to the matching <c>d</c> parameter (2-D and jagged shadows included)."
            : $"Reverse mode: returns the value of <see cref=\"{ir.Name}\"/> and writes its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter (array shadows, 2-D and jagged ones included, are added to).");
        using (w.Block($"{ir.Accessibility} static {(pullback ? "void" : ir.ReturnKind.Keyword())} {ir.Name}{(pullback ? "Pullback" : "Gradient")}({string.Join(", ", declarations)})"))
        {
            var (_, arguments, flats) = Values(ir, names, w);
            if (pullback && ir.ReturnsVoid) arguments.AddRange(outputSeeds);
            else if (pullback) arguments.Add(seed);
            var after = new List<string>();
            foreach (var (variable, shadow) in shadows)
            {
                if (Layout(ir, variable) is { } layout)
                {
                    arguments.Add(FlatDerivative(ir, variable, layout, shadow, shadow: true, flats[variable], names, w, after));
                }
                else
                {
                    arguments.Add(ir.Variables[variable].IsScalar ? (pullback ? "ref " : "out ") + shadow : shadow);
                }
            }
            string result = names.Fresh("result");
            w.Line(pullback ? $"{ir.Name}Pullback({string.Join(", ", arguments)});" : $"var {result} = {ir.Name}Gradient({string.Join(", ", arguments)});");
            foreach (var line in after) w.Line(line);
            if (!pullback) w.Line($"return {result};");
        }
    }

    private static void WriteForward(MethodIr ir, string suffix, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var (declarations, _, _) = Values(ir, new NameScope(ir.Variables.Select(v => v.Name)), null);
        var directions = new List<(int Variable, string Name)>();
        foreach (int i in Parameters(ir).Where(i => ir.Variables[i].IsDifferentiableParameter))
        {
            var variable = ir.Variables[i];
            string direction = names.Fresh("t" + Identifiers.Bare(variable.Name));
            directions.Add((i, direction));
            declarations.Add(DirectionType(ir, i) + " " + direction);
        }
        // A void method's outputs: their tangents, written.
        var outputTangents = Parameters(ir).Where(i => ir.Variables[i].IsOutput).Select(i => (Kind: ir.Variables[i].Kind, Name: names.Fresh("t" + Identifiers.Bare(ir.Variables[i].Name)))).ToList();
        declarations.AddRange(outputTangents.Select(t => $"global::System.Span<{t.Kind.Keyword()}> {t.Name}"));
        string type = ir.ReturnKind.Keyword();
        SourceEmitter.WriteDocs(w, ir.ReturnsVoid
            ? $"{(suffix == "Tangent" ? "Forward mode" : "Exact one-sided directional derivatives")}: runs <see cref=\"{ir.Name}\"/> and writes the {(suffix == "Tangent" ? "tangents" : "directional derivatives")} of its outputs along the direction (t...) to the matching <c>t</c> outputs, 2-D and jagged directions shaped like their arrays."
            : suffix == "Tangent"
            ? $"Forward mode: the value of <see cref=\"{ir.Name}\"/> and its derivative along the direction (t...), 2-D and jagged directions shaped like their arrays."
            : $"Exact one-sided directional derivative of <see cref=\"{ir.Name}\"/> at the point along (t...), 2-D and jagged directions shaped like their arrays.");
        using (w.Block($"{ir.Accessibility} static {(ir.ReturnsVoid ? "void" : $"({type} Value, {type} Tangent)")} {ir.Name}{suffix}({string.Join(", ", declarations)})"))
        {
            var (_, arguments, flats) = Values(ir, names, w);
            var after = new List<string>();
            foreach (var (variable, direction) in directions)
                arguments.Add(Layout(ir, variable) is { } layout ? FlatDerivative(ir, variable, layout, direction, shadow: false, flats[variable], names, w, after) : direction);
            arguments.AddRange(outputTangents.Select(t => t.Name));
            w.Line($"{(ir.ReturnsVoid ? "" : "return ")}{ir.Name}{suffix}({string.Join(", ", arguments)});");
        }
    }

    /// <summary><c>{M}HessianVector</c>: directions shaped like their arrays (<c>v</c>...), H·v added to outputs of the same shapes (<c>h</c>...).</summary>
    private static void WriteHessianVector(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var (declarations, _, _) = Values(ir, new NameScope(ir.Variables.Select(v => v.Name)), null);
        var differentiable = Parameters(ir).Where(i => ir.Variables[i].IsDifferentiableParameter).ToList();
        var directions = differentiable.ToDictionary(i => i, i => names.Fresh("v" + Identifiers.Bare(ir.Variables[i].Name)));
        var outputs = differentiable.ToDictionary(i => i, i => names.Fresh("h" + Identifiers.Bare(ir.Variables[i].Name)));
        declarations.AddRange(differentiable.Select(i => DirectionType(ir, i) + " " + directions[i]));
        declarations.AddRange(differentiable.Select(i => ShadowType(ir, i, "out") + " " + outputs[i]));
        SourceEmitter.WriteDocs(w, $"Forward over reverse: returns the value of <see cref=\"{ir.Name}\"/> and adds the Hessian times the direction (v...) to the matching <c>h</c> output (scalars are written); 2-D and jagged directions and outputs are shaped like their arrays.");
        using (w.Block($"{ir.Accessibility} static {ir.ReturnKind.Keyword()} {ir.Name}HessianVector({string.Join(", ", declarations)})"))
        {
            var (_, arguments, flats) = Values(ir, names, w);
            var after = new List<string>();
            foreach (int i in differentiable)
                arguments.Add(Layout(ir, i) is { } layout ? FlatDerivative(ir, i, layout, directions[i], shadow: false, flats[i], names, w, after) : directions[i]);
            foreach (int i in differentiable)
                arguments.Add(Layout(ir, i) is { } layout ? FlatDerivative(ir, i, layout, outputs[i], shadow: true, flats[i], names, w, after)
                    : ir.Variables[i].IsScalar ? "out " + outputs[i] : outputs[i]);
            string result = names.Fresh("result");
            w.Line($"var {result} = {ir.Name}HessianVector({string.Join(", ", arguments)});");
            foreach (var line in after) w.Line(line);
            w.Line($"return {result};");
        }
    }

    /// <summary><c>{M}Hessian</c>: the dense Hessian over the differentiable inputs, 2-D and jagged arrays by their elements in row-major order.</summary>
    private static void WriteHessian(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var (declarations, _, _) = Values(ir, new NameScope(ir.Variables.Select(v => v.Name)), null);
        var inputs = ir.Variables.Take(ir.ParameterCount).Where(v => v.IsDifferentiableParameter).ToList();
        var kind = inputs[0].Kind;
        if (inputs.Any(v => v.Kind != kind)) return; // mixed float and double inputs: the flat form has no Hessian either
        string hessian = names.Fresh("hessian");
        declarations.Add($"global::System.Span<{kind.Keyword()}> {hessian}");
        SourceEmitter.WriteDocs(w, $"The Hessian of <see cref=\"{ir.Name}\"/> over its differentiable inputs in parameter order, the elements of 2-D and jagged arrays in row-major order, written to <paramref name=\"{hessian}\"/> row-major; returns the value.");
        using (w.Block($"{ir.Accessibility} static {ir.ReturnKind.Keyword()} {ir.Name}Hessian({string.Join(", ", declarations)})"))
        {
            var (_, arguments, _) = Values(ir, names, w);
            arguments.Add(hessian);
            w.Line($"return {ir.Name}Hessian({string.Join(", ", arguments)});");
        }
    }

    private static void WriteCheck(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var (declarations, _, _) = Values(ir, new NameScope(ir.Variables.Select(v => v.Name)), null);
        SourceEmitter.WriteDocs(w, $"Checks <see cref=\"{ir.Name}Gradient\"/> against <see cref=\"{ir.Name}Tangent\"/> and central finite differences of <see cref=\"{ir.Name}\"/>; elements of 2-D and jagged arrays are labelled by their row-major position.");
        using (w.Block($"{ir.Accessibility} static global::DiffGen.GradientCheckResult {ir.Name}GradientCheck({string.Join(", ", declarations)})"))
        {
            var (_, arguments, _) = Values(ir, names, w);
            w.Line($"return {ir.Name}GradientCheck({string.Join(", ", arguments)});");
        }
    }
}
