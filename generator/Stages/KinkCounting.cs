using System.Collections.Generic;
using System.Globalization;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The code of the opt-in kink counters (<c>DiffGen.KinkCounters</c>) in one generated method. Where a gradient
/// or tangent pass applies a nonsmooth primitive's kink rule, the registry entry's
/// <see cref="PrimitiveRule.KinkHit"/> is tested behind the counters' switch and a hit adds to a local of the
/// call site; the locals go to the counters once, when the method ends. No call sits on the hot path, so
/// values stay in registers: with counting off the cost is one predictable branch per kink rule applied.
/// Around calls of rules (span primitives count their own hits) the call site they attribute hits to.
/// </summary>
internal sealed class KinkCounting
{
    private const string Counters = "global::DiffGen.KinkCounters";
    private readonly MethodIr _ir;
    private readonly NameScope _names;
    private readonly SortedDictionary<int, (string Local, string Primitive)> _sites = new();

    public KinkCounting(MethodIr ir, NameScope names)
    {
        _ir = ir;
        _names = names;
    }

    /// <summary>
    /// <c>if (KinkCounters.IsEnabled &amp;&amp; hit) kinkHits++;</c> for the primitive call at <paramref name="site"/>,
    /// with the arguments bound in <paramref name="arguments"/>; null for a primitive without kinks.
    /// </summary>
    public string? Statement(PrimitiveRule rule, FormulaRenderer arguments, int site)
        => rule.KinkHit is { } hit ? $"if ({Counters}.IsEnabled && {arguments.Render(hit)}) {Local(rule, site)}++;" : null;

    /// <summary>The counter local of the call at <paramref name="site"/> (declared by <see cref="Declarations"/>).</summary>
    public string Local(PrimitiveRule rule, int site)
    {
        if (!_sites.TryGetValue(site, out var counter))
        {
            counter = (_names.Fresh("kinkHits"), rule.Name);
            _sites[site] = counter;
        }
        return counter.Local;
    }

    /// <summary>The counter locals, at zero (at the top of the method).</summary>
    public IEnumerable<string> Declarations()
    {
        foreach (var counter in _sites.Values) yield return $"int {counter.Local} = 0;";
    }

    /// <summary>
    /// The statements that add the locals to the counters (before each return): one test of the switch, then
    /// the sites that were hit. None when the method has no kink sites.
    /// </summary>
    public IEnumerable<string> Flushes()
    {
        if (_sites.Count == 0) yield break;
        yield return $"if ({Counters}.IsEnabled)";
        yield return "{";
        foreach (var pair in _sites)
            yield return $"    if ({pair.Value.Local} != 0) {Counters}.Hit({Literal(pair.Value.Primitive)}, {Literal(_ir.MethodOf(pair.Key))}, {Line(pair.Key)}, {pair.Value.Local});";
        yield return "}";
    }

    /// <summary>The statement before a rule call that makes it the call site of the kinks the rule counts; its scope goes to <see cref="Exit"/>.</summary>
    public string Enter(string scope, int site)
        => $"var {scope} = {Counters}.Enter({Literal(_ir.MethodOf(site))}, {Line(site)});";

    /// <summary>The statement after the rule call: the call site before it is current again.</summary>
    public static string Exit(string scope) => $"{Counters}.Exit({scope});";

    private string Line(int site) => _ir.LineOf(site).ToString(CultureInfo.InvariantCulture);

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
