using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The public members of a method returning a tuple of numbers (<see cref="MethodIr.ReturnsTuple"/>): a vector
/// output, with one seed per element in <c>{M}Pullback</c>, value and tangent tuples from <c>{M}Tangent</c> and
/// <c>{M}Directional</c>, and <c>{M}Jacobian</c> with a row per element. The derivative bodies are those of a void
/// method writing the elements to an output span (the front end lowers the method so), generated privately; these
/// members hold the elements on the stack and pass it.
/// </summary>
internal static class TupleResultWrappers
{
    /// <summary>Writes the public members of <paramref name="ir"/>, whose flat members are already written (privately).</summary>
    public static void Emit(MethodIr ir, IndentedWriter w)
    {
        // The void form's primal (the flat Jacobian calls it when there is nothing to differentiate).
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        string value = names.Fresh("value");
        var output = ir.Variables[Output(ir)];
        w.Line();
        SourceEmitter.WriteDocs(w, $"<see cref=\"{ir.Name}\"/> writing its elements to <paramref name=\"{output.Name}\"/>: the form the derivative members are generated from.");
        using (w.Block($"private {ir.StaticModifier}void {ir.Name}({string.Join(", ", Parameters(ir).Append(Output(ir)).Select(i => Declaration(ir, i)))})"))
        {
            w.Line($"var {value} = {ir.Name}({string.Join(", ", Parameters(ir).Select(i => ir.Variables[i].Name))});");
            for (int i = 0; i < ir.TupleResult.Count; i++)
                w.Line($"{output.Name}[{i.ToString(CultureInfo.InvariantCulture)}] = {value}.Item{(i + 1).ToString(CultureInfo.InvariantCulture)};");
        }
        w.Line();
        WritePullback(ir, w);
        if (!ir.HasForwardMode) return;
        w.Line();
        WriteForward(ir, "Tangent", w);
        w.Line();
        WriteForward(ir, "Directional", w);
        if (!JacobianSupport.Applies(ir)) return;
        w.Line();
        WriteJacobian(ir, w);
    }

    /// <summary>The variable of the synthetic output the IR writes the elements to: the last parameter.</summary>
    private static int Output(MethodIr ir) => ir.ParameterCount - 1;

    /// <summary>The method's own parameters (the output aside), in order.</summary>
    private static IEnumerable<int> Parameters(MethodIr ir)
        => Enumerable.Range(0, ir.ParameterCount).Where(i => i != Output(ir) && ObjectState.TakesArgument(ir.Variables[i]));

    private static IEnumerable<int> Differentiable(MethodIr ir) => Parameters(ir).Where(i => ir.Variables[i].IsDifferentiableParameter);

    private static string Element(MethodIr ir) => ir.Variables[Output(ir)].Kind.Keyword();

    /// <summary>The tuple type, elements named as the method names them: <c>(double R, double Theta)</c>.</summary>
    private static string TupleType(MethodIr ir) => "(" + string.Join(", ", ir.TupleResult.Select(name => Element(ir) + " " + name)) + ")";

