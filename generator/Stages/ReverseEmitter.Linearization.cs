using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Stages;

// Linearization: single-assignment temporaries, reloads, and the adjoint steps of each operation.
internal sealed partial class ReverseEmitter
{
    private string Name(int variable) => _ir.Variables[variable].Name;

    /// <summary>
    /// Emits the primal of <paramref name="expr"/> as single-assignment temporaries of
    /// <paramref name="segment"/> and records the adjoint step of each operation.
    /// </summary>
    private Node Linearize(Expr expr, Segment segment)
    {
        var kind = expr.Kind;
        if (expr is ElementExpr element) return LinearizeElement(element, segment);
        if (!Activity.IsActive(expr, _active))
        {
            if (expr is LiteralExpr or OpaqueValueExpr) return new Node(PrimalRenderer.Render(expr, Name, _spelling), kind, Active: false) { IsLiteral = expr is LiteralExpr };
            string code = PrimalRenderer.RenderTop(expr, Name, _spelling);
            var key = new LoadKey(code, -1, null);
            if (segment.Loaded.TryGetValue(key, out var known)) return known.Node;
            Reload? reload = expr is VariableExpr { Variable: var counterLike } && _inductions.TryGetValue(counterLike, out var induction)
                ? induction.ValueNow()
                : Rematerialized(expr, atItsPosition: true) is { } again ? new Reload(PrimalRenderer.RenderTop(again, Name, _spelling), IrTree.VariablesRead(again), Array.Empty<Temp>(), IrTree.CannotThrow(again)) : null;
            var passive = Node.Of(NewTemp(segment, kind, code, reload), active: false);
            segment.Loaded[key] = (passive, IrTree.VariablesRead(expr));
            return passive;
        }
        switch (expr)
        {
            case VariableExpr v:
            {
                string name = Name(v.Variable);
                var key = new LoadKey(null, v.Variable, null);
                if (segment.Loaded.TryGetValue(key, out var known)) return known.Node;
                var reload = Reloadable(v.Variable) ? new Reload(name, new[] { v.Variable }, Array.Empty<Temp>(), cannotThrow: true) : null;
                var node = Node.Of(NewTemp(segment, kind, name, reload), active: true);
                segment.Steps.Add(new LoadStep(v.Variable, node));
                segment.Loaded[key] = (node, new HashSet<int> { v.Variable });
                return node;
            }
            case UnaryExpr { Op: UnaryOp.Negate } u:
            {
                var operand = Linearize(u.Operand, segment);
                return Record(segment, NewTemp(segment, kind, "-" + operand.Code), new Contribution(operand, seed => "(-" + seed + ")", Array.Empty<Node>()));
            }
            case UnaryExpr u:
                return Linearize(u.Operand, segment);
            case ConvertExpr c:
            {
                var operand = Linearize(c.Operand, segment);
                string back = _spelling.Keyword(c.Operand.Kind);
                string target = _spelling.IsDual && kind.IsFloating() ? _spelling.Keyword(kind) : c.TypeName;
                return Record(segment, NewTemp(segment, kind, $"({target}){operand.Code}"), new Contribution(operand, seed => $"({back}){seed}", Array.Empty<Node>()));
            }
            case BinaryExpr b:
            {
                var left = Linearize(b.Left, segment);
                var right = Linearize(b.Right, segment);
                var rule = PrimitiveRegistry.Rule(b.Op);
                string code = $"{left.Code} {PrimalRenderer.BinaryToken(b.Op)} {right.Code}";
                var y = NewTemp(segment, kind, code, Recompute(b.Op, code, left, right));
                var result = Record(segment, y, Contributions(rule, kind, new[] { left, right }, y));
                if (rule.Partials[0] == Formula.One && left.Active) segment.Steps[segment.Steps.Count - 1] = ((OperationStep)segment.Steps[segment.Steps.Count - 1]) with { UnitOperand = left };
                return result;
            }
            case PrimitiveCallExpr p:
            {
                var arguments = p.Arguments.Select(a => Linearize(a, segment)).ToArray();
                var rule = PrimitiveRegistry.Rule(p.Primitive);
                string call = _spelling.IsDual && kind.IsFloating()
                    ? _spelling.DualCall(p.Primitive, kind, PrimalRenderer.MethodName(p.Target), arguments.Select(a => a.Code))
                    : $"{p.Target}({string.Join(", ", arguments.Select(a => a.Code))})";
                var y = NewTemp(segment, kind, call);
                var node = Record(segment, y, Contributions(rule, kind, arguments, y));
                if (KinkCount(rule, kind, arguments, p.Site) is { } count)
                    segment.Steps[segment.Steps.Count - 1] = ((OperationStep)segment.Steps[segment.Steps.Count - 1]) with { KinkCount = count };
                return node;
            }
            case UserCallExpr call:
                return LinearizeUserCall(call, segment);
            case RuleCallExpr rule:
            {
                var arguments = LinearizeRuleArguments(rule.Arguments, segment);
                var node = Node.Of(NewTemp(segment, kind, $"{_spelling.RuleTarget(rule.Rule)}({string.Join(", ", rule.Rule.PrimalArguments(arguments).Select(a => a.Code))})"), active: true);
                segment.Steps.Add(new RuleStep(rule.Rule, arguments, node, Saved: SaveUnstableArguments(rule.Site, arguments, segment), Site: rule.Site));
                return node;
            }
            default:
                throw new InvalidOperationException("Reverse mode reached an unlifted " + expr.GetType().Name);
        }
    }

