using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

// The adjoint sweep of a segment, and what an innermost loop does outside itself.
internal sealed partial class ReverseEmitter
{
    /// <summary>
    /// The adjoint of a segment: its steps in reverse. A temporary's adjoint is declared at its first
    /// contribution, and a temporary that received none is skipped (a symbolic zero).
    /// </summary>
    private string BuildAdjoint(Segment segment)
    {
        var w = new IndentedWriter();
        var adjoints = new Dictionary<string, string>();

        void AddTo(Node node, string contribution)
        {
            if (!node.Active) return;
            if (adjoints.TryGetValue(node.Code, out var existing))
            {
                w.Line($"{existing} += {contribution};");
                return;
            }
            string name = _names.Fresh(node.Code + "_bar");
            adjoints[node.Code] = name;
            w.Line($"{node.Kind.Keyword()} {name} = {contribution};");
        }

        var inPlace = InPlaceUpdates(segment.Steps);
        var touches = new Dictionary<int, int>();
        if (_promotion is not null)
        {
            foreach (var step in segment.Steps)
            {
                int? touched = step switch
                {
                    LoadElementStep l => l.Variable,
                    StoreElementStep st => st.Variable,
                    _ => null,
                };
                if (touched is int v) touches[v] = touches.TryGetValue(v, out int c) ? c + 1 : 1;
                if (step is RuleStep rule)
                    foreach (var argument in rule.Arguments)
                        if (argument.Array is int array) touches[array] = 2;
            }
        }
        for (int i = segment.Steps.Count - 1; i >= 0; i--)
        {
            switch (segment.Steps[i])
            {
                case OperationStep op:
                    if (!adjoints.TryGetValue(op.Result.Code, out var seed)) break;
                    foreach (var (operand, contribution) in op.Operands)
                        if (!inPlace.Contains(operand.Code)) AddTo(operand, contribution(seed));
                    break;
                case LoadStep load:
                    if (adjoints.TryGetValue(load.Temp.Code, out var loaded)) w.Line($"{_adjoint[load.Variable]} += {loaded};");
                    break;
                case RuleStep rule:
                    EmitPullbackCall(rule, adjoints, AddTo, w);
                    break;
                case LoadElementStep loadElement:
                    if (adjoints.TryGetValue(loadElement.Temp.Code, out var loadedElement))
                    {
                        if (_promotion is { } promotion && touches[loadElement.Variable] == 1 && InvariantIndex(segment, loadElement.Index, promotion) is string index)
                        {
                            string local = _names.Fresh(loadElement.Temp.Code + "_sum");
                            promotion.Accumulators.Add((local, $"{_adjoint[loadElement.Variable]}[{index}]", _ir.Variables[loadElement.Variable].Kind));
                            w.Line($"{local} += {loadedElement};");
                        }
                        else
                        {
                            w.Line($"{_adjoint[loadElement.Variable]}[{loadElement.Index.Code}] += {loadedElement};");
                        }
                    }
                    break;
                case StoreElementStep store:
                {
                    string slot = $"{_adjoint[store.Variable]}[{store.Index.Code}]";
                    AddTo(store.Value, slot);
                    // a[i] = a[i] + e: the slot's adjoint passes to e and stays as it is.
                    if (!inPlace.Contains(store.Value.Code)) w.Line($"{slot} = {_ir.Variables[store.Variable].Kind.Literal(0)};");
                    break;
                }
                case AssignStep assign:
                    if (assign.Value is { } value) AddTo(value, _adjoint[assign.Variable]!);
                    w.Line($"{_adjoint[assign.Variable]} = {_ir.Variables[assign.Variable].Kind.Literal(0)};");
                    break;
                case SeedStep seedStep:
                    AddTo(seedStep.Value, _pullback ? _seed : seedStep.Value.Kind.Literal(1));
                    break;
            }
        }
        return w.ToString();
    }

