using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
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
            if (expr is LiteralExpr or OpaqueValueExpr) return new Node(PrimalRenderer.Render(expr, Name), kind, Active: false);
            string code = PrimalRenderer.RenderTop(expr, Name);
            if (expr is VariableExpr { Variable: var counterLike } && _inductions.TryGetValue(counterLike, out var induction))
            {
                if (segment.Loaded.TryGetValue(code, out var loadedInduction)) return loadedInduction.Node;
                var stepped = new Node(NewTemp(segment, kind, code, induction.ValueNow()), kind, Active: false);
                segment.Loaded[code] = (stepped, new HashSet<int> { counterLike });
                return stepped;
            }
            if (segment.Loaded.TryGetValue(code, out var known)) return known.Node;
            var passive = new Node(NewTemp(segment, kind, code, ReadsOnlyUnwritten(expr) ? code : null), kind, Active: false);
            segment.Loaded[code] = (passive, IrTree.VariablesRead(expr));
            return passive;
        }
        switch (expr)
        {
            case VariableExpr v:
            {
                string name = Name(v.Variable);
                if (segment.Loaded.TryGetValue(name, out var known)) return known.Node;
                var node = new Node(NewTemp(segment, kind, name, Reloadable(v.Variable) ? name : null), kind, Active: true);
                segment.Steps.Add(new LoadStep(v.Variable, node));
                segment.Loaded[name] = (node, new HashSet<int> { v.Variable });
                return node;
            }
            case UnaryExpr { Op: UnaryOp.Negate } u:
            {
                var operand = Linearize(u.Operand, segment);
                return Operation(segment, kind, "-" + operand.Code, (operand, seed => "(-" + seed + ")"));
            }
            case UnaryExpr u:
                return Linearize(u.Operand, segment);
            case ConvertExpr c:
            {
                var operand = Linearize(c.Operand, segment);
                string back = c.Operand.Kind.Keyword();
                return Operation(segment, kind, $"({c.TypeName}){operand.Code}", (operand, seed => $"({back}){seed}"));
            }
            case BinaryExpr b:
            {
                var left = Linearize(b.Left, segment);
                var right = Linearize(b.Right, segment);
                var rule = PrimitiveRegistry.Rule(b.Op);
                string y = NewTemp(segment, kind, $"{left.Code} {PrimalRenderer.BinaryToken(b.Op)} {right.Code}");
                var partials = new FormulaRenderer(kind, new[] { left.Code, right.Code }, y, null, _settings);
                var sum = Record(segment, y, kind, (left, Scale(partials, rule.Partials[0])), (right, Scale(partials, rule.Partials[1])));
                if (rule.Partials[0] == Formula.One && left.Active) segment.Steps[segment.Steps.Count - 1] = ((OperationStep)segment.Steps[segment.Steps.Count - 1]) with { UnitOperand = left.Code };
                return sum;
            }
            case PrimitiveCallExpr p:
            {
                var arguments = p.Arguments.Select(a => Linearize(a, segment)).ToArray();
                var rule = PrimitiveRegistry.Rule(p.Primitive);
                string y = NewTemp(segment, kind, $"{p.Target}({string.Join(", ", arguments.Select(a => a.Code))})");
                var partials = new FormulaRenderer(kind, arguments.Take(rule.Arity).Select(a => a.Code).ToArray(), y, null, _settings);
                return Record(segment, y, kind, Enumerable.Range(0, rule.Arity).Select(i => (arguments[i], Scale(partials, rule.Partials[i]))).ToArray());
            }
            case UserCallExpr call:
                return LinearizeUserCall(call, segment);
            case RuleCallExpr rule:
            {
                var arguments = LinearizeRuleArguments(rule.Arguments, segment);
                string y = NewTemp(segment, kind, $"{rule.Rule.Target}({string.Join(", ", arguments.Select(a => a.Code))})");
                var node = new Node(y, kind, Active: true);
                segment.Steps.Add(new RuleStep(rule.Rule, arguments, node));
                return node;
            }
            default:
                throw new InvalidOperationException("Reverse mode reached an unlifted " + expr.GetType().Name);
        }
    }

    /// <summary>
    /// <c>a[i]</c>: the index is a temporary (recorded in loops, for the adjoint's <c>a_bar[i] += ...</c>);
    /// the element is loaded again in the adjoint sweep when the array is never written.
    /// </summary>
    private Node LinearizeElement(ElementExpr element, Segment segment)
    {
        var index = Linearize(element.Index, segment);
        string load = $"{Name(element.Variable)}[{index.Code}]";
        if (segment.Loaded.TryGetValue(load, out var known)) return known.Node;
        string? reload = _written[element.Variable] && !_settled.Contains(element.Variable) && !FinalBeforeHere(element.Variable) ? null : load;
        var dependencies = index.Code.StartsWith("_t", StringComparison.Ordinal) ? new[] { index.Code } : Array.Empty<string>();
        bool active = _active[element.Variable];
        var node = new Node(NewTemp(segment, element.Kind, load, reload, dependencies), element.Kind, active);
        if (active) segment.Steps.Add(new LoadElementStep(element.Variable, index, node));
        segment.Loaded[load] = (node, new HashSet<int> { element.Variable });
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

    /// <summary>Whether <paramref name="expr"/> is plain arithmetic over variables the method never writes.</summary>
    private bool ReadsOnlyUnwritten(Expr expr) => expr switch
    {
        LiteralExpr or OpaqueValueExpr => true,
        VariableExpr v => Reloadable(v.Variable) && !_inductions.ContainsKey(v.Variable),
        LengthExpr => true,
        UnaryExpr u => ReadsOnlyUnwritten(u.Operand),
        BinaryExpr b => ReadsOnlyUnwritten(b.Left) && ReadsOnlyUnwritten(b.Right),
        ConvertExpr c => ReadsOnlyUnwritten(c.Operand),
        _ => false,
    };

    /// <summary>
    /// A call of another [Differentiable] method runs its generated gradient in the primal sweep and
    /// keeps the partials, so the adjoint is a few multiplications and nothing is evaluated twice.
    /// </summary>
    private Node LinearizeUserCall(UserCallExpr call, Segment segment)
    {
        var arguments = call.Arguments.Select(a => Linearize(a, segment)).ToArray();
        var outs = new List<string>();
        var contributions = new List<(Node, Func<string, string>)>();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!call.Callee.Differentiable[i]) continue;
            string partial = _names.Temp();
            AddTemp(segment, new Temp(arguments[i].Kind, partial, null, Array.Empty<string>()));
            outs.Add("out " + partial);
            contributions.Add((arguments[i], Scale(partial)));
        }
        string y = NewTemp(segment, call.Kind, $"{call.Callee.Target}Gradient({string.Join(", ", arguments.Select(a => a.Code).Concat(outs))})");
        return Record(segment, y, call.Kind, contributions.ToArray());
    }

    private static Func<string, string> Scale(FormulaRenderer renderer, Formula partial) => seed => renderer.Times(seed, partial);

    /// <summary>Scales by a partial already held in a temporary.</summary>
    private static Func<string, string> Scale(string partial) => seed => seed + " * " + partial;

    private Node Operation(Segment segment, ScalarKind kind, string value, (Node Operand, Func<string, string> Contribution) operand)
        => Record(segment, NewTemp(segment, kind, value), kind, operand);

    private static Node Record(Segment segment, string y, ScalarKind kind, params (Node Operand, Func<string, string> Contribution)[] operands)
    {
        var node = new Node(y, kind, Active: true);
        segment.Steps.Add(new OperationStep(node, operands.Where(o => o.Operand.Active).ToArray()));
        return node;
    }

    /// <summary>
    /// A new single-assignment temporary holding <paramref name="value"/>. <paramref name="reload"/> is
    /// code that recomputes it in the adjoint sweep from never-written storage (then it is not recorded).
    /// </summary>
    private string NewTemp(Segment segment, ScalarKind kind, string value, string? reload = null, string[]? dependencies = null)
    {
        string name = _names.Temp();
        var temp = new Temp(kind, name, reload, dependencies ?? Array.Empty<string>());
        if (_straight)
        {
            _primal.Line($"{kind.Keyword()} {name} = {value};");
            segment.Temps.Add(temp);
        }
        else
        {
            AddTemp(segment, temp);
            _primal.Line($"{name} = {value};");
        }
        return name;
    }

    /// <summary>Declares a temporary: inline in straight-line methods, hoisted to the top otherwise
    /// (so the adjoint sweep, outside the primal's blocks, can read it).</summary>
    private void AddTemp(Segment segment, Temp temp)
    {
        segment.Temps.Add(temp);
        if (!_straight) _hoisted.Add(temp);
        else _primal.Line($"{temp.Kind.Keyword()} {temp.Name};");
    }
}
