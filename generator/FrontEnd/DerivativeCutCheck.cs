using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Sites where a derivative stops silently (DG1002 to DG1004): a differentiable value converted to an
/// integer type, passed to Floor, Ceiling, Round, Truncate or Sign, or only ever compared. Reported only
/// when the loss is real, which keeps the warnings precise:
/// <list type="bullet">
/// <item>the value is active (it depends on a differentiable input);</item>
/// <item>the cut's value influences the result (through data or any condition), so the cut is not dead code;</item>
/// <item>no variable whose derivative enters the cut reaches the result through a differentiable path
/// elsewhere, so the whole derivative of that value is lost. <c>x - Math.Floor(x)</c> (derivative 1) and
/// <c>a[(int)t] * (t - (int)t)</c> (interpolation) are left alone.</item>
/// </list>
/// A parameter used only in comparisons is DG1001's case; DG1004 names locals and intermediate values.
/// </summary>
internal static class DerivativeCutCheck
{
    public static ImmutableArray<FrontEndProblem> Run(
        EquatableArray<Stmt> body,
        IReadOnlyList<VariableInfo> variables,
        bool[] active,
        bool[] useful,
        IReadOnlyList<Location> sites,
        IReadOnlyDictionary<Expr, Location> comparisonSites,
        ISet<int> syntheticVariables)
    {
        var influencing = Usefulness.InfluencingVariables(variables, body);
        var warnings = ImmutableArray.CreateBuilder<FrontEndProblem>();
        var reportedSites = new HashSet<int>();
        var otherUse = new bool[variables.Count];
        var firstComparison = new Expr?[variables.Count];

        bool LosesEverything(Expr operand)
        {
            if (!Activity.IsActive(operand, active)) return false;
            var sources = Usefulness.DataSources(operand, variables.Count);
            for (int i = 0; i < sources.Length; i++)
                if (sources[i] && active[i] && useful[i]) return false;
            return true;
        }

        void ReportCut(ProblemKind kind, int site)
        {
            if (!reportedSites.Add(site)) return;
            warnings.Add(new FrontEndProblem(kind, sites[site], "'" + SourceText(sites[site]) + "'"));
        }

        // comparison: the innermost comparison above this node, null under a cut or outside comparisons.
        void Visit(Expr expr, bool relevant, Expr? comparison)
        {
            switch (expr)
            {
                case ConvertExpr { Kind: ScalarKind.Int or ScalarKind.Long } convert when convert.Operand.Kind.IsFloating():
                    if (relevant && LosesEverything(convert.Operand)) ReportCut(ProblemKind.IntegerConversionCut, convert.Site);
                    Visit(convert.Operand, relevant, null);
                    return;
                case PrimitiveCallExpr call when PrimitiveRegistry.Rule(call.Primitive).ZeroDerivative:
                    if (relevant && LosesEverything(call.Arguments[0])) ReportCut(ProblemKind.RoundingCut, call.Site);
                    foreach (var argument in call.Arguments) Visit(argument, relevant, null);
                    return;
                case OpaqueCallExpr call when IsSign(call):
                    if (relevant && LosesEverything(call.Arguments[0])) ReportCut(ProblemKind.RoundingCut, call.Site);
                    foreach (var argument in call.Arguments) Visit(argument, relevant, null);
                    return;
                case BinaryExpr binary when comparisonSites.ContainsKey(binary):
                    Visit(binary.Left, relevant, binary);
                    Visit(binary.Right, relevant, binary);
                    return;
                case VariableExpr variable:
                    Use(variable.Variable, relevant, comparison);
                    return;
                case ElementExpr element:
                    Use(element.Variable, relevant, comparison);
                    Visit(element.Index, relevant, null);
                    return;
                case ArrayRefExpr array:
                    otherUse[array.Variable] = true;
                    return;
            }
            // Arithmetic passes the derivative on, so a comparison above still compares this value.
            bool carries = expr is UnaryExpr or BinaryExpr or ConvertExpr or PrimitiveCallExpr;
            foreach (var child in IrTree.Children(expr)) Visit(child, relevant, carries ? comparison : null);
        }

        void Use(int variable, bool relevant, Expr? comparison)
        {
            if (comparison is null) otherUse[variable] = true;
            else if (relevant && firstComparison[variable] is null) firstComparison[variable] = comparison;
        }

        foreach (var statement in IrTree.AllStatements(body))
        {
            bool relevant = Usefulness.WritesInfluencing(statement, influencing);
            foreach (var expr in IrTree.Expressions(statement)) Visit(expr, relevant, null);
        }

        for (int v = 0; v < variables.Count; v++)
        {
            var variable = variables[v];
            if (variable.IsParameter || !variable.IsScalar || !active[v] || useful[v] || otherUse[v]) continue;
            if (firstComparison[v] is not { } comparison || !comparisonSites.TryGetValue(comparison, out var location)) continue;
            string value = syntheticVariables.Contains(v)
                ? "The value compared in '" + SourceText(location) + "'"
                : "'" + variable.Name + "'";
            warnings.Add(new FrontEndProblem(ProblemKind.ComparedOnly, location, value));
        }
        return warnings.ToImmutable();
    }

    private static bool IsSign(OpaqueCallExpr call)
        => call.Target is "global::System.Math.Sign" or "global::System.MathF.Sign" && call.Arguments.Count == 1;

    /// <summary>The code at <paramref name="location"/>, shortened for a message.</summary>
    private static string SourceText(Location location)
    {
        string text = location.SourceTree?.GetText().ToString(location.SourceSpan) ?? "";
        text = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}