    /// <summary>
    /// Code for <paramref name="index"/> that has the same value throughout the innermost loop being
    /// emitted (a constant, or a reload reading nothing the loop assigns), or null.
    /// </summary>
    private static string? InvariantIndex(Segment segment, Node index, Promotion promotion)
    {
        string code = index.Code;
        if (!code.StartsWith("_t", StringComparison.Ordinal))
            return Regex.IsMatch(code, @"^-?\d+$") ? code : null;
        var temp = segment.Temps.FirstOrDefault(t => t.Name == code);
        if (temp?.Reload is not string reload || !ReadsNothingTheLoopChanges(reload, promotion)) return null;
        return "(" + reload + ")";
    }

    /// <summary>
    /// The code that loads <paramref name="temp"/> once before the reversed innermost loop, or null when
    /// it must stay inside. It qualifies when it reads nothing the loop changes and cannot throw: plain
    /// arithmetic without division, or an element load, which the loop may skip (an empty loop never
    /// made it, and its index may be out of range) and so is guarded by its index, not by a branch
    /// around the definition (that costs the JIT its register for the value).
    /// </summary>
    private static string? HoistedLoad(Temp temp, Promotion loop)
    {
        string reload = temp.Reload!;
        if (!ReadsNothingTheLoopChanges(reload, loop)) return null;
        if (SafeArithmetic.IsMatch(reload)) return reload;
        var element = ElementLoad.Match(reload);
        if (!element.Success || !SafeArithmetic.IsMatch(element.Groups["index"].Value)) return null;
        string array = element.Groups["array"].Value, index = element.Groups["index"].Value;
        return $"(uint)({index}) < (uint){array}.Length ? {reload} : default";
    }

    /// <summary>Names, numeric literals, casts, +, - and *: code that cannot throw.</summary>
    private static readonly Regex SafeArithmetic = new(@"^(?:[A-Za-z_@]\w*|\d+(?:\.\d+)?[fdFDlL]?|[\s+\-*()])*$");

    /// <summary><c>array[index]</c> with no nested element access.</summary>
    private static readonly Regex ElementLoad = new(@"^(?<array>[A-Za-z_@]\w*)\[(?<index>[^\[\]]+)\]$");

    /// <summary>
    /// Whether a reload in the innermost counted loop being emitted reads only names the loop does not
    /// assign and temporaries already loaded before the loop (none yet while the adjoint is being built):
    /// it then has one value for the whole loop.
    /// </summary>
    private static bool ReadsNothingTheLoopChanges(string reload, Promotion loop)
    {
        foreach (Match identifier in Regex.Matches(reload, @"[A-Za-z_@][\w]*"))
        {
            string name = identifier.Value;
            if (name.StartsWith("_t", StringComparison.Ordinal) ? !loop.HoistedTemps.Contains(name)
                : loop.Variant.Contains(name) || loop.Variant.Contains(name.TrimStart('@')))
                return false;
        }
        return true;
    }

    /// <summary>
    /// What the adjoint of an innermost counted loop does outside the loop: updates at a fixed index add
    /// into a local and reach their slot after it; reloads that do not change are loaded once before it.
    /// </summary>
    private sealed class Promotion
    {
        public Promotion(HashSet<string> variant) => Variant = variant;

        /// <summary>Names the loop assigns (its counter included): an index reading one of them varies.</summary>
        public HashSet<string> Variant { get; }

        public List<(string Local, string Target, ScalarKind Kind)> Accumulators { get; } = new();

        /// <summary>Loads of loop-invariant reloads, in dependency order, run once before the reversed loop.</summary>
        public List<string> HoistedReloads { get; } = new();

        /// <summary>The temporaries <see cref="HoistedReloads"/> assign.</summary>
        public HashSet<string> HoistedTemps { get; } = new();
    }

