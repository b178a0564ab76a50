using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DiffGen.RandomPrograms.Tests.Generation;

/// <summary>
/// Random statements: scalar and array locals, assignments and compound assignments, element
/// stores, bounded loops (for, backwards for, while, do, foreach, nested), if/else, break, continue and
/// early return. Every loop runs at most the array length times, so every program terminates.
/// </summary>
public sealed class StatementWriter
{
    private const int MaxStatements = 12;
    private const int MaxBlockDepth = 3;
    private readonly FunctionContext _c;
    private readonly ExpressionWriter _e;
    private readonly StringBuilder _text = new();
    private int _statements;

    public StatementWriter(FunctionContext context, ExpressionWriter expressions)
    {
        _c = context;
        _e = expressions;
    }

    public string Text => _text.ToString();

    public void Block(Scope scope, int count, int indent)
    {
        for (int k = 0; k < count && _statements < MaxStatements; k++) Statement(scope, indent);
    }

    public void Line(int indent, string line) => _text.Append(' ', 4 * indent).Append(line).Append('\n');

    private void Statement(Scope scope, int indent)
    {
        _statements++;
        if (scope.MultiArray is { } multi && scope.BlockDepth < MaxBlockDepth && _c.Chance(0.25)) { MultiArrayStatement(scope, multi, indent); return; }
        if (_c.Allows(Construct.JaggedLocals) && !_c.Generic && !_c.InLocalFunction && !scope.InLoop && scope.BlockDepth < MaxBlockDepth
            && (scope.MultiArray is not null || scope.ArrayVariables.Count > 0) && _c.Chance(0.06)) { JaggedLocal(scope, indent); return; }
        int roll = _c.Random.Next(100);
        if (roll < (scope.IsTopLevel ? 18 : 6)) { DeclareScalar(scope, indent); return; }
        if (roll < 38 && scope.WritableScalars.Count > 0) { AssignScalar(scope, indent); return; }
        if (roll < 48 && scope.ArrayVariables.Any(a => a.Writable)) { StoreElement(scope, indent); return; }
        if (roll < 56 && scope.IsTopLevel && (_c.Allows(Construct.LocalArrays) || _c.Allows(Construct.Stackalloc))) { DeclareArray(scope, indent); return; }
        if (roll < 76 && CanLoop(scope)) { Loop(scope, indent); return; }
        if (roll < 86 && _c.Allows(Construct.Branches) && scope.BlockDepth < MaxBlockDepth && _e.Condition(scope, 1) is string condition) { IfElse(scope, condition, indent); return; }
        if (roll < 93 && scope.InLoop && !scope.InSwitch && Jump(scope, indent)) return;
        if (roll < 97 && _c.Allows(Construct.EarlyReturn) && _e.Condition(scope, 1) is string returnCondition)
        {
            _c.Use(Construct.EarlyReturn);
            Line(indent, $"if ({returnCondition}) return {Result(scope, 2)};");
            return;
        }
        if (roll < 99 && _c.Allows(Construct.Tuples)) { Tuple(scope, indent); return; }
        if (_c.Allows(Construct.SpanLocals) && !_c.Generic && _c.Chance(0.5)) { DeclareSpanLocal(scope, indent); return; }
        if (_c.Allows(Construct.Switches) && _c.Allows(Construct.Break) && scope.BlockDepth < MaxBlockDepth && !scope.InSwitch && (scope.Indices.Count > 0 || _c.HasCount) && _c.Chance(0.5)) { Switch(scope, indent); return; }
        if (_c.Allows(Construct.Effects) && !_c.Generic && scope.Scalars.Count > 0 && _c.Chance(0.5)) { Effect(scope, indent); return; }
        if (_c.Allows(Construct.LocalFunctions) && _c.LocalFunctions.Any(f => f.IsVoid) && _c.Chance(0.5)) { CallVoidLocalFunction(scope, indent); return; }
        DeclareScalar(scope, indent);
    }

