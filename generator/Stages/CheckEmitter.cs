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
public static class CheckEmitter
{
    /// <summary>
    /// Whether <paramref name="ir"/> gets <c>{M}GradientCheck</c>: a method returning a floating scalar with forward mode,
    /// static and reading no objects, or an instance method reading only its receiver's own members (no nested
    /// differentiable objects, no object parameters), each of which central differences can perturb (in place, or in a copy made with <c>with</c> for the init-only properties of records and structs).
    /// </summary>
    public static bool Applies(MethodIr ir)
        => !ir.ReturnsVoid && ir.HasForwardMode && ir.ReturnKind.IsFloating()
           && (!ir.ReadsObjects
               || ir.IsInstance && ir.ObjectTypes.Count == 0 && ir.Variables.Take(ir.ParameterCount).All(v => v.ObjectType is null)
                  && StateMembers(ir).All(i => ir.Variables[i].Member!.Write != MemberWrite.None));

    /// <summary>The non-empty argument lists joined with commas.</summary>
    private static string Arguments(params string[] parts) => string.Join(", ", parts.Where(p => p.Length > 0));

    /// <summary>The receiver's differentiable members among the parameter variables, in order.</summary>
    private static int[] StateMembers(MethodIr ir)
        => Enumerable.Range(0, ir.ParameterCount).Where(i => ir.Variables[i].Member is { OfReceiver: true } && ir.Variables[i].IsDifferentiableParameter).ToArray();

    internal static void Emit(MethodIr ir, IndentedWriter w)
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

        // An instance method: the object's state is among the coordinates, its derivatives in the Tangent bundle, and the
        // differences perturb each member of a copy of the reference (a struct's lambdas cannot capture this).
        var state = StateMembers(ir);
        string self = names.Fresh("self"), bundle = names.Fresh("dstate");
        string target = ir.IsInstance ? self + "." + ir.Name : ir.Name;
        bool receiverDirection = ObjectState.NeedsReceiverDirection(ir);
        string ZeroState() => $"new {ObjectState.TangentType}(this)";
        string Directions(string own, string stateDirection) => Arguments(own, receiverDirection ? stateDirection : "");

        SourceEmitter.WriteDocs(w, $"Checks <see cref=\"{ir.Name}Gradient\"/> at the given point against <see cref=\"{ir.Name}Tangent\"/> along each coordinate and against central finite differences of <see cref=\"{ir.Name}\"/>{(ir.IsInstance ? " (the object's differentiable members are coordinates too, labelled this.Member)" : "")}.");
        using (w.Block($"{ir.Accessibility} {ir.StaticModifier}global::DiffGen.GradientCheckResult {ir.Name}GradientCheck({string.Join(", ", parameters.Select(p => p.TypeName + " " + p.Name))})"))
        {
            if (ir.IsInstance) w.Line($"var {self} = this;");
            for (int i = 0; i < parameters.Length; i++)
                if (!parameters[i].IsScalar)
                    w.Line($"{parameters[i].Kind.Keyword()}[] {local[i]} = {(parameters[i].Shape == Shape.Array ? $"({parameters[i].Kind.Keyword()}[]){parameters[i].Name}.Clone()" : parameters[i].Name + ".ToArray()")};");
            foreach (int i in differentiable)
                if (!parameters[i].IsScalar) w.Line($"{parameters[i].Kind.Keyword()}[] {shadow[i]} = new {parameters[i].Kind.Keyword()}[{local[i]}.Length];");
            string outs = string.Concat(differentiable.Select(i => parameters[i].IsScalar ? $", out {parameters[i].Kind.Keyword()} {shadow[i]}" : $", {shadow[i]}"));
            if (state.Length > 0)
            {
                if (ir.Receiver!.IsValueType) outs += $", out var {bundle}";
                else
                {
                    w.Line($"var {bundle} = {ZeroState()};");
                    outs += ", " + bundle;
                }
            }
            w.Line($"{ir.ReturnKind.Keyword()} {value} = {ir.Name}Gradient({Arguments(string.Join(", ", local), outs.TrimStart(',', ' '))});");
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
                    w.Line($"{forward}.Add({ir.Name}Tangent({Arguments(string.Join(", ", local), Directions(Tangents(i, ""), ZeroState()))}).Tangent);");
                    w.Line($"{finite}.Add(global::DiffGen.FiniteDifferences.Central({h} => {target}({call}), {parameter.Name}, singlePrecision: {single}));");
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
                    w.Line($"{forward}.Add({ir.Name}Tangent({Arguments(string.Join(", ", local), Directions(tangents, ZeroState()))}).Tangent);");
                    string call = string.Join(", ", local.Select((p, j) => j == i ? perturbed : p));
                    string at = names.Fresh("at");
                    w.Line($"int {at} = {k};");
                    w.Line($"{finite}.Add(global::DiffGen.FiniteDifferences.Central({h} => {{ var {perturbed} = ({parameter.Kind.Keyword()}[]){local[i]}.Clone(); {perturbed}[{at}] = ({parameter.Kind.Keyword()})({local[i]}[{at}] + {h}); return {target}({call}); }}, {local[i]}[{k}], singlePrecision: {single}));");
                }
            }
            string noOwnDirections = Tangents(-1, "");
            foreach (int i in state)
                WriteStateCoordinate(w, ir, ir.Variables[i], names, (labels, reverse, forward, finite), (self, bundle, h, k), string.Join(", ", local), unit => Directions(noOwnDirections, unit));
            w.Line($"return new global::DiffGen.GradientCheckResult(\"{ir.DisplayName}\", {labels}.ToArray(), {value}, {reverse}.ToArray(), {forward}.ToArray(), {finite}.ToArray());");
        }

