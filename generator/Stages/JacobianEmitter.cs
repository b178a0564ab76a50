using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Writes <c>{M}Jacobian(params..., Span&lt;T&gt; jacobian, JacobianStrategy strategy = Auto)</c> for the methods of
/// <see cref="JacobianSupport.Applies"/>: the dense m × n Jacobian of the outputs with respect to the differentiable
/// inputs, row-major, built from the generated first-order members, by forward columns (<c>{M}Tangent</c> along each
/// unit direction e_j) or reverse rows (<c>{M}Pullback</c> from each unit seed e_i). Spans make the lengths known
/// only at run time, so the choice is made there: columns when n &lt; m, rows otherwise (at n = m the measured reverse
/// pass was the cheaper, bench/DiffGen.Benchmarks --jacobian).
/// </summary>
internal static class JacobianEmitter
{
    private const string Strategy = "global::DiffGen.JacobianStrategy";

    public static void Emit(MethodIr ir, IndentedWriter w)
    {
        if (!JacobianSupport.Applies(ir)) return;
        w.Line();
        var names = new NameScope(ir.Variables.Select(v => v.Name));
        var parameters = JacobianSupport.Parameters(ir).ToList();
        var inputs = JacobianSupport.Inputs(ir).ToList();
        var outputs = JacobianSupport.Outputs(ir).ToList();
        var kind = outputs[0].Kind;
        string element = kind.Keyword(), pool = $"global::DiffGen.ScratchArrays<{element}>";
        string jacobian = names.Fresh("jacobian"), strategy = names.Fresh("strategy");
        string n = names.Fresh("n"), m = names.Fresh("m"), i = names.Fresh("i"), j = names.Fresh("j");
        string direction = names.Fresh("direction"), column = names.Fresh("column"), seed = names.Fresh("seed"), row = names.Fresh("row");
        var entries = outputs.ToDictionary(v => v, v => names.Fresh(Identifiers.Bare(v.Name) + "_entry"));
        var values = parameters.Select(v => v.Name).ToList();

        var signature = parameters.Select(v => v.TypeName + " " + v.Name)
            .Append($"global::System.Span<{element}> {jacobian}")
            .Append($"{Strategy} {strategy} = {Strategy}.Auto");
        SourceEmitter.WriteDocs(w,
            $"The Jacobian of <see cref=\"{ir.Name}\"/>: writes its outputs (as <see cref=\"{ir.Name}\"/> does) and the m × n matrix of their partial derivatives " +
            $"to <c>{jacobian}</c>, row-major, rows the output elements in parameter order (m = {Join(outputs.Select(v => v.Name + ".Length"))}), " +
            $"columns the differentiable inputs in parameter order, a scalar one column and an array one per element (n = {Join(inputs.Select(Length))}). " +
            $"With <see cref=\"{Strategy}.Auto\"/> it runs <see cref=\"{ir.Name}Tangent\"/> once per column (forward mode) when n &lt; m " +
            $"and <see cref=\"{ir.Name}Pullback\"/> once per row (reverse mode) otherwise; both give the same matrix up to rounding. " +
            "The outputs are reset to their contents at entry before each pass; the kink rules are those of the gradient.");
        using (w.Block($"{ir.Accessibility} static void {ir.Name}Jacobian({string.Join(", ", signature)})"))
        {
            w.Line($"int {n} = {Join(inputs.Select(Length))};");
            w.Line($"int {m} = {Join(outputs.Select(v => v.Name + ".Length"))};");
            w.Line($"if ({jacobian}.Length != (long){m} * {n}) throw new global::System.ArgumentException(\"{jacobian} must have m * n = \" + ((long){m} * {n}) + \" elements for the m = \" + {m} + \" outputs and n = \" + {n} + \" differentiable inputs, not \" + {jacobian}.Length + \".\", nameof({jacobian}));");
            w.Line($"if ({strategy} is not ({Strategy}.Auto or {Strategy}.ForwardColumns or {Strategy}.ReverseRows)) throw new global::System.ArgumentOutOfRangeException(nameof({strategy}), {strategy}, \"{strategy} must be Auto, ForwardColumns or ReverseRows.\");");
            var spans = parameters.Where(v => !v.IsScalar).Select(v => new AliasingChecks.SpanArgument(v.Name, v.Kind)).ToList();
            AliasingChecks.Write(w, new[] { new AliasingChecks.SpanArgument(jacobian, kind) }, spans);
            using (w.Block($"if ({m} == 0 || {n} == 0)"))
            {
                w.Line($"{ir.Name}({string.Join(", ", values)});");
                w.Line("return;");
            }
            foreach (var output in outputs) w.Line($"{element}[] {entries[output]} = {output.Name}.ToArray();");
            var restore = outputs.Select(v => $"global::System.MemoryExtensions.CopyTo({entries[v]}, {v.Name});").ToList();

            using (w.Block($"if ({strategy} == {Strategy}.ForwardColumns || ({strategy} == {Strategy}.Auto && {n} < {m}))"))
            {
                w.Line($"{element}[] {direction} = {pool}.Rent({n});");
                w.Line($"{element}[] {column} = {pool}.Rent({m});");
                var tangents = Slices(inputs, direction, scalarsByValue: true).Concat(Slices(outputs, column, scalarsByValue: true));
                using (w.Block($"for (int {j} = 0; {j} < {n}; {j}++)"))
                {
                    w.Line($"{direction}[{j}] = 1;");
                    foreach (var line in restore) w.Line(line);
                    w.Line($"{ir.Name}Tangent({string.Join(", ", values.Concat(tangents))});");
                    w.Line($"for (int {i} = 0; {i} < {m}; {i}++) {jacobian}[{i} * {n} + {j}] = {column}[{i}];");
                    w.Line($"{direction}[{j}] = 0;");
                }
                w.Line($"{pool}.Return({direction});");
                w.Line($"{pool}.Return({column});");
            }
            using (w.Block("else"))
            {
                w.Line($"{element}[] {seed} = {pool}.Rent({m});");
                w.Line($"{element}[] {row} = {pool}.Rent({n});");
                var seeds = Slices(outputs, seed, scalarsByValue: true);
                var shadows = Slices(inputs, row, scalarsByValue: false); // scalar shadows are ref T: the row's element itself
                using (w.Block($"for (int {i} = 0; {i} < {m}; {i}++)"))
                {
                    w.Line($"{seed}[{i}] = 1;");
                    w.Line($"global::System.Array.Clear({row});");
                    foreach (var line in restore) w.Line(line);
                    w.Line($"{ir.Name}Pullback({string.Join(", ", values.Concat(seeds).Concat(shadows))});");
                    w.Line($"global::System.MemoryExtensions.CopyTo({row}, {jacobian}.Slice({i} * {n}, {n}));");
                    w.Line($"{seed}[{i}] = 0;");
                }
                w.Line($"{pool}.Return({seed});");
                w.Line($"{pool}.Return({row});");
            }
        }
    }

    /// <summary>How many Jacobian columns or rows a variable spans, as code.</summary>
    private static string Length(VariableInfo v) => v.IsScalar ? "1" : v.Name + ".Length";

    private static string Join(IEnumerable<string> terms) => string.Join(" + ", terms);

    /// <summary>
    /// One argument per variable, each its part of <paramref name="buffer"/> in order: a slice for an array, the
    /// element for a scalar (by value, or as <c>ref</c> for a pullback's accumulated scalar shadow).
    /// </summary>
    private static IEnumerable<string> Slices(IReadOnlyList<VariableInfo> variables, string buffer, bool scalarsByValue)
    {
        string offset = "0";
        foreach (var v in variables)
        {
            yield return v.IsScalar
                ? (scalarsByValue ? "" : "ref ") + $"{buffer}[{offset}]"
                : $"global::System.MemoryExtensions.AsSpan({buffer}, {offset}, {v.Name}.Length)";
            offset = offset == "0" ? Length(v) : offset + " + " + Length(v);
        }
    }
}