    /// <summary>
    /// The contributions of y = rule(arguments): seed × each registered partial, rendered over the
    /// arguments (data ones included: RootN's n) and y, with the values each partial reads (which decides
    /// what the tape records). A partial that is the constant 0 (CopySign's in y) contributes nothing.
    /// </summary>
    private Contribution[] Contributions(PrimitiveRule rule, ScalarKind kind, Node[] arguments, Temp y)
    {
        var result = Node.Of(y, active: true);
        var renderer = new FormulaRenderer(kind, arguments.Select(a => a.Code).ToArray(), y.Name, null, _settings, _spelling);
        return Enumerable.Range(0, rule.Arity).Where(i => rule.Partials[i] is not ConstantFormula { Value: 0 }).Select(i =>
        {
            var partial = rule.Partials[i];
            var (read, readsResult) = FormulaReads.Of(partial);
            var reads = read.Select(k => arguments[k]).ToList();
            if (readsResult) reads.Add(result);
            return new Contribution(arguments[i], seed => renderer.Times(seed, partial), reads.ToArray());
        }).ToArray();
    }

    /// <summary>
    /// The kink counter of y = rule(arguments) in the adjoint sweep (where the kink rule is applied), with
    /// the arguments its test reads; null for a primitive without kinks.
    /// </summary>
    private KinkCountStep? KinkCount(PrimitiveRule rule, ScalarKind kind, Node[] arguments, int site)
    {
        // The dual body ({M}HessianVector) is not a gradient or tangent pass: it counts nothing.
        if (rule.KinkHit is not { } hit || _spelling.IsDual) return null;
        var renderer = new FormulaRenderer(kind, arguments.Select(a => a.Code).ToArray(), null, null, _settings);
        var reads = FormulaReads.Of(hit).Arguments.Select(k => arguments[k]).ToArray();
        return _kinks.Statement(rule, renderer, site) is { } statement ? new KinkCountStep(statement, reads) : null;
    }