        if (ir.CheckPoints.Count == 0 || ir.IsInstance) return;
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

    /// <summary>
    /// One member of the receiver's state as coordinates (each element of an array): the bundle's derivative, the tangent
    /// along a unit state direction, and central differences of the method with the member perturbed in place and put back (also when the method throws).
    /// </summary>
    private static void WriteStateCoordinate(IndentedWriter w, MethodIr ir, VariableInfo variable, NameScope names,
        (string Labels, string Reverse, string Forward, string Finite) lists, (string Self, string Bundle, string H, string K) locals, string values, System.Func<string, string> directions)
    {
        var member = variable.Member!;
        string single = variable.Kind == ScalarKind.Float ? "true" : "false";
        string inPlace = ObjectState.Value(member with { Root = locals.Self });
        string shown = "this." + member.Path.Replace("@", "");
        string unit = names.Fresh("unit");
        string at = names.Fresh("at");
        string call = $"{locals.Self}.{ir.Name}({values})";
        string Shifted(string start) => variable.Kind == ScalarKind.Float ? $"(float)({start} + {locals.H})" : $"{start} + {locals.H}";
        // A scalar member is one coordinate, an array one per element: the same lines, with an index for the array.
        string index = names.Fresh("index");
        string element = variable.IsScalar ? "" : $"[{index}]";
        using (variable.IsScalar ? w.Block() : w.Block($"for (int {locals.K} = 0; {locals.K} < {inPlace}.Length; {locals.K}++)"))
        {
            if (!variable.IsScalar) w.Line($"int {index} = {locals.K};");
            w.Line(variable.IsScalar ? $"{lists.Labels}.Add(\"{shown}\");" : $"{lists.Labels}.Add(\"{shown}[\" + {index} + \"]\");");
            w.Line($"{lists.Reverse}.Add({ObjectState.BundleMember(member, locals.Bundle)}{element});");
            w.Line($"var {unit} = new {ObjectState.TangentType}(this);");
            w.Line($"{ObjectState.BundleMember(member, unit)}{element} = {variable.Kind.Literal(1)};");
            w.Line($"{lists.Forward}.Add({ir.Name}Tangent({Arguments(values, directions(unit))}).Tangent);");
            w.Line($"var {at} = {inPlace}{element};");
            w.Line(member.Write == MemberWrite.With
                ? $"{lists.Finite}.Add(global::DiffGen.FiniteDifferences.Central({locals.H} => ({locals.Self} with {{ {member.Path} = {Shifted(at)} }}).{ir.Name}({values}), {at}, singlePrecision: {single}));"
                : $"{lists.Finite}.Add(global::DiffGen.FiniteDifferences.Central({locals.H} => {{ {inPlace}{element} = {Shifted(at)}; try {{ return {call}; }} finally {{ {inPlace}{element} = {at}; }} }}, {at}, singlePrecision: {single}));");
        }
    }
}
