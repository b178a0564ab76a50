using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

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
        var parameters = ir.Variables.Take(ir.ParameterCount).ToArray();
        var differentiable = Enumerable.Range(0, ir.ParameterCount).Where(i => parameters[i].IsDifferentiableParameter).ToArray();
        string arguments = string.Join(", ", parameters.Select(p => p.Name));
        string value = names.Fresh("value");
        string h = names.Fresh("h");
        var shadows = differentiable.Select(i => names.Fresh("d" + parameters[i].Name)).ToArray();

        SourceEmitter.WriteDocs(w, $"Checks <see cref=\"{ir.Name}Gradient\"/> at the given point against <see cref=\"{ir.Name}Tangent\"/> along each coordinate and against central finite differences of <see cref=\"{ir.Name}\"/>.");
        using (w.Block($"{ir.Accessibility} static global::DiffGen.GradientCheckResult {ir.Name}GradientCheck({string.Join(", ", parameters.Select(p => p.Kind.Keyword() + " " + p.Name))})"))
        {
            string outs = string.Concat(differentiable.Select((_, j) => $", out {parameters[differentiable[j]].Kind.Keyword()} {shadows[j]}"));
            w.Line($"{ir.ReturnKind.Keyword()} {value} = {ir.Name}Gradient({arguments}{outs});");
            w.Line($"double[] reverse = {{ {string.Join(", ", shadows)} }};");
            using (w.Block("double[] forward =", "};"))
            {
                foreach (int i in differentiable)
                {
                    var directions = differentiable.Select(j => parameters[j].Kind.Literal(j == i ? 1 : 0));
                    w.Line($"{ir.Name}Tangent({string.Join(", ", parameters.Select(p => p.Name).Concat(directions))}).Tangent,");
                }
            }
            using (w.Block("double[] finiteDifference =", "};"))
            {
                foreach (int i in differentiable)
                {
                    var kind = parameters[i].Kind;
                    string shifted = kind == ScalarKind.Float ? $"(float)({parameters[i].Name} + {h})" : $"{parameters[i].Name} + {h}";
                    string call = string.Join(", ", parameters.Select((p, j) => j == i ? shifted : p.Name));
                    w.Line($"global::DiffGen.FiniteDifferences.Central({h} => {ir.Name}({call}), {parameters[i].Name}, singlePrecision: {(kind == ScalarKind.Float ? "true" : "false")}),");
                }
            }
            string parameterNames = string.Join(", ", differentiable.Select(i => "\"" + parameters[i].Name + "\""));
            w.Line($"return new global::DiffGen.GradientCheckResult(\"{ir.DisplayName}\", new string[] {{ {parameterNames} }}, {value}, reverse, forward, finiteDifference);");
        }

        if (ir.CheckPoints.Count == 0) return;
        w.Line();
        w.Line("/// <summary>Registers the [CheckGradientAt] points of " + ir.Name + " with <see cref=\"global::DiffGen.GradientChecks\"/>.</summary>");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        SourceEmitter.WriteGeneratedCode(w);
        using (w.Block($"internal static void {ir.Name}RegisterGradientChecks_{StableHash(ir.HintName)}()"))
        {
            foreach (var point in ir.CheckPoints)
            {
                string args = string.Join(", ", point.Arguments);
                w.Line($"global::DiffGen.GradientChecks.Register(\"{ir.DisplayName}({args.Replace("\"", "")})\", () => {ir.Name}GradientCheck({args}));");
            }
        }
    }

    /// <summary>FNV-1a of the hint name: distinguishes the registrations of overloads, stable across builds.</summary>
    private static string StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash.ToString("x8");
    }
}
