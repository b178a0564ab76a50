using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Shape = DiffGen.Generator.Ir.Shape;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Emits <c>{M}GradientCheck</c> (reverse mode against forward mode along every coordinate and against
/// central finite differences of the original method) and the module initializer that registers the
/// method's <c>[CheckGradientAt]</c> points with <c>GradientChecks</c>.
/// </summary>
internal static class CheckEmitter
{
    public static void Emit(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Take(ir.ParameterCount).Select(v => v.Name));
        // The method's own parameters (static tables it reads are bound inside the generated members).
        var parameters = ir.Variables.Take(ir.ParameterCount).Where(ObjectState.TakesArgument).ToArray();
        var differentiable = Enumerable.Range(0, parameters.Length).Where(i => parameters[i].IsDifferentiableParameter).ToArray();
        string value = names.Fresh("value"), h = names.Fresh("h"), k = names.Fresh("k"), perturbed = names.Fresh("perturbed");
        string labels = names.Fresh("names"), reverse = names.Fresh("reverse"), forward = names.Fresh("forward"), finite = names.Fresh("finiteDifference");
        // Spans cannot be captured by the finite-difference lambdas: every array or span argument is copied to an array.
        var local = parameters.Select(p => p.IsScalar ? p.Name : names.Fresh(Identifiers.Bare(p.Name) + "Copy")).ToArray();
        var shadow = new string[parameters.Length];
        foreach (int i in differentiable) shadow[i] = names.Fresh("d" + Identifiers.Bare(parameters[i].Name));

        // Tangents along one coordinate: 1 for the scalar parameter `hot` (or the array `unit` for an array one), 0 elsewhere.
        string Tangents(int hot, string unit) => string.Join(", ", differentiable.Select(j => parameters[j].IsScalar
            ? parameters[j].Kind.Literal(j == hot ? 1 : 0)
            : j == hot ? unit : $"new {parameters[j].Kind.Keyword()}[{local[j]}.Length]"));

        SourceEmitter.WriteDocs(w, $"Checks <see cref=\"{ir.Name}Gradient\"/> at the given point against <see cref=\"{ir.Name}Tangent\"/> along each coordinate and against central finite differences of <see cref=\"{ir.Name}\"/>.");
        using (w.Block($"{ir.Accessibility} static global::DiffGen.GradientCheckResult {ir.Name}GradientCheck({string.Join(", ", parameters.Select(p => p.TypeName + " " + p.Name))})"))
        {
            for (int i = 0; i < parameters.Length; i++)
                if (!parameters[i].IsScalar)
                    w.Line($"{parameters[i].Kind.Keyword()}[] {local[i]} = {(parameters[i].Shape == Shape.Array ? $"({parameters[i].Kind.Keyword()}[]){parameters[i].Name}.Clone()" : parameters[i].Name + ".ToArray()")};");
            foreach (int i in differentiable)
                if (!parameters[i].IsScalar) w.Line($"{parameters[i].Kind.Keyword()}[] {shadow[i]} = new {parameters[i].Kind.Keyword()}[{local[i]}.Length];");
            string outs = string.Concat(differentiable.Select(i => parameters[i].IsScalar ? $", out {parameters[i].Kind.Keyword()} {shadow[i]}" : $", {shadow[i]}"));
            w.Line($"{ir.ReturnKind.Keyword()} {value} = {ir.Name}Gradient({string.Join(", ", local)}{outs});");
            w.Line($"var {labels} = new global::System.Collections.Generic.List<string>();");
            w.Line($"var {reverse} = new global::System.Collections.Generic.List<double>();");
            w.Line($"var {forward} = new global::System.Collections.Generic.List<double>();");
            w.Line($"var {finite} = new global::System.Collections.Generic.List<double>();");
            foreach (int i in differentiable)
            {
                var parameter = parameters[i];
                string single = parameter.Kind == ScalarKind.Float ? "true" : "false";
                if (parameter.IsScalar)
                {
                    string shifted = parameter.Kind == ScalarKind.Float ? $"(float)({parameter.Name} + {h})" : $"{parameter.Name} + {h}";
                    string call = string.Join(", ", local.Select((p, j) => j == i ? shifted : p));
                    w.Line($"{labels}.Add(\"{Identifiers.Bare(parameter.Name)}\");");
                    w.Line($"{reverse}.Add({shadow[i]});");
                    w.Line($"{forward}.Add({ir.Name}Tangent({string.Join(", ", local)}, {Tangents(i, "")}).Tangent);");
                    w.Line($"{finite}.Add(global::DiffGen.FiniteDifferences.Central({h} => {ir.Name}({call}), {parameter.Name}, singlePrecision: {single}));");
                    continue;
                }
                using (w.Block($"for (int {k} = 0; {k} < {local[i]}.Length; {k}++)"))
                {
                    string unit = names.Fresh("unit");
                    string tangents = Tangents(i, unit);
                    w.Line($"{labels}.Add(\"{Identifiers.Bare(parameter.Name)}[\" + {k} + \"]\");");
                    w.Line($"{reverse}.Add({shadow[i]}[{k}]);");
                    w.Line($"var {unit} = new {parameter.Kind.Keyword()}[{local[i]}.Length];");
                    w.Line($"{unit}[{k}] = 1;");
                    w.Line($"{forward}.Add({ir.Name}Tangent({string.Join(", ", local)}, {tangents}).Tangent);");
                    string call = string.Join(", ", local.Select((p, j) => j == i ? perturbed : p));
                    string at = names.Fresh("at");
                    w.Line($"int {at} = {k};");
                    w.Line($"{finite}.Add(global::DiffGen.FiniteDifferences.Central({h} => {{ var {perturbed} = ({parameter.Kind.Keyword()}[]){local[i]}.Clone(); {perturbed}[{at}] = ({parameter.Kind.Keyword()})({local[i]}[{at}] + {h}); return {ir.Name}({call}); }}, {local[i]}[{k}], singlePrecision: {single}));");
                }
            }
            w.Line($"return new global::DiffGen.GradientCheckResult(\"{ir.DisplayName}\", {labels}.ToArray(), {value}, {reverse}.ToArray(), {forward}.ToArray(), {finite}.ToArray());");
        }

        if (ir.CheckPoints.Count == 0) return;
        w.Line();
        w.Line("/// <summary>Registers the [CheckGradientAt] points of " + ir.Name + " with <see cref=\"global::DiffGen.GradientChecks\"/>.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        SourceEmitter.WriteGeneratedCode(w);
        using (w.Block($"internal static void {ir.Name}RegisterGradientChecks_{StableHash.Of(ir.HintName)}()"))
        {
            foreach (var point in ir.CheckPoints)
            {
                string args = string.Join(", ", point.Arguments);
                w.Line($"global::DiffGen.GradientChecks.Register(\"{ir.DisplayName}({args.Replace("\"", "")})\", () => {ir.Name}GradientCheck({args}));");
            }
        }
    }
}