    /// <summary>
    /// <c>a[i]</c>: the index is a temporary (recorded in loops, for the adjoint's <c>a_bar[i] += ...</c>);
    /// the element is loaded again in the adjoint sweep when the array is never written.
    /// </summary>
    private Node LinearizeElement(ElementExpr element, Segment segment)
    {
        var index = Linearize(element.Index, segment);
        string load = $"{Name(element.Variable)}[{index.Code}]";
        var key = new LoadKey(null, element.Variable, index);
        if (segment.Loaded.TryGetValue(key, out var known)) return known.Node;
        bool reloadable = !_written[element.Variable] || _settled.Contains(element.Variable) || FinalBeforeHere(element.Variable);
        var reload = reloadable
            ? new Reload(load, new[] { element.Variable }, index.Temp is { } indexTemp ? new[] { indexTemp } : Array.Empty<Temp>(), cannotThrow: false)
            {
                ElementOf = element.Variable,
                Index = index,
            }
            : null;
        bool active = _active[element.Variable];
        var node = Node.Of(NewTemp(segment, element.Kind, load, reload), active);
        if (active) segment.Steps.Add(new LoadElementStep(element.Variable, index, node));
        segment.Loaded[key] = (node, new HashSet<int> { element.Variable });
        return node;
    }

    /// <summary>
    /// Whether the adjoint can read <paramref name="variable"/> again and find the value the primal
    /// read: it never changes, or it is the counter of an enclosing counted loop (which the adjoint
    /// runs backwards).
    /// </summary>
    private bool Reloadable(int variable) => !_written[variable] || _restored.Contains(variable) || FinalBeforeHere(variable);

    /// <summary>
    /// Whether every write to <paramref name="variable"/> sits in an earlier top-level statement: from
    /// here to the end of the adjoint sweep it holds its final value, so reads of it load again rather
    /// than being recorded (an array filled once and then only read, say).
    /// </summary>
    private bool FinalBeforeHere(int variable) => _lastTopLevelWrite[variable] < _topLevelIndex;

    /// <summary>After a write to <paramref name="variable"/>, loads that read it are stale.</summary>
    private void Invalidate(int variable)
    {
        if (_open is null) return;
        foreach (var key in _open.Loaded.Where(entry => entry.Value.Reads.Contains(variable)).Select(entry => entry.Key).ToList())
            _open.Loaded.Remove(key);
    }

    /// <summary>
    /// <paramref name="expr"/> as the adjoint can evaluate it again: plain arithmetic over variables it
    /// still has (<see cref="Reloadable"/>), with each read of a variable defined earlier in the
    /// iteration (<see cref="_definitions"/>) replaced by its definition. Null when it cannot.
    /// </summary>
    /// <param name="atItsPosition">
    /// Whether the adjoint evaluates it where the primal did (in the adjoint of the same segment, or of
    /// the loop it bounds): there a variable updated once per iteration (<see cref="_updates"/>) holds the
    /// value the primal read, because the adjoint undoes each update between the segments on either side
    /// of it. Not so for a definition, read by later statements.
    /// </param>
    private Expr? Rematerialized(Expr expr, bool atItsPosition = false)
    {
        switch (expr)
        {
            case VariableExpr v when _definitions.TryGetValue(v.Variable, out var definition):
                return definition;
            case VariableExpr v:
                return Reloadable(v.Variable) && !_inductions.ContainsKey(v.Variable) && (atItsPosition || !_updates.ContainsKey(v.Variable)) ? expr : null;
            case LiteralExpr or OpaqueValueExpr or LengthExpr:
                return expr;
            case UnaryExpr u:
                return Rematerialized(u.Operand, atItsPosition) is { } operand ? u with { Operand = operand } : null;
            case BinaryExpr b:
                return Rematerialized(b.Left, atItsPosition) is { } left && Rematerialized(b.Right, atItsPosition) is { } right ? b with { Left = left, Right = right } : null;
            case ConvertExpr c:
                return Rematerialized(c.Operand, atItsPosition) is { } converted ? c with { Operand = converted } : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A call of another [Differentiable] method runs its generated gradient in the primal sweep and
    /// keeps the partials, so the adjoint is a few multiplications and nothing is evaluated twice.
    /// </summary>
    private Node LinearizeUserCall(UserCallExpr call, Segment segment)
    {
        var arguments = call.Arguments.Select(a => Linearize(a, segment)).ToArray();
        var outs = new List<string>();
        var contributions = new List<Contribution>();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!call.Callee.Differentiable[i]) continue;
            var partial = new Temp(arguments[i].Kind, _names.Temp());
            AddTemp(segment, partial);
            outs.Add((_spelling.IsDual ? "ref " : "out ") + partial.Name);
            contributions.Add(new Contribution(arguments[i], seed => seed + " * " + partial.Name, new[] { Node.Of(partial, active: false) }));
            // The callee's dual body adds to its shadows.
            if (_spelling.IsDual) _primal.Line($"{partial.Name} = {partial.Kind.Literal(0)};");
        }
        var y = NewTemp(segment, call.Kind, _spelling.IsDual
            ? $"{call.Callee.Target}{UncheckedPullbackSuffix}{DualSuffix}({string.Join(", ", arguments.Select(a => a.Code).Append(call.Kind.Literal(1)).Concat(outs))})"
            : $"{call.Callee.Target}Gradient({string.Join(", ", arguments.Select(a => a.Code).Concat(outs))})");
        return Record(segment, y, contributions.ToArray());
    }