    /// <summary>
    /// Local functions at the top of the body: a static one over its two parameters, one capturing
    /// the method's parameters, and a void one accumulating into a new local (which joins the scope).
    /// </summary>
    public void DeclareLocalFunctions(Scope scope, int indent)
    {
        if (!_c.Allows(Construct.LocalFunctions) || _c.Generic || _c.StructInstance || !_c.Chance(0.5)) return;
        _c.Use(Construct.LocalFunctions);
        // Bodies read only what a local function can capture: no span parameters, no calls of other functions.
        _c.InLocalFunction = true;
        var own = new Scope();
        own.Scalars.AddRange(new[] { "u", "w" });
        string name = _c.Fresh("Lf");
        Line(indent, $"double {name}(double u, double w) => {_e.Expression(own, 2)};");
        _c.LocalFunctions.Add((name, 2, false));
        if (_c.Chance(0.6))
        {
            var capturing = new Scope();
            capturing.Scalars.Add("u");
            capturing.Scalars.AddRange(scope.Scalars.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s, "^x[0-9]+$")));
            if (!_c.SpanParameters) capturing.ArrayVariables.AddRange(scope.ArrayVariables);
            string captured = _c.Fresh("Lc");
            Line(indent, $"double {captured}(double u)");
            Line(indent, "{");
            Line(indent + 1, $"double r = {_e.Expression(capturing, 2)};");
            Line(indent + 1, $"return r * {_c.Constant()} + u;");
            Line(indent, "}");
            _c.LocalFunctions.Add((captured, 1, false));
        }
        _c.InLocalFunction = false;
        if (_c.Chance(0.6))
        {
            string total = _c.Fresh("acc"), adder = _c.Fresh("Add");
            Line(indent, $"double {total} = 0;");
            if (_c.Allows(Construct.DifferentiableConditions))
            {
                Line(indent, $"void {adder}(double u) {{ {total} += u * u; if (u > {_c.Threshold()}) {total} += Math.Sin(u); }}");
                _c.Use(Construct.DifferentiableConditions, smooth: false);
            }
            else
            {
                Line(indent, $"void {adder}(double u) => {total} += Math.Sin(u) * u;");
            }
            scope.Scalars.Add(total);
            _c.LocalFunctions.Add((adder, 1, true));
        }
    }

    /// <summary>A switch statement on an index or n: two or three sections (one with stacked labels), maybe a default.</summary>
    private void Switch(Scope scope, int indent)
    {
        _c.Use(Construct.Switches);
        string on = scope.Indices.Count > 0 && (!_c.HasCount || _c.Chance(0.7)) ? $"{_c.Pick(scope.Indices)} % 3" : "n";
        Line(indent, $"switch ({on})");
        Line(indent, "{");
        var labels = _c.Chance(0.5) ? new[] { "case 0:", "case 1:\n case 2:" } : new[] { "case 1:", "case 0:" };
        foreach (string label in labels.Concat(_c.Chance(0.6) ? new[] { "default:" } : System.Array.Empty<string>()))
        {
            foreach (string part in label.Split("\n")) Line(indent + 1, part.Trim());
            Block(scope.Section(), _c.Random.Next(1, 3), indent + 2);
            Line(indent + 2, "break;");
        }
        Line(indent, "}");
    }

    /// <summary>An assertion or a guard clause that never fires on the checked points (run in the primal only).</summary>
    private void Effect(Scope scope, int indent)
    {
        _c.Use(Construct.Effects);
        string v = _c.Pick(scope.Scalars);
        Line(indent, _c.Chance(0.5)
            ? $"System.Diagnostics.Debug.Assert({v} < 1e308, $\"{v} = {{{v}}}\");"
            : $"if ({v} > 1e300) throw new ArgumentOutOfRangeException(nameof({v}), $\"too large: {{{v}}}\");");
    }

    private void CallVoidLocalFunction(Scope scope, int indent)
    {
        var adder = _c.Pick(_c.LocalFunctions.Where(f => f.IsVoid).ToList());
        Line(indent, $"{adder.Name}({_e.Expression(scope, 2)});");
    }

    /// <summary>
    /// A span local: a part of a fresh local buffer twice the usual length, at an offset in [0, length]
    /// (a constant or an index variable), written and read like a local array; or all of an array in
    /// scope, read-only.
    /// </summary>
    private void DeclareSpanLocal(Scope scope, int indent)
    {
        _c.Use(Construct.SpanLocals);
        string name = _c.Fresh("s");
        var readable = scope.ArrayVariables.Where(a => !a.IsView).ToList();
        if (readable.Count > 0 && _c.Chance(0.4))
        {
            var source = _c.Pick(readable);
            Line(indent, $"ReadOnlySpan<double> {name} = {source.Name};");
            scope.ArrayVariables.Add(new ArrayVariable(name, Writable: false, IsView: true));
            return;
        }
        if (!scope.IsTopLevel) return;
        string buffer = _c.Fresh("buf");
        int length = _c.ArrayLength;
        Line(indent, $"double[] {buffer} = new double[{2 * length}];");
        string i = _c.Fresh("i");
        var fill = scope.Child(loop: true); // i runs past the usual length: not an index for other arrays
        Line(indent, $"for (int {i} = 0; {i} < {buffer}.Length; {i}++) {buffer}[{i}] = {_e.Expression(fill, 2)} * ({i} % 3 + 1);");
        string offset = scope.Indices.Count > 0 && _c.Chance(0.5) ? _c.Pick(scope.Indices) : _c.Random.Next(length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Line(indent, _c.Chance(0.5) ? $"Span<double> {name} = {buffer}.AsSpan({offset}, {length});" : $"var {name} = {buffer}.AsSpan({offset}).Slice(0, {length});");
        scope.ArrayVariables.Add(new ArrayVariable(name, Writable: true, IsView: true)); // the buffer itself is longer than indices reach: only the span
    }

    /// <summary>
    /// A returned value: a random expression plus a small multiple of every scalar and local array
    /// element in scope, so that everything the function computed reaches its result.
    /// </summary>
    public string Result(Scope scope, int depth)
    {
        var terms = new List<string> { _e.Expression(scope, depth) };
        foreach (string scalar in scope.Scalars) terms.Add($"{_c.Constant()} * {scalar}");
        if (_c.InstanceHelper is string helper) terms.Add($"{_c.Constant()} * {_e.HelperCall(helper, scope, 1)}");
        foreach (var array in scope.ArrayVariables.Where(a => a.Writable))
            for (int i = 0; i < _c.ArrayLength; i++) terms.Add($"{_c.Constant()} * {array.Name}[{i}]");
        return string.Join(" + ", terms);
    }

    private void DeclareScalar(Scope scope, int indent)
    {
        string name = _c.Fresh("v");
        Line(indent, $"double {name} = {_e.Expression(scope, 2 + _c.Random.Next(2))};");
        scope.Scalars.Add(name);
        scope.WritableScalars.Add(name);
    }

    private void AssignScalar(Scope scope, int indent)
    {
        string target = _c.Pick(scope.WritableScalars);
        if (System.Text.RegularExpressions.Regex.IsMatch(target, "^x[0-9]+$")) _c.Use(Construct.ParameterWrites);
        string e = _e.Expression(scope, 2);
        int roll = _c.Random.Next(10);
        if (roll < 5 && _c.Allows(Construct.CompoundAssignment))
        {
            _c.Use(Construct.CompoundAssignment);
            Line(indent, roll switch
            {
                0 or 1 => $"{target} += {e};",
                2 => $"{target} -= {e};",
                3 => $"{target} *= Math.Cos({e});",
                _ => $"{target} /= 2.0 + Math.Sin({e});",
            });
        }
        else if (roll == 5 && _c.Allows(Construct.IncrementDecrement))
        {
            _c.Use(Construct.IncrementDecrement);
            Line(indent, _c.Chance(0.5) ? $"{target}++;" : $"{target}--;");
        }
        else if (roll < 8)
        {
            Line(indent, $"{target} = Math.Tanh({target} + {e});");
        }
        else
        {
            Line(indent, $"{target} = {e};");
        }
    }

    /// <summary>
    /// A tuple assignment to two existing scalars (a swap, or values reading both targets, so that
    /// every value must be staged before either is written), a deconstruction into two new locals, or
    /// a tuple local with named elements read through its names and Item2.
    /// </summary>
    private void Tuple(Scope scope, int indent)
    {
        _c.Use(Construct.Tuples);
        var writable = scope.WritableScalars.Distinct().ToList();
        int form = _c.Random.Next(3);
        if (form == 0 && writable.Count >= 2)
        {
            string a = _c.Pick(writable);
            writable.Remove(a);
            string b = _c.Pick(writable);
            foreach (string target in new[] { a, b })
                if (System.Text.RegularExpressions.Regex.IsMatch(target, "^x[0-9]+$")) _c.Use(Construct.ParameterWrites);
            string values = _c.Chance(0.5) ? $"({b}, {a})" : $"({_e.Expression(scope, 2)} + {b}, {a} * {_c.Constant()})";
            Line(indent, $"({a}, {b}) = {values};");
            return;
        }
        string first = _e.Expression(scope, 2), second = _e.Expression(scope, 2);
        if (form == 1)
        {
            string t = _c.Fresh("t");
            Line(indent, $"(double First, double Second) {t} = ({first}, {second});");
            scope.Scalars.Add(t + ".First");
            scope.Scalars.Add(t + ".Item2");
            return;
        }
        string p = _c.Fresh("v"), q = _c.Fresh("v");
        Line(indent, $"var ({p}, {q}) = ({first}, {second});");
        scope.Scalars.AddRange(new[] { p, q });
        scope.WritableScalars.AddRange(new[] { p, q });
    }

    private void StoreElement(Scope scope, int indent)
    {
        var array = _c.Pick(scope.ArrayVariables.Where(a => a.Writable).ToList());
        string target = $"{array.Name}[{_e.Index(scope)}]";
        string e = _e.Expression(scope, 2);
        if (_c.Allows(Construct.CompoundAssignment) && _c.Chance(0.4))
        {
            _c.Use(Construct.CompoundAssignment);
            Line(indent, _c.Chance(0.7) ? $"{target} += {e};" : $"{target} *= 0.5 + 0.25 * Math.Sin({e});");
        }
        else
        {
            Line(indent, $"{target} = {e};");
        }
    }

    private void DeclareArray(Scope scope, int indent)
    {
        string name = _c.Fresh("b");
        bool stack = _c.Allows(Construct.Stackalloc) && (!_c.Allows(Construct.LocalArrays) || _c.Chance(0.35));
        _c.Use(stack ? Construct.Stackalloc : Construct.LocalArrays);
        Line(indent, stack ? $"Span<double> {name} = stackalloc double[{_c.ArrayLength}];" : $"double[] {name} = new double[{_c.ArrayLength}];");
        scope.ArrayVariables.Add(new ArrayVariable(name, Writable: true));
        if (!_c.Allows(Construct.ForLoops)) return;
        _c.Use(Construct.ForLoops);
        string i = _c.Fresh("i");
        var body = scope.Child(loop: true);
        body.Indices.Add(i);
        Line(indent, $"for (int {i} = 0; {i} < {name}.Length; {i}++) {name}[{i}] = {_e.Expression(body, 2)};");
    }

    private bool CanLoop(Scope scope)
    {
        if (scope.BlockDepth >= MaxBlockDepth) return false;
        if (scope.LoopDepth >= (_c.Allows(Construct.NestedLoops) ? 2 : 1)) return false;
        return _c.Allows(Construct.ForLoops) || _c.Allows(Construct.WhileLoops) || _c.Allows(Construct.DoLoops)
            || (_c.Allows(Construct.Foreach) && scope.ArrayVariables.Any(a => !a.IsView));
    }

    private string Bound(Scope scope)
    {
        var bounds = new List<string> { _c.ArrayLength.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        bounds.AddRange(scope.ArrayVariables.Select(a => a.Name + ".Length"));
        if (_c.HasCount) { bounds.Add("n"); bounds.Add("n"); }
        return _c.Pick(bounds);
    }

    private void Loop(Scope scope, int indent)
    {
        if (scope.InLoop) _c.Use(Construct.NestedLoops);
        var kinds = new List<Construct>();
        foreach (var kind in new[] { Construct.ForLoops, Construct.ForLoops, Construct.WhileLoops, Construct.DoLoops, Construct.Foreach })
            if (_c.Allows(kind) && (kind != Construct.Foreach || scope.ArrayVariables.Any(a => !a.IsView))) kinds.Add(kind);
        var chosen = _c.Pick(kinds);
        _c.Use(chosen);
        var body = scope.Child(loop: true);
        string bound = Bound(scope);
        int count = _c.Random.Next(1, 4);
        switch (chosen)
        {
            case Construct.ForLoops:
            {
                string i = _c.Fresh("i");
                body.Indices.Add(i);
                Line(indent, _c.Chance(0.7) ? $"for (int {i} = 0; {i} < {bound}; {i}++)" : $"for (int {i} = {bound} - 1; {i} >= 0; {i}--)");
                Line(indent, "{");
                Block(body, count, indent + 1);
                break;
            }
            case Construct.Foreach:
            {
                string e = _c.Fresh("e");
                body.Scalars.Add(e);
                Line(indent, $"foreach (double {e} in {_c.Pick(scope.ArrayVariables.Where(a => !a.IsView).ToList()).Name})");
                Line(indent, "{");
                Block(body, count, indent + 1);
                break;
            }
            default:
            {
                string k = _c.Fresh("k"), i = _c.Fresh("i");
                body.Indices.Add(i);
                Line(indent, $"int {k} = 0;");
                Line(indent, chosen == Construct.WhileLoops ? $"while ({k} < {bound})" : "do");
                Line(indent, "{");
                Line(indent + 1, $"int {i} = {k};");
                Line(indent + 1, $"{k}++;");
                Block(body, count, indent + 1);
                Line(indent, chosen == Construct.WhileLoops ? "}" : $"}} while ({k} < {bound});");
                return;
            }
        }
        Line(indent, "}");
    }

    private void IfElse(Scope scope, string condition, int indent)
    {
        _c.Use(Construct.Branches);
        Line(indent, $"if ({condition})");
        Line(indent, "{");
        Block(scope.Child(loop: false), _c.Random.Next(1, 3), indent + 1);
        Line(indent, "}");
        if (_c.Chance(0.5))
        {
            Line(indent, "else");
            Line(indent, "{");
            Block(scope.Child(loop: false), _c.Random.Next(1, 3), indent + 1);
            Line(indent, "}");
        }
    }

    private bool Jump(Scope scope, int indent)
    {
        bool breaks = _c.Allows(Construct.Break) && (!_c.Allows(Construct.Continue) || _c.Chance(0.5));
        if (!breaks && !_c.Allows(Construct.Continue)) return false;
        if (_e.Condition(scope, 1) is not string condition) return false;
        _c.Use(breaks ? Construct.Break : Construct.Continue);
        Line(indent, $"if ({condition}) {(breaks ? "break" : "continue")};");
        return true;
    }

    /// <summary>
    /// A sum over the function's 2-D or jagged parameter into a new local (which joins the scope): loops
    /// bounded by <c>GetLength</c> or <c>Length</c>, <c>foreach</c> over elements or rows, a row local, a
    /// 2-D local buffer filled and read back (at the top level), or a row loop with <c>break</c>.
    /// </summary>
    private void MultiArrayStatement(Scope scope, MultiArrayShape multi, int indent)
    {
        string a = multi.Name, s = _c.Fresh("s"), i = _c.Fresh("i"), j = _c.Fresh("j");
        var inner = scope.Child(loop: true).Child(loop: true);
        inner.Indices.Add(j);
        Line(indent, $"double {s} = 0;");
        int form = _c.Random.Next(multi.Jagged ? 4 : 3);
        if (!multi.Jagged && form == 0)
        {
            Line(indent, $"for (int {i} = 0; {i} < {a}.GetLength(0); {i}++)");
            Line(indent + 1, $"for (int {j} = 0; {j} < {a}.GetLength(1); {j}++)");
            Line(indent + 2, $"{s} += {a}[{i}, {j}] * ({_e.Expression(inner, 2)});");
        }
        else if (!multi.Jagged && form == 1 && scope.IsTopLevel)
        {
            string t = _c.Fresh("t");
            Line(indent, $"var {t} = new double[{a}.GetLength(0), {a}.GetLength(1)];");
            Line(indent, $"for (int {i} = 0; {i} < {a}.GetLength(0); {i}++)");
            Line(indent + 1, $"for (int {j} = 0; {j} < {a}.GetLength(1); {j}++)");
            Line(indent + 2, $"{t}[{i}, {j}] = Math.Sin({a}[{i}, {j}]) * ({_e.Expression(inner, 2)});");
            Line(indent, $"for (int {j} = {a}.GetLength(1) - 1; {j} >= 0; {j}--) {s} += {t}[0, {j}] * {t}[1, {j}] + {t}[1, {j}];");
        }
        else if (!multi.Jagged)
        {
            string v = _c.Fresh("v");
            var element = scope.Child(loop: true);
            element.Scalars.Add(v);
            Line(indent, $"foreach (double {v} in {a}) {s} += {v} * ({_e.Expression(element, 2)});");
        }
        else if (form == 0)
        {
            Line(indent, $"for (int {i} = 0; {i} < {a}.Length; {i}++)");
            Line(indent + 1, $"for (int {j} = 0; {j} < {a}[{i}].Length; {j}++)");
            Line(indent + 2, $"{s} += {a}[{i}][{j}] * ({_e.Expression(inner, 2)});");
        }
        else if (form == 1)
        {
            string row = _c.Fresh("row"), v = _c.Fresh("v"), q = _c.Fresh("q");
            Line(indent, $"foreach (var {row} in {a})");
            Line(indent, "{");
            Line(indent + 1, $"double {q} = 0;");
            Line(indent + 1, $"foreach (double {v} in {row}) {q} += {v} * {v};");
            Line(indent + 1, $"{s} += Math.Sin({q}) * ({_e.Expression(scope.Child(loop: true), 2)});");
            Line(indent, "}");
        }
        else if (form == 2 || !_c.Allows(Construct.Break) || !_c.Allows(Construct.DifferentiableConditions))
        {
            string row = _c.Fresh("row");
            Line(indent, $"var {row} = {a}[{_c.Random.Next(multi.Rows)}];");
            Line(indent, $"{s} += {row}[0] * ({_e.Expression(scope, 2)}) + {row}.Length;");
        }
        else
        {
            _c.Use(Construct.Break);
            _c.Use(Construct.DifferentiableConditions, smooth: false);
            Line(indent, $"for (int {i} = 0; {i} < {a}.Length; {i}++)");
            Line(indent, "{");
            Line(indent + 1, $"for (int {j} = 0; {j} < {a}[{i}].Length; {j}++)");
            Line(indent + 1, "{");
            Line(indent + 2, $"{s} += {a}[{i}][{j}] * {a}[{i}][{j}];");
            Line(indent + 2, $"if ({s} > {_c.Threshold()}) break;");
            Line(indent + 1, "}");
            Line(indent, "}");
        }
        scope.Scalars.Add(s);
        scope.WritableScalars.Add(s);
    }

    /// <summary>
    /// A jagged local <c>var t = new double[rows][];</c> whose rows one loop allocates (lengths of the
    /// array length, of the rows of the function's 2-D or jagged parameter, or <c>i + 1</c>) and fills from
    /// an array in scope or the 2-D/jagged parameter, then read into a new local: nested loops, nested
    /// <c>foreach</c>, a row local, or a compound write read back. Outside loops: a jagged local of
    /// differentiable values inside one is refused (DG0001).
    /// </summary>
    private void JaggedLocal(Scope scope, int indent)
    {
        _c.Use(Construct.JaggedLocals);
        string t = _c.Fresh("t"), s = _c.Fresh("s"), i = _c.Fresh("i"), j = _c.Fresh("j");
        var multi = scope.MultiArray is { } m && (scope.ArrayVariables.Count == 0 || _c.Chance(0.5)) ? m : null;
        var source = multi is null ? _c.Pick(scope.ArrayVariables) : null;
        // Rows: those of the 2-D or jagged parameter, or 2 or 3 (then a row i + 1 long is within the array length, at least 2, only for 2).
        string rows = multi is null ? (_c.Chance(0.5) ? "2" : "3") : multi.Jagged ? $"{multi.Name}.Length" : $"{multi.Name}.GetLength(0)";
        bool triangular = (multi is null && rows == "2" || multi is { Jagged: false }) && _c.Chance(0.3);
        string length = triangular ? $"{i} + 1"
            : multi is null ? (source!.IsView || _c.Chance(0.5) ? _c.ArrayLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{source.Name}.Length")
            : multi.Jagged ? $"{multi.Name}[{i}].Length" : $"{multi.Name}.GetLength(1)";
        string element = multi is null ? $"{source!.Name}[{j}]" : multi.Jagged ? $"{multi.Name}[{i}][{j}]" : $"{multi.Name}[{i}, {j}]";
        var fill = scope.Child(loop: true).Child(loop: true);
        fill.Indices.Add(j); // every row is at most the array length long
        Line(indent, $"var {t} = new double[{rows}][];");
        Line(indent, $"for (int {i} = 0; {i} < {(_c.Chance(0.5) ? t + ".Length" : rows)}; {i}++)");
        Line(indent, "{");
        Line(indent + 1, $"{t}[{i}] = new double[{length}];");
        Line(indent + 1, $"for (int {j} = 0; {j} < {t}[{i}].Length; {j}++) {t}[{i}][{j}] = Math.Sin({element}) * ({_e.Expression(fill, 2)}) + {j};");
        Line(indent, "}");
        Line(indent, $"double {s} = 0;");
        switch (_c.Random.Next(4))
        {
            case 0:
                Line(indent, $"for (int {i} = {t}.Length - 1; {i} >= 0; {i}--)");
                Line(indent + 1, $"for (int {j} = 0; {j} < {t}[{i}].Length; {j}++) {s} += {t}[{i}][{j}] * {t}[{i}][{j}];");
                break;
            case 1:
            {
                string row = _c.Fresh("row"), v = _c.Fresh("v");
                var element2 = scope.Child(loop: true).Child(loop: true);
                element2.Scalars.Add(v);
                Line(indent, $"foreach (var {row} in {t})");
                Line(indent + 1, $"foreach (double {v} in {row}) {s} += {v} * ({_e.Expression(element2, 2)});");
                break;
            }
            case 2:
            {
                string row = _c.Fresh("row");
                Line(indent, $"var {row} = {t}[{t}.Length - 1];");
                Line(indent, $"{s} += {row}[0] * {row}[{row}.Length - 1] + {row}.Length;");
                break;
            }
            default:
                Line(indent, $"{t}[0][0] += {_e.Expression(scope, 2)};");
                Line(indent, $"for (int {i} = 1; {i} < {t}.Length; {i}++) {t}[{i}][0] *= {t}[{i} - 1][0];");
                Line(indent, $"{s} += {t}[{t}.Length - 1][0];");
                break;
        }
        scope.Scalars.Add(s);
        scope.WritableScalars.Add(s);
    }
}