    /// <summary>
    /// The in-place updates <c>a[i] = a[i] + e</c> (or <c>- e</c>) of a segment: the loaded element and the
    /// sum are each used once, and nothing else writes the array in between. Returns the codes of both
    /// nodes: the store keeps the slot's adjoint instead of zeroing it and adding it back through the load.
    /// </summary>
    private static HashSet<string> InPlaceUpdates(List<Step> steps)
    {
        var result = new HashSet<string>();
        var uses = new Dictionary<string, int>();
        void Use(Node? node)
        {
            if (node is null) return;
            uses.TryGetValue(node.Code, out int count);
            uses[node.Code] = count + 1;
        }
        foreach (var step in steps)
        {
            switch (step)
            {
                case OperationStep op: foreach (var (operand, _) in op.Operands) Use(operand); break;
                case LoadElementStep load: Use(load.Index); break;
                case StoreElementStep store: Use(store.Index); Use(store.Value); break;
                case AssignStep assign: Use(assign.Value); break;
                case SeedStep seed: Use(seed.Value); break;
                case RuleStep rule: foreach (var argument in rule.Arguments) Use(argument); break;
            }
        }
        for (int si = 0; si < steps.Count; si++)
        {
            if (steps[si] is not StoreElementStep store || !store.Value.Active) continue;
            int oi = steps.FindIndex(s => s is OperationStep o && o.Result.Code == store.Value.Code);
            if (oi < 0 || oi > si || steps[oi] is not OperationStep { UnitOperand: string unit } || uses[store.Value.Code] != 1 || uses[unit] != 1) continue;
            int li = steps.FindIndex(s => s is LoadElementStep l && l.Temp.Code == unit);
            if (li < 0 || li > oi || steps[li] is not LoadElementStep load || load.Variable != store.Variable || load.Index.Code != store.Index.Code) continue;
            bool written = false;
            for (int between = li + 1; between < si && !written; between++)
                written = steps[between] is RuleStep || (steps[between] is StoreElementStep other && other.Variable == store.Variable);
            if (written) continue;
            result.Add(unit);
            result.Add(store.Value.Code);
        }
        return result;
    }

    /// <summary>
    /// Calls a rule's pullback: the primal arguments, the seed (the result's adjoint, or each output
    /// array's adjoint, which is then cleared: the call overwrote the output), then a shadow per input:
    /// the array's adjoint, an empty span for a passive array, or a local for a scalar whose value is
    /// added to the argument's adjoint afterwards.
    /// </summary>
    private void EmitPullbackCall(RuleStep rule, Dictionary<string, string> adjoints, Action<Node, string> addTo, IndentedWriter w)
    {
        var seeds = new List<string>();
        if (rule.Result is { } result)
        {
            if (!adjoints.TryGetValue(result.Code, out var seed)) return; // zero seed: nothing to do
            seeds.Add(seed);
        }
        var shadows = new List<string>();
        var scalarShadows = new List<(Node Argument, string Local)>();
        var cleared = new List<string>();
        for (int i = 0; i < rule.Arguments.Length; i++)
        {
            var argument = rule.Arguments[i];
            var role = rule.Rule.Roles[i];
            if (role == ArgumentRole.Data) continue;
            if (argument.Array is int array)
            {
                string buffer = _adjoint[array] is string whole && argument.Slice is { } slice
                    ? SliceSyntax.OfShadow(whole, argument.Kind, readOnly: false, slice.Start, slice.Length)
                    : _adjoint[array] ?? "default";
                if (role == ArgumentRole.Output)
                {
                    seeds.Add(buffer);
                    if (_adjoint[array] is string adjoint && rule.FirstWrites?.Contains(array) != true)
                        cleared.Add(argument.Slice is null ? SourceEmitter.Clear(_ir.Variables[array], adjoint) : buffer + ".Clear();");
                }
                else
                {
                    shadows.Add(buffer);
                }
                continue;
            }
            string local = _names.Fresh("_g" + i.ToString(CultureInfo.InvariantCulture));
            w.Line($"{argument.Kind.Keyword()} {local} = {argument.Kind.Literal(0)};");
            shadows.Add("ref " + local);
            if (argument.Active) scalarShadows.Add((argument, local));
        }
        var arguments = rule.Arguments.Select(a => a.Code).Concat(seeds).Concat(shadows);
        w.Line($"{rule.Rule.Pullback}({string.Join(", ", arguments)});");
        foreach (var clear in cleared) w.Line(clear);
        foreach (var (argument, local) in scalarShadows) addTo(argument, local);
    }
}
