using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        var adjoints = new Dictionary<Temp, string>();
        var reads = segment.AdjointReads;
        void Read(Node node)
        {
            if (node.Temp is { } temp) reads.Add(temp);
        }

        void AddTo(Node node, string contribution)
        {
            if (!node.Active) return;
            var temp = node.Temp!;
            if (adjoints.TryGetValue(temp, out var existing))
            {
                w.Line($"{existing} += {contribution};");
                return;
            }
            string name = _names.Fresh(temp.Name + "_bar");
            adjoints[temp] = name;
            w.Line($"{_spelling.Keyword(node.Kind)} {name} = {contribution};");
        }

        bool TryAdjoint(Node node, out string adjoint)
        {
            adjoint = "";
            return node.Temp is { } temp && adjoints.TryGetValue(temp, out adjoint!);
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
                if (step is ClearStep clear) touches[clear.Variable] = 2;
            }
        }
        for (int i = segment.Steps.Count - 1; i >= 0; i--)
        {
            switch (segment.Steps[i])
            {
                case OperationStep op:
                    if (!TryAdjoint(op.Result, out var seed)) break;
                    if (op.KinkCount is { } count)
                    {
                        foreach (var read in count.Reads) Read(read);
                        w.Line(count.Statement);
                    }
                    foreach (var contribution in op.Operands)
                    {
                        if (inPlace.Contains(contribution.Operand.Temp!)) continue;
                        foreach (var read in contribution.Reads) Read(read);
                        AddTo(contribution.Operand, contribution.Scale(seed));
                    }
                    break;
                case LoadStep load:
                    if (TryAdjoint(load.Temp, out var loaded)) w.Line($"{_adjoint[load.Variable]} += {loaded};");
                    break;
                case RuleStep rule:
                    EmitPullbackCall(rule, TryAdjoint, AddTo, Read, w);
                    break;
                case LoadElementStep loadElement:
                    if (TryAdjoint(loadElement.Temp, out var loadedElement))
                    {
                        if (_promotion is { } promotion && touches[loadElement.Variable] == 1 && InvariantIndex(segment, loadElement.Index, promotion) is string index)
                        {
                            string local = _names.Fresh(loadElement.Temp.Code + "_sum");
                            promotion.Accumulators.Add((local, $"{_adjoint[loadElement.Variable]}[{index}]", _ir.Variables[loadElement.Variable].Kind));
                            w.Line($"{local} += {loadedElement};");
                        }
                        else
                        {
                            Read(loadElement.Index);
                            w.Line($"{_adjoint[loadElement.Variable]}[{loadElement.Index.Code}] += {loadedElement};");
                        }
                    }
                    break;
                case StoreElementStep store:
                {
                    Read(store.Index);
                    string slot = $"{_adjoint[store.Variable]}[{store.Index.Code}]";
                    AddTo(store.Value, slot);
                    // a[i] = a[i] + e: the slot's adjoint passes to e and stays as it is.
                    if (store.Value.Temp is not { } stored || !inPlace.Contains(stored)) w.Line($"{slot} = {_ir.Variables[store.Variable].Kind.Literal(0)};");
                    break;
                }
                case AssignStep assign:
                    if (assign.Value is { } value) AddTo(value, _adjoint[assign.Variable]!);
                    if (assign.Value?.Temp is not { } assigned || !inPlace.Contains(assigned)) w.Line($"{_adjoint[assign.Variable]} = {_ir.Variables[assign.Variable].Kind.Literal(0)};");
                    break;
                case ClearStep clear:
                    w.Line(SourceEmitter.Clear(_ir.Variables[clear.Variable], _adjoint[clear.Variable]!));
                    break;
                case SeedStep seedStep:
                    AddTo(seedStep.Value, SeedValue);
                    break;
            }
        }
        return w.ToString();
    }

    /// <summary>
    /// Code for <paramref name="index"/> that has the same value throughout the innermost loop being
    /// emitted (a literal, or a reload reading nothing the loop assigns), or null.
    /// </summary>
    private static string? InvariantIndex(Segment segment, Node index, Promotion promotion)
    {
        if (index.Temp is not { } temp) return index.IsLiteral ? index.Code : null;
        if (!segment.Temps.Contains(temp) || temp.Reload is not { } reload || !ReadsNothingTheLoopChanges(reload, promotion)) return null;
        return "(" + reload.Code + ")";
    }

    /// <summary>
    /// The code that loads <paramref name="temp"/> once before the reversed innermost loop, or null when
    /// it must stay inside. It qualifies when it reads nothing the loop changes and cannot throw: plain
    /// arithmetic without division, or an element load, which the loop may skip (an empty loop never
    /// made it, and its index may be out of range) and so is guarded by its index, not by a branch
    /// around the definition (that costs the JIT its register for the value).
    /// </summary>
    private string? HoistedLoad(Temp temp, Promotion loop)
    {
        var reload = temp.Reload!;
        if (!ReadsNothingTheLoopChanges(reload, loop)) return null;
        if (reload.CannotThrow) return reload.Code;
        if (reload is not { ElementOf: int array, Index: { } index } || (index.Temp is null && !index.IsLiteral)) return null;
        return $"(uint)({index.Code}) < (uint){Name(array)}.Length ? {reload.Code} : default";
    }

    /// <summary>
    /// Whether a reload in the innermost counted loop being emitted reads only variables the loop does
    /// not assign and temporaries already loaded before the loop (none yet while the adjoint is being
    /// built): it then has one value for the whole loop.
    /// </summary>
    private static bool ReadsNothingTheLoopChanges(Reload reload, Promotion loop)
        => !reload.Variables.Overlaps(loop.Variant) && reload.Temps.All(loop.HoistedTemps.Contains);

    /// <summary>
    /// What the adjoint of an innermost counted loop does outside the loop: updates at a fixed index add
    /// into a local and reach their slot after it; reloads that do not change are loaded once before it.
    /// </summary>
    private sealed class Promotion
    {
        public Promotion(HashSet<int> variant) => Variant = variant;

        /// <summary>Variables the loop assigns (its counter included): an index reading one of them varies.</summary>
        public HashSet<int> Variant { get; }

        public List<(string Local, string Target, ScalarKind Kind)> Accumulators { get; } = new();

        /// <summary>Loads of loop-invariant reloads, in dependency order, run once before the reversed loop.</summary>
        public List<string> HoistedReloads { get; } = new();

        /// <summary>The temporaries <see cref="HoistedReloads"/> assign.</summary>
        public HashSet<Temp> HoistedTemps { get; } = new();
    }

    /// <summary>
    /// The in-place updates <c>a[i] = a[i] + e</c> and <c>s = s + e</c> (or <c>- e</c>) of a segment: the loaded
    /// element or variable and the sum are each used once, and nothing else writes it in between. Returns the
    /// temporaries of both: the store keeps the adjoint instead of zeroing it and adding it back through the load.
    /// </summary>
    private static HashSet<Temp> InPlaceUpdates(List<Step> steps)
    {
        var result = new HashSet<Temp>();
        var uses = new Dictionary<Node, int>();
        void Use(Node? node)
        {
            if (node is null) return;
            uses.TryGetValue(node, out int count);
            uses[node] = count + 1;
        }
        foreach (var step in steps)
        {
            switch (step)
            {
                case OperationStep op: foreach (var contribution in op.Operands) Use(contribution.Operand); break;
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
            int oi = steps.FindIndex(s => s is OperationStep o && o.Result == store.Value);
            if (oi < 0 || oi > si || steps[oi] is not OperationStep { UnitOperand: { } unit } || uses[store.Value] != 1 || uses[unit] != 1) continue;
            int li = steps.FindIndex(s => s is LoadElementStep l && l.Temp == unit);
            if (li < 0 || li > oi || steps[li] is not LoadElementStep load || load.Variable != store.Variable || load.Index != store.Index) continue;
            bool written = false;
            for (int between = li + 1; between < si && !written; between++)
                written = steps[between] is RuleStep || (steps[between] is StoreElementStep other && other.Variable == store.Variable);
            if (written) continue;
            result.Add(unit.Temp!);
            result.Add(store.Value.Temp!);
        }
        for (int si = 0; si < steps.Count; si++)
        {
            // s = s + e on a scalar: likewise, s's adjoint passes to e and stays.
            if (steps[si] is not AssignStep { Value: { Active: true } value } assign) continue;
            int oi = steps.FindIndex(s => s is OperationStep o && o.Result == value);
            if (oi < 0 || oi > si || steps[oi] is not OperationStep { UnitOperand: { } unit } || uses[value] != 1 || uses[unit] != 1) continue;
            int li = steps.FindIndex(s => s is LoadStep l && l.Temp == unit);
            if (li < 0 || li > oi || steps[li] is not LoadStep load || load.Variable != assign.Variable) continue;
            bool written = false;
            for (int between = li + 1; between < si && !written; between++)
                written = steps[between] is RuleStep || (steps[between] is AssignStep other && other.Variable == assign.Variable);
            if (written) continue;
            result.Add(unit.Temp!);
            result.Add(value.Temp!);
        }
        return result;
    }

    /// <summary>
    /// Calls a rule's pullback: the primal arguments, the seed (the result's adjoint, or each output
    /// array's adjoint, which is then cleared: the call overwrote the output), then a shadow per input:
    /// the array's adjoint, an empty span for a passive array, or a local for a scalar whose value is
    /// added to the argument's adjoint afterwards.
    /// </summary>
    private void EmitPullbackCall(RuleStep rule, AdjointLookup adjointOf, Action<Node, string> addTo, Action<Node> read, IndentedWriter w)
    {
        void ReadArgument(Node argument)
        {
            read(argument);
            if (argument.Slice is not { } bounds) return;
            read(bounds.Start);
            if (bounds.Length is { } length) read(length);
        }

        // Arrays that changed after the call get back the values they had at it (pushed in call order;
        // popped even when the pullback is skipped, so the tape stays balanced).
        for (int k = (rule.Saved?.Length ?? 0) - 1; k >= 0; k--)
        {
            var saved = rule.Arguments[rule.Saved![k]];
            ReadArgument(saved);
            w.Line($"{TapeOf(saved.Kind)}.PopAll({saved.Code});");
        }
        var seeds = new List<string>();
        if (rule.Result is { } result)
        {
            if (!adjointOf(result, out var seed)) return; // zero seed: nothing to do
            seeds.Add(seed);
        }
        foreach (var argument in rule.Arguments) ReadArgument(argument);
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
                    ? SliceSyntax.OfShadow(whole, argument.Kind, readOnly: false, slice.Start.Code, slice.Length?.Code, _spelling)
                    // An array the caller does not differentiate (data, a [NoDerivative] parameter): the callee still
                    // writes its shadow, so it gets a zeroed buffer of the argument's length to write into.
                    : _adjoint[array] ?? $"new {_spelling.Keyword(argument.Kind)}[{argument.Code}.Length]";
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
            w.Line($"{_spelling.Keyword(argument.Kind)} {local} = {argument.Kind.Literal(0)};");
            shadows.Add("ref " + local);
            if (argument.Active) scalarShadows.Add((argument, local));
        }
        var arguments = rule.Rule.PrimalArguments(rule.Arguments).Select(a => a.Code).Concat(seeds).Concat(shadows);
        string? kinkSite = _ir.LineOf(rule.Site) > 0 ? _names.Fresh("kinkSite") : null;
        if (kinkSite is not null) w.Line(_kinks.Enter(kinkSite, rule.Site));
        w.Line($"{_spelling.RulePullback(rule.Rule)}({string.Join(", ", arguments)});");
        if (kinkSite is not null) w.Line(KinkCounting.Exit(kinkSite));
        foreach (var clear in cleared) w.Line(clear);
        foreach (var (argument, local) in scalarShadows) addTo(argument, local);
    }

    /// <summary>The adjoint of a node's value in the segment being reversed, if it has received any.</summary>
    private delegate bool AdjointLookup(Node node, out string adjoint);
}
