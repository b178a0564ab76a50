using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The <c>System.Half</c> members of a generic-math method (<c>T F&lt;T&gt;(T x, ReadOnlySpan&lt;T&gt; w)</c>):
/// <c>{M}Gradient</c>, <c>{M}Pullback</c>, <c>{M}Tangent</c> and <c>{M}Directional</c> taking and returning <c>Half</c>
/// where the method has <c>T</c>. They widen the inputs to <c>float</c>, run the <c>float</c> instantiation's
/// members and round each result to <c>Half</c> once. Computing in <c>float</c> is what <c>Half</c> arithmetic does
/// anyway (each operator widens, computes and rounds), so the derivative is at least as accurate as the method
/// evaluated in <c>Half</c>, with one rounding per result instead of one per operation; arrays are copied per call.
/// Emitted beside the <c>float</c> instantiation, for methods returning a scalar and taking numbers, arrays and spans.
/// </summary>
public static class HalfWrappers
{
    private const string Half = "global::System.Half";
    private const string Conversions = "global::DiffGen.HalfConversions";

    /// <summary>Whether <paramref name="ir"/> is the <c>float</c> instantiation of a generic-math method that gets <c>Half</c> members.</summary>
    public static bool Applies(MethodIr ir)
        => ir.TypeParameterUses.Count == ir.ParameterCount + 1 && !ir.ReturnsVoid && !ir.ReadsObjects && ir.Layouts.Count == 0
           && Enumerable.Range(0, ir.ParameterCount).Any(i => ir.TypeParameterUses[i])
           && Enumerable.Range(0, ir.ParameterCount).Where(i => ir.TypeParameterUses[i]).All(i => ir.Variables[i].Kind == ScalarKind.Float);

    internal static void Emit(MethodIr ir, IndentedWriter w)
    {
        w.Line();
        WriteReverse(ir, w, pullback: false);
        w.Line();
        WriteReverse(ir, w, pullback: true);
        if (!ir.HasForwardMode) return;
        w.Line();
        WriteForward(ir, "Tangent", w);
        w.Line();
        WriteForward(ir, "Directional", w);
    }

    private static bool Widened(MethodIr ir, int i) => ir.TypeParameterUses[i];

    private static string ResultType(MethodIr ir) => ir.TypeParameterUses[ir.ParameterCount] ? Half : ir.ReturnKind.Keyword();

    private static string Round(MethodIr ir, string value) => ir.TypeParameterUses[ir.ParameterCount] ? $"({Half}){value}" : value;

    /// <summary>The public type of parameter <paramref name="i"/> (Half where the method has T) or of its direction.</summary>
    private static string ValueType(MethodIr ir, int i, bool direction = false)
    {
        var variable = ir.Variables[i];
        string element = Widened(ir, i) ? Half : variable.Kind.Keyword();
        return variable.Shape switch
        {
            Shape.Scalar => element,
            _ when direction => $"global::System.ReadOnlySpan<{element}>",
            Shape.Array => element + "[]",
            Shape.Span => $"global::System.Span<{element}>",
            _ => $"global::System.ReadOnlySpan<{element}>",
        };
    }

    private static string ShadowType(MethodIr ir, int i, string scalarPassing)
    {
        var variable = ir.Variables[i];
        string element = Widened(ir, i) ? Half : variable.Kind.Keyword();
        return variable.IsScalar ? scalarPassing + " " + element : $"global::System.Span<{element}>";
    }

    private static IEnumerable<int> Differentiable(MethodIr ir) => Enumerable.Range(0, ir.ParameterCount).Where(i => ir.Variables[i].IsDifferentiableParameter);

    /// <summary>The values as the float member takes them: Half scalars widened, Half arrays copied to float arrays (declared in <paramref name="w"/>).</summary>
    private static List<string> WidenedValues(MethodIr ir, NameScope names, IndentedWriter w)
    {
        var arguments = new List<string>();
        for (int i = 0; i < ir.ParameterCount; i++)
        {
            var variable = ir.Variables[i];
            if (!Widened(ir, i)) arguments.Add(variable.Name);
            else if (variable.IsScalar) arguments.Add("(float)" + variable.Name);
            else
            {
                string copy = names.Fresh(Identifiers.Bare(variable.Name) + "_single");
                w.Line($"var {copy} = {Conversions}.ToSingle({variable.Name});");
                arguments.Add(copy);
            }
        }
        return arguments;
    }