    /// <summary>The most work (loads and operations) recomputing one value may take in the adjoint instead of recording it.</summary>
    private const int RecomputeLimit = 5;

    /// <summary>
    /// The planning rule for a sum, difference or product of values the adjoint can load again (the
    /// difference <c>x[j] - mu[j]</c> of two inputs, say): recompute it there rather than record it, when
    /// that takes at most <see cref="RecomputeLimit"/> loads and operations. Exact (the same operations on
    /// the same values), cannot throw, and keeps the tape, and the calls that grow it, out of the loop.
    /// </summary>
    private static Reload? Recompute(BinaryOp op, string code, Node left, Node right)
    {
        if (op is not (BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply)) return null;
        if (left.Kind is not (ScalarKind.Double or ScalarKind.Float or ScalarKind.Int)) return null;
        int cost = 1;
        var temps = new List<Temp>();
        foreach (var operand in new[] { left, right })
        {
            if (operand.Temp is null) continue; // a literal or passive code inlined as written
            if (operand.Temp.Reload is not { } reload) return null;
            cost += reload.Cost;
            temps.Add(operand.Temp);
        }
        return cost <= RecomputeLimit ? new Reload(code, Array.Empty<int>(), temps, cannotThrow: true) { Cost = cost } : null;
    }

    private static Node Record(Segment segment, Temp y, params Contribution[] operands)
    {
        var node = Node.Of(y, active: true);
        segment.Steps.Add(new OperationStep(node, operands.Where(o => o.Operand.Active).ToArray()));
        return node;
    }

    /// <summary>
    /// A new single-assignment temporary holding <paramref name="value"/>. <paramref name="reload"/>
    /// computes it again in the adjoint sweep from storage that still holds it (then it is not recorded).
    /// </summary>
    private Temp NewTemp(Segment segment, ScalarKind kind, string value, Reload? reload = null)
    {
        var temp = new Temp(kind, _names.Temp(), reload);
        if (_straight)
        {
            _primal.Line($"{_spelling.Keyword(kind)} {temp.Name} = {value};");
            segment.Temps.Add(temp);
        }
        else
        {
            AddTemp(segment, temp);
            _primal.Line($"{temp.Name} = {value};");
            temp.Definition = (_primal, _primal.Mark());
        }
        return temp;
    }

    /// <summary>Declares a temporary: inline in straight-line methods, hoisted to the top otherwise
    /// (so the adjoint sweep, outside the primal's blocks, can read it).</summary>
    private void AddTemp(Segment segment, Temp temp)
    {
        segment.Temps.Add(temp);
        if (!_straight) _hoisted.Add(temp);
        else _primal.Line($"{_spelling.Keyword(temp.Kind)} {temp.Name};");
    }
}
