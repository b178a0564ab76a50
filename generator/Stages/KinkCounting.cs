using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The code of the opt-in kink counters (<c>DiffGen.KinkCounters</c>): where a gradient or tangent pass
/// applies a nonsmooth primitive's kink rule, a test of the registry entry's <see cref="PrimitiveRule.KinkHit"/>
/// guarded by the counters' switch (one predictable branch when counting is off), and around calls of
/// rules (span primitives count their own hits) the call site they attribute them to.
/// </summary>
internal static class KinkCounting
{
    private const string Counters = "global::DiffGen.KinkCounters";

    /// <summary>
    /// <c>if (KinkCounters.IsEnabled &amp;&amp; hit) KinkCounters.Hit("Relu", "N.T.F", line);</c> for the primitive
    /// call at <paramref name="site"/>, with the arguments bound in <paramref name="arguments"/>; null for a
    /// primitive without kinks.
    /// </summary>
    public static string? Statement(PrimitiveRule rule, FormulaRenderer arguments, MethodIr ir, int site)
        => rule.KinkHit is { } hit
            ? $"if ({Counters}.IsEnabled && {arguments.Render(hit)}) {Counters}.Hit({Literal(rule.Name)}, {Literal(ir.DisplayName)}, {Line(ir, site)});"
            : null;

    /// <summary>The statement before a rule call that makes it the call site of the kinks the rule counts; its scope goes to <see cref="Exit"/>.</summary>
    public static string Enter(string scope, MethodIr ir, int site)
        => $"var {scope} = {Counters}.Enter({Literal(ir.DisplayName)}, {Line(ir, site)});";

    /// <summary>The statement after the rule call: the call site before it is current again.</summary>
    public static string Exit(string scope) => $"{Counters}.Exit({scope});";

    private static string Line(MethodIr ir, int site) => ir.LineOf(site).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