    /// <summary><c>{M}Gradient</c> (scalar shadows <c>out</c>) or <c>{M}Pullback</c> (a seed; scalar shadows <c>ref</c>); array shadows are added to.</summary>
    private static void WriteReverse(MethodIr ir, IndentedWriter w, bool pullback)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var declarations = Enumerable.Range(0, ir.ParameterCount).Select(i => ValueType(ir, i) + " " + ir.Variables[i].Name).ToList();
        string seed = names.Fresh("seed");
        if (pullback) declarations.Add(ResultType(ir) + " " + seed);
        var shadows = Differentiable(ir).Select(i => (Variable: i, Name: names.Fresh("d" + Identifiers.Bare(ir.Variables[i].Name)))).ToList();
        declarations.AddRange(shadows.Select(s => ShadowType(ir, s.Variable, pullback ? "ref" : "out") + " " + s.Name));
        SourceEmitter.WriteDocs(w, (pullback
            ? $"Pullback of <see cref=\"{ir.Name}\"/> in <c>Half</c>: adds seed times its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter."
            : $"Reverse mode in <c>Half</c>: returns the value of <see cref=\"{ir.Name}\"/> and writes its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter (array shadows are added to).")
            + " Computed by the <c>float</c> members and rounded to <c>Half</c> once per result.");
        using (w.Block($"{ir.Accessibility} static {(pullback ? "void" : ResultType(ir))} {ir.Name}{(pullback ? "Pullback" : "Gradient")}({string.Join(", ", declarations)})"))
        {
            var arguments = WidenedValues(ir, names, w);
            if (pullback) arguments.Add(ir.TypeParameterUses[ir.ParameterCount] ? "(float)" + seed : seed);
            string passing = pullback ? "ref " : "out ";
            var after = new List<string>();
            foreach (var (variable, shadow) in shadows)
            {
                var info = ir.Variables[variable];
                if (!Widened(ir, variable))
                {
                    arguments.Add(info.IsScalar ? passing + shadow : shadow);
                    continue;
                }
                string single = names.Fresh(Identifiers.Bare(shadow) + "_single");
                if (info.IsScalar)
                {
                    w.Line(pullback ? $"float {single} = (float){shadow};" : $"float {single};");
                    arguments.Add(passing + single);
                    after.Add($"{shadow} = ({Half}){single};");
                }
                else
                {
                    // A zeroed float shadow of the same length (the float member checks it against the input's copy).
                    w.Line($"var {single} = new float[{shadow}.Length];");
                    arguments.Add(single);
                    after.Add($"{Conversions}.AddTo({single}, {shadow});");
                }
            }
            string result = names.Fresh("result");
            w.Line(pullback ? $"{ir.Name}Pullback({string.Join(", ", arguments)});" : $"var {result} = {ir.Name}Gradient({string.Join(", ", arguments)});");
            foreach (var line in after) w.Line(line);
            if (!pullback) w.Line($"return {Round(ir, result)};");
        }
    }

    /// <summary><c>{M}Tangent</c> or <c>{M}Directional</c> in Half: the value and the derivative along (t...), each rounded once.</summary>
    private static void WriteForward(MethodIr ir, string suffix, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var declarations = Enumerable.Range(0, ir.ParameterCount).Select(i => ValueType(ir, i) + " " + ir.Variables[i].Name).ToList();
        var directions = Differentiable(ir).Select(i => (Variable: i, Name: names.Fresh("t" + Identifiers.Bare(ir.Variables[i].Name)))).ToList();
        declarations.AddRange(directions.Select(d => ValueType(ir, d.Variable, direction: true) + " " + d.Name));
        string type = ResultType(ir);
        SourceEmitter.WriteDocs(w, $"{(suffix == "Tangent" ? "Forward mode" : "Exact one-sided directional derivative")} of <see cref=\"{ir.Name}\"/> in <c>Half</c> along (t...), with the value: computed by the <c>float</c> members and rounded to <c>Half</c> once per result.");
        using (w.Block($"{ir.Accessibility} static ({type} Value, {type} Tangent) {ir.Name}{suffix}({string.Join(", ", declarations)})"))
        {
            var arguments = WidenedValues(ir, names, w);
            foreach (var (variable, direction) in directions)
            {
                if (!Widened(ir, variable)) arguments.Add(direction);
                else if (ir.Variables[variable].IsScalar) arguments.Add("(float)" + direction);
                else arguments.Add($"{Conversions}.ToSingle({direction})");
            }
            string result = names.Fresh("result");
            w.Line($"var {result} = {ir.Name}{suffix}({string.Join(", ", arguments)});");
            w.Line($"return ({Round(ir, result + ".Value")}, {Round(ir, result + ".Tangent")});");
        }
    }
}
