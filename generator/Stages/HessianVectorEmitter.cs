using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Second order, forward over reverse: writes <c>{M}PullbackUncheckedDual</c> (the reverse body over dual
/// numbers, <see cref="ReverseEmitter.EmitDual"/>), then <c>{M}HessianVector</c>, which runs it from inputs
/// x + εv and seed 1 and reads H·v from the tangents of the shadows, and <c>{M}Hessian</c>, the dense
/// Hessian by columns of H·v. A method whose body calls something without a second-order rule
/// (<see cref="HessianSupport.Blocker"/>) gets a dual body that throws <c>NotSupportedException</c> naming
/// the call, so callers still compile; DG1005 reports it where <c>{M}HessianVector</c> is called.
/// </summary>
internal static class HessianVectorEmitter
{
    private const string Dual = "global::DiffGen.Dual";

    public static void Emit(MethodIr ir, NonsmoothSettings settings, IndentedWriter w)
    {
        if (!HessianSupport.Applies(ir)) return;
        var blocker = HessianSupport.Blocker(ir);
        w.Line();
        if (blocker is null) ReverseEmitter.EmitDual(ir, settings, w);
        else WriteBlockedBody(ir, settings, blocker.Value.Reason, w);
        if (!HessianSupport.HasPublicMembers(ir)) return;
        w.Line();
        WriteHessianVector(ir, settings, w);
        w.Line();
        WriteHessian(ir, w);
    }

    /// <summary>The method's own parameters (static tables the body reads are bound at its entry instead).</summary>
    private static IEnumerable<VariableInfo> Parameters(MethodIr ir) => ir.Variables.Take(ir.ParameterCount).Where(ObjectState.TakesArgument);

    private static IEnumerable<VariableInfo> Differentiable(MethodIr ir) => Parameters(ir).Where(v => v.IsDifferentiableParameter);

    /// <summary>The dual body's signature without a body of its own: it throws, naming what blocks it.</summary>
    private static void WriteBlockedBody(MethodIr ir, NonsmoothSettings settings, string reason, IndentedWriter w)
    {
        var spelling = ScalarSpelling.Dual(settings, HessianSupport.LiftedParameters(ir));
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var parameters = Parameters(ir).Select(v => spelling.ParameterTypeName(v) + " " + v.Name).ToList();
        parameters.Add(spelling.Keyword(ir.ReturnKind) + " " + names.Fresh("seed"));
        foreach (var v in Differentiable(ir))
        {
            string shadow = names.Fresh("d" + Identifiers.Bare(v.Name));
            parameters.Add(v.IsScalar ? "ref " + spelling.Keyword(v.Kind) + " " + shadow : "global::System.Span<" + spelling.Keyword(v.Kind) + "> " + shadow);
        }
        SourceEmitter.WriteDocs(w, $"H·v of <see cref=\"{ir.Name}\"/> is blocked by {Xml(reason)}: this body throws.");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        using (w.Block($"{ir.Accessibility} static {spelling.Keyword(ir.ReturnKind)} {ir.Name}{ReverseEmitter.UncheckedPullbackSuffix}{ReverseEmitter.DualSuffix}({string.Join(", ", parameters)})"))
            w.Line($"throw new global::System.NotSupportedException({Literal($"H·v of {ir.DisplayName} is not available: it is blocked by {reason} (see docs/diagnostics/DG1005.md).")});");
    }

    /// <summary><c>{M}HessianVector(params..., directions..., outputs...)</c>.</summary>
    private static void WriteHessianVector(MethodIr ir, NonsmoothSettings settings, IndentedWriter w)
    {
        var lifted = new HashSet<string>(HessianSupport.LiftedParameters(ir));
        var spelling = ScalarSpelling.Dual(settings, lifted);
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var differentiable = Differentiable(ir).ToList();
        var directions = differentiable.ToDictionary(v => v, v => names.Fresh("v" + Identifiers.Bare(v.Name)));
        var outputs = differentiable.ToDictionary(v => v, v => names.Fresh("h" + Identifiers.Bare(v.Name)));
        string type = ir.ReturnKind.Keyword();

        var signature = Parameters(ir).Select(v => v.TypeName + " " + v.Name)
            .Concat(differentiable.Select(v => (v.IsScalar ? v.Kind.Keyword() : $"global::System.ReadOnlySpan<{v.Kind.Keyword()}>") + " " + directions[v]))
            .Concat(differentiable.Select(v => (v.IsScalar ? "out " + v.Kind.Keyword() : $"global::System.Span<{v.Kind.Keyword()}>") + " " + outputs[v]));
        SourceEmitter.WriteDocs(w,
            $"Second order, forward over reverse: returns the value of <see cref=\"{ir.Name}\"/> and writes the Hessian-vector product H·v to the matching <c>h</c> parameter " +
            "(array outputs are added to), v being the <c>v</c> parameters (one direction per differentiable parameter). At a kink of a nonsmooth primitive " +
            "H·v is the derivative along v of the gradient's chosen rule: piecewise-constant partials have zero tangent.");
        using (w.Block($"{ir.Accessibility} static {type} {ir.Name}HessianVector({string.Join(", ", signature)})"))
        {
            foreach (var v in differentiable.Where(v => !v.IsScalar))
            {
                SourceEmitter.WriteLengthCheck(w, v.Name, directions[v]);
                SourceEmitter.WriteLengthCheck(w, v.Name, outputs[v]);
            }
            var arguments = new List<string>();
            var shadows = new List<string>();
            var after = new List<string>();
            var returns = new List<string>();
            foreach (var v in Parameters(ir))
            {
                if (v.IsDifferentiableParameter && v.IsScalar)
                {
                    arguments.Add($"new {spelling.Keyword(v.Kind)}({v.Name}, {directions[v]})");
                    string shadow = names.Fresh("d" + Identifiers.Bare(v.Name));
                    w.Line($"{spelling.Keyword(v.Kind)} {shadow} = default;");
                    shadows.Add("ref " + shadow);
                    after.Add($"{outputs[v]} = {shadow}.Tangent;");
                }
                else if (v.IsDifferentiableParameter)
                {
                    string element = spelling.Keyword(v.Kind), pool = $"global::DiffGen.ScratchArrays<{element}>";
                    string dual = names.Fresh(Identifiers.Bare(v.Name) + "_dual"), shadow = names.Fresh("d" + Identifiers.Bare(v.Name) + "_dual");
                    string i = names.Fresh("i");
                    w.Line($"{element}[] {dual} = {pool}.Rent({v.Name}.Length);");
                    w.Line($"{element}[] {shadow} = {pool}.Rent({v.Name}.Length);");
                    w.Line($"for (int {i} = 0; {i} < {dual}.Length; {i}++) {dual}[{i}] = new {element}({v.Name}[{i}], {directions[v]}[{i}]);");
                    arguments.Add(dual);
                    shadows.Add(shadow);
                    after.Add($"for (int {i} = 0; {i} < {shadow}.Length; {i}++) {outputs[v]}[{i}] += {shadow}[{i}].Tangent;");
                    returns.Add($"{pool}.Return({dual});");
                    returns.Add($"{pool}.Return({shadow});");
                }
                else if (lifted.Contains(v.Name))
                {
                    // Passive data passed to a span primitive's second-order rule: dual numbers of tangent zero.
                    string element = spelling.Keyword(v.Kind), pool = $"global::DiffGen.ScratchArrays<{element}>";
                    string dual = names.Fresh(Identifiers.Bare(v.Name) + "_dual"), i = names.Fresh("i");
                    w.Line($"{element}[] {dual} = {pool}.Rent({v.Name}.Length);");
                    w.Line($"for (int {i} = 0; {i} < {dual}.Length; {i}++) {dual}[{i}] = {v.Name}[{i}];");
                    arguments.Add(dual);
                    if (v.Shape != Shape.ReadOnlySpan) after.Add($"for (int {i} = 0; {i} < {dual}.Length; {i}++) {v.Name}[{i}] = {dual}[{i}].Value;");
                    returns.Add($"{pool}.Return({dual});");
                }
                else
                {
                    arguments.Add(v.Name);
                }
            }
            string value = names.Fresh("value");
            arguments.Add(ir.ReturnKind.Literal(1));
            w.Line($"var {value} = {ir.Name}{ReverseEmitter.UncheckedPullbackSuffix}{ReverseEmitter.DualSuffix}({string.Join(", ", arguments.Concat(shadows))});");
            foreach (var line in after.Concat(returns)) w.Line(line);
            w.Line($"return {value}.Value;");
        }
    }

    /// <summary><c>{M}Hessian(params..., hessian)</c>: the dense Hessian, row-major over the differentiable inputs in parameter order, column j being H·e_j.</summary>
    private static void WriteHessian(MethodIr ir, IndentedWriter w)
    {
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var differentiable = Differentiable(ir).ToList();
        var kind = differentiable[0].Kind;
        string element = kind.Keyword(), hessian = names.Fresh("hessian");
        string n = names.Fresh("n"), direction = names.Fresh("direction"), column = names.Fresh("column"), j = names.Fresh("j"), i = names.Fresh("i"), value = names.Fresh("value");
        bool uniform = differentiable.All(v => v.Kind == kind);
        if (!uniform) return; // mixed float and double inputs: no single element type for the matrix

        var signature = Parameters(ir).Select(v => v.TypeName + " " + v.Name).Append($"global::System.Span<{element}> {hessian}");
        SourceEmitter.WriteDocs(w,
            $"The dense Hessian of <see cref=\"{ir.Name}\"/>, row-major over its differentiable inputs in parameter order (scalars one value each, arrays their elements): " +
            "column j is H·e_j, one <c>HessianVector</c> pass each, so it is meant for a few hundred inputs. Symmetric up to rounding; returns the value.");
        using (w.Block($"{ir.Accessibility} static {ir.ReturnKind.Keyword()} {ir.Name}Hessian({string.Join(", ", signature)})"))
        {
            string count = string.Join(" + ", differentiable.Select(v => v.IsScalar ? "1" : v.Name + ".Length"));
            w.Line($"int {n} = {count};");
            w.Line($"if ({hessian}.Length != (long){n} * {n}) throw new global::System.ArgumentException(\"{hessian} must have n * n = \" + ((long){n} * {n}) + \" elements for the n = \" + {n} + \" differentiable inputs, not \" + {hessian}.Length + \".\", nameof({hessian}));");
            w.Line($"{element}[] {direction} = new {element}[{n}];");
            w.Line($"{element}[] {column} = new {element}[{n}];");
            w.Line($"{ir.ReturnKind.Keyword()} {value} = {ir.Name}({string.Join(", ", Parameters(ir).Select(v => v.Name))});");
            using (w.Block($"for (int {j} = 0; {j} < {n}; {j}++)"))
            {
                w.Line($"{direction}[{j}] = 1;");
                w.Line($"global::System.Array.Clear({column});");
                var directionArguments = new List<string>();
                var outputArguments = new List<string>();
                var copies = new List<string>();
                string offset = "0";
                foreach (var v in differentiable)
                {
                    if (v.IsScalar)
                    {
                        string h = names.Fresh("h" + Identifiers.Bare(v.Name));
                        directionArguments.Add($"{direction}[{offset}]");
                        outputArguments.Add($"out {element} {h}");
                        copies.Add($"{column}[{offset}] = {h};");
                        offset = offset == "0" ? "1" : offset + " + 1";
                    }
                    else
                    {
                        directionArguments.Add($"global::System.MemoryExtensions.AsSpan({direction}, {offset}, {v.Name}.Length)");
                        outputArguments.Add($"global::System.MemoryExtensions.AsSpan({column}, {offset}, {v.Name}.Length)");
                        offset = offset == "0" ? v.Name + ".Length" : offset + " + " + v.Name + ".Length";
                    }
                }
                w.Line($"{ir.Name}HessianVector({string.Join(", ", Parameters(ir).Select(v => v.Name).Concat(directionArguments).Concat(outputArguments))});");
                foreach (var copy in copies) w.Line(copy);
                w.Line($"for (int {i} = 0; {i} < {n}; {i}++) {hessian}[{i} * {n} + {j}] = {column}[{i}];");
                w.Line($"{direction}[{j}] = 0;");
            }
            w.Line($"return {value};");
        }
    }

    private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