    /// <summary>The tuple of the elements of span <paramref name="span"/>: <c>(s[0], s[1])</c>.</summary>
    private static string TupleOf(MethodIr ir, string span)
        => "(" + string.Join(", ", Enumerable.Range(0, ir.TupleResult.Count).Select(i => span + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")) + ")";

    /// <summary>Declares a stack span of the tuple's length named <paramref name="name"/>.</summary>
    private static void DeclareElements(MethodIr ir, IndentedWriter w, string name)
        => w.Line($"global::System.Span<{Element(ir)}> {name} = stackalloc {Element(ir)}[{ir.TupleResult.Count.ToString(CultureInfo.InvariantCulture)}];");

    private static string Declaration(MethodIr ir, int i) => ir.Variables[i].TypeName + " " + ir.Variables[i].Name;

    private static string Signature(MethodIr ir, string returns, string member, IEnumerable<string> declarations)
        => $"public {ir.StaticModifier}{returns} {ir.Name}{member}({string.Join(", ", declarations)})";

    /// <summary><c>{M}Pullback</c>: one seed per element after the values, shadows added to (scalars by <c>ref</c>); returns the value.</summary>
    private static void WritePullback(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var declarations = Parameters(ir).Select(i => Declaration(ir, i)).ToList();
        var seeds = ir.TupleResult.Select(element => names.Fresh("seed" + element)).ToList();
        declarations.AddRange(seeds.Select(seed => Element(ir) + " " + seed));
        var shadows = Differentiable(ir).Select(i => (Variable: i, Name: names.Fresh("d" + Identifiers.Bare(ir.Variables[i].Name)))).ToList();
        declarations.AddRange(shadows.Select(s => (ir.Variables[s.Variable].IsScalar ? "ref " + ir.Variables[s.Variable].Kind.Keyword() : $"global::System.Span<{ir.Variables[s.Variable].Kind.Keyword()}>") + " " + s.Name));
        SourceEmitter.WriteDocs(w, $"Reverse mode of <see cref=\"{ir.Name}\"/>, a vector output: adds the sum over the elements of seed times the element's partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter (one seed per element, in order); returns the value.");
        using (w.Block(Signature(ir, TupleType(ir), "Pullback", declarations)))
        {
            string value = names.Fresh("value");
            string seed = names.Fresh("seed");
            DeclareElements(ir, w, value);
            w.Line($"global::System.ReadOnlySpan<{Element(ir)}> {seed} = stackalloc {Element(ir)}[] {{ {string.Join(", ", seeds)} }};");
            var arguments = Parameters(ir).Select(i => ir.Variables[i].Name).Append(value).Append(seed)
                .Concat(shadows.Select(s => (ir.Variables[s.Variable].IsScalar ? "ref " : "") + s.Name));
            w.Line($"{ir.Name}Pullback({string.Join(", ", arguments)});");
            w.Line($"return {TupleOf(ir, value)};");
        }
    }

    /// <summary><c>{M}Tangent</c> or <c>{M}Directional</c>: the value and the derivative along (t...), each a tuple.</summary>
    private static void WriteForward(MethodIr ir, string suffix, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var declarations = Parameters(ir).Select(i => Declaration(ir, i)).ToList();
        var directions = Differentiable(ir).Select(i => (Variable: i, Name: names.Fresh("t" + Identifiers.Bare(ir.Variables[i].Name)))).ToList();
        declarations.AddRange(directions.Select(d => (ir.Variables[d.Variable].IsScalar ? ir.Variables[d.Variable].Kind.Keyword() : $"global::System.ReadOnlySpan<{ir.Variables[d.Variable].Kind.Keyword()}>") + " " + d.Name));
        SourceEmitter.WriteDocs(w, suffix == "Tangent"
            ? $"Forward mode: the value of <see cref=\"{ir.Name}\"/> and the derivative of each element along the direction (t...)."
            : $"Exact one-sided directional derivative of each element of <see cref=\"{ir.Name}\"/> at the point along (t...), with the value.");
        string tuple = TupleType(ir);
        using (w.Block(Signature(ir, $"({tuple} Value, {tuple} Tangent)", suffix, declarations)))
        {
            string value = names.Fresh("value");
            string tangent = names.Fresh("tangent");
            DeclareElements(ir, w, value);
            DeclareElements(ir, w, tangent);
            var arguments = Parameters(ir).Select(i => ir.Variables[i].Name).Append(value).Concat(directions.Select(d => d.Name)).Append(tangent);
            w.Line($"{ir.Name}{suffix}({string.Join(", ", arguments)});");
            w.Line($"return ({TupleOf(ir, value)}, {TupleOf(ir, tangent)});");
        }
    }

    /// <summary><c>{M}Jacobian</c>: a row per element, a column per differentiable input; returns the value.</summary>
    private static void WriteJacobian(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var declarations = Parameters(ir).Select(i => Declaration(ir, i)).ToList();
        string jacobian = names.Fresh("jacobian");
        string strategy = names.Fresh("strategy");
        declarations.Add($"global::System.Span<{Element(ir)}> {jacobian}");
        declarations.Add($"global::DiffGen.JacobianStrategy {strategy} = global::DiffGen.JacobianStrategy.Auto");
        SourceEmitter.WriteDocs(w, $"The Jacobian of <see cref=\"{ir.Name}\"/>, row-major: a row per tuple element, a column per differentiable input (a scalar one, an array one per element), written to <paramref name=\"{jacobian}\"/>; returns the value.");
        using (w.Block(Signature(ir, TupleType(ir), "Jacobian", declarations)))
        {
            string value = names.Fresh("value");
            DeclareElements(ir, w, value);
            var arguments = Parameters(ir).Select(i => ir.Variables[i].Name).Append(value).Append(jacobian).Append(strategy);
            w.Line($"{ir.Name}Jacobian({string.Join(", ", arguments)});");
            w.Line($"return {TupleOf(ir, value)};");
        }
    }
}
