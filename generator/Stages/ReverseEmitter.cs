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

/// <summary>
/// Reverse mode: emits <c>{M}Gradient</c>. The primal sweep runs the method as written, splitting it
/// into straight-line segments at every branch, loop and jump. Within a segment every operation gets
/// a single-assignment temporary, so its adjoint can read the operands it needs. A segment that can
/// run more than once (inside a loop) pushes exactly the temporaries its adjoint reads onto a value
/// tape, and every segment with adjoint work pushes its id onto a control tape. The adjoint sweep
/// pops segment ids and runs each segment's adjoint, so loops, breaks, continues and early returns are
/// replayed backwards exactly, with cost linear in the primal's. Straight-line methods need no tape.
/// </summary>
internal sealed class ReverseEmitter
{
    private readonly MethodIr _ir;
    private readonly NonsmoothSettings _settings;
    private readonly NameScope _names;
    private readonly bool[] _active;
    private readonly string?[] _adjoint;
    private readonly bool _straight;
    private readonly IndentedWriter _primal = new();
    private readonly List<Segment> _segments = new();
    private readonly List<(ScalarKind Kind, string Name)> _hoisted = new();
    private readonly Dictionary<int, string> _continueLabels = new();
    private readonly string _result;
    private readonly string _controlTape;
    private readonly string _doubleTape;
    private readonly string _floatTape;
    private readonly string _reverseLabel;
    private bool _jumpsToReverse;
    private Segment? _open;

    private ReverseEmitter(MethodIr ir, NonsmoothSettings settings)
    {
        _ir = ir;
        _settings = settings;
        _names = new NameScope(ir.Variables.Select(v => v.Name));
        _active = ir.Variables.Select(v => v.IsActive).ToArray();
        _adjoint = new string?[ir.Variables.Count];
        _straight = !ControlFlow.HasControlFlow(ir.Body);
        _result = _names.Fresh("result");
        _controlTape = _names.Fresh("segments");
        _doubleTape = _names.Fresh("tape");
        _floatTape = _names.Fresh("tapeF");
        _reverseLabel = _names.Fresh("reverse");
    }

    /// <summary>Writes the whole <c>{M}Gradient</c> method.</summary>
    public static void Emit(MethodIr ir, NonsmoothSettings settings, IndentedWriter writer)
        => new ReverseEmitter(ir, settings).EmitMethod(writer);

    private void EmitMethod(IndentedWriter w)
    {
        var parameters = new List<string>();
        var shadows = new List<(string Shadow, int Variable)>();
        for (int i = 0; i < _ir.ParameterCount; i++) parameters.Add(_ir.Variables[i].Kind.Keyword() + " " + _ir.Variables[i].Name);
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            if (!_ir.Variables[i].IsDifferentiableParameter) continue;
            string shadow = _names.Fresh("d" + _ir.Variables[i].Name);
            shadows.Add((shadow, i));
            parameters.Add("out " + _ir.Variables[i].Kind.Keyword() + " " + shadow);
        }
        for (int i = 0; i < _ir.Variables.Count; i++)
            if (_active[i]) _adjoint[i] = _names.Fresh(_ir.Variables[i].Name + "_bar");

        // The primal sweep is built first: it decides which tapes exist.
        EmitStatements(_ir.Body, inLoop: false, isTopLevel: true);
        CloseSegment();

        string type = _ir.ReturnKind.Keyword();
        SourceEmitter.WriteDocs(w, $"Reverse mode: returns the value of <see cref=\"{_ir.Name}\"/> and writes its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter.");
        using (w.Block($"{_ir.Accessibility} static {type} {_ir.Name}Gradient({string.Join(", ", parameters)})"))
        {
            for (int i = _ir.ParameterCount; i < _ir.Variables.Count; i++)
                w.Line($"{_ir.Variables[i].Kind.Keyword()} {_ir.Variables[i].Name} = default;");
            for (int i = 0; i < _ir.Variables.Count; i++)
                if (_adjoint[i] is string adjoint) w.Line($"{_ir.Variables[i].Kind.Keyword()} {adjoint} = {_ir.Variables[i].Kind.Literal(0)};");
            w.Line($"{type} {_result} = {_ir.ReturnKind.Literal(0)};");
            foreach (var (kind, name) in _hoisted) w.Line($"{kind.Keyword()} {name} = default;");
            bool usesDouble = _segments.Any(s => s.Pushed.Any(p => p.Kind == ScalarKind.Double));
            bool usesFloat = _segments.Any(s => s.Pushed.Any(p => p.Kind == ScalarKind.Float));
            if (!_straight)
            {
                int capacity = ControlFlow.HasLoop(_ir.Body) ? 64 : Math.Max(1, _segments.Count);
                w.Line($"var {_controlTape} = new global::DiffGen.ValueTape<int>(stackalloc int[{capacity}]);");
            }
            if (usesDouble) w.Line($"var {_doubleTape} = new global::DiffGen.ValueTape<double>(stackalloc double[64]);");
            if (usesFloat) w.Line($"var {_floatTape} = new global::DiffGen.ValueTape<float>(stackalloc float[64]);");

            w.Line("// Primal sweep.");
            w.Lines(_primal.ToString());
            if (_jumpsToReverse) w.Label(_reverseLabel);
            w.Line("// Adjoint sweep.");
            if (_straight)
            {
                foreach (var segment in _segments) w.Lines(segment.Adjoint);
            }
            else
            {
                using (w.Block($"while ({_controlTape}.Count > 0)"))
                using (w.Block($"switch ({_controlTape}.Pop())"))
                {
                    foreach (var segment in _segments)
                    {
                        w.Line($"case {segment.Id.ToString(CultureInfo.InvariantCulture)}:");
                        using (w.Block())
                        {
                            for (int i = segment.Pushed.Count - 1; i >= 0; i--)
                                w.Line($"{segment.Pushed[i].Name} = {TapeOf(segment.Pushed[i].Kind)}.Pop();");
                            w.Lines(segment.Adjoint);
                            w.Line("break;");
                        }
                    }
                }
            }
            foreach (var (shadow, variable) in shadows) w.Line($"{shadow} = {_adjoint[variable]};");
            if (!_straight) w.Line($"{_controlTape}.Dispose();");
            if (usesDouble) w.Line($"{_doubleTape}.Dispose();");
            if (usesFloat) w.Line($"{_floatTape}.Dispose();");
            w.Line($"return {_result};");
        }
    }

    private string TapeOf(ScalarKind kind) => kind == ScalarKind.Float ? _floatTape : _doubleTape;

    // ---------------------------------------------------------------- primal sweep

    private void EmitStatements(EquatableArray<Stmt> statements, bool inLoop, bool isTopLevel = false)
    {
        for (int i = 0; i < statements.Count; i++)
            EmitStatement(statements[i], inLoop, isLast: isTopLevel && i == statements.Count - 1);
    }

    private void EmitStatement(Stmt statement, bool inLoop, bool isLast)
    {
        switch (statement)
        {
            case AssignStmt assign:
                EmitAssign(assign, inLoop);
                break;
            case ReturnStmt ret:
                EmitReturn(ret, inLoop, isLast);
                break;
            case IfStmt conditional:
                CloseSegment();
                using (_primal.Block($"if ({PrimalRenderer.RenderTop(conditional.Condition, Name)})"))
                {
                    EmitStatements(conditional.Then, inLoop);
                    CloseSegment();
                }
                if (conditional.Else.Count > 0)
                {
                    using (_primal.Block("else"))
                    {
                        EmitStatements(conditional.Else, inLoop);
                        CloseSegment();
                    }
                }
                break;
            case LoopStmt loop:
                CloseSegment();
                EmitLoop(loop);
                break;
            case BreakStmt:
                CloseSegment();
                _primal.Line("break;");
                break;
            case ContinueStmt c:
                CloseSegment();
                _primal.Line(_continueLabels.TryGetValue(c.LoopId, out var label) ? $"goto {label};" : "continue;");
                break;
        }
    }

    private void EmitLoop(LoopStmt loop)
    {
        if (ControlFlow.ContinueNeedsLabel(loop))
            _continueLabels[loop.LoopId] = _names.Fresh("continue_" + loop.LoopId.ToString(CultureInfo.InvariantCulture));
        bool testAtTop = loop.Condition is not null && !loop.ConditionAtEnd;
        using (_primal.Block(testAtTop ? $"while ({PrimalRenderer.RenderTop(loop.Condition!, Name)})" : "while (true)"))
        {
            EmitStatements(loop.Body, inLoop: true);
            CloseSegment();
            if (_continueLabels.TryGetValue(loop.LoopId, out var label)) _primal.Label(label);
            EmitStatements(loop.Increment, inLoop: true);
            CloseSegment();
            if (loop.ConditionAtEnd && loop.Condition is not null)
                _primal.Line($"if (!{PrimalRenderer.Render(loop.Condition, Name)}) break;");
        }
    }

    private void EmitAssign(AssignStmt assign, bool inLoop)
    {
        var variable = _ir.Variables[assign.Variable];
        if (!Activity.IsActive(assign.Value, _active))
        {
            // A passive value: plain code. Overwriting an active variable cuts its adjoint.
            _primal.Line($"{variable.Name} = {PrimalRenderer.RenderTop(assign.Value, Name)};");
            if (variable.IsActive) OpenSegment(inLoop).Steps.Add(new AssignStep(assign.Variable, null));
            return;
        }
        var segment = OpenSegment(inLoop);
        var node = Linearize(assign.Value, segment);
        _primal.Line($"{variable.Name} = {node.Code};");
        segment.Steps.Add(new AssignStep(assign.Variable, node));
    }

    private void EmitReturn(ReturnStmt ret, bool inLoop, bool isLast)
    {
        if (Activity.IsActive(ret.Value, _active))
        {
            var segment = OpenSegment(inLoop);
            var node = Linearize(ret.Value, segment);
            _primal.Line($"{_result} = {node.Code};");
            segment.Steps.Add(new SeedStep(node));
        }
        else
        {
            _primal.Line($"{_result} = {PrimalRenderer.RenderTop(ret.Value, Name)};");
        }
        CloseSegment();
        if (!isLast)
        {
            _primal.Line($"goto {_reverseLabel};");
            _jumpsToReverse = true;
        }
    }

    private Segment OpenSegment(bool inLoop)
    {
        if (_open is null)
        {
            _open = new Segment(_segments.Count, inLoop);
            _segments.Add(_open);
        }
        return _open;
    }

    /// <summary>Ends the open segment: builds its adjoint, records what it needs, and pushes its id.</summary>
    private void CloseSegment()
    {
        var segment = _open;
        if (segment is null) return;
        _open = null;
        segment.Adjoint = BuildAdjoint(segment);
        if (segment.InLoop)
        {
            foreach (var temp in segment.Temps)
            {
                if (!temp.Kind.IsFloating() || !References(segment.Adjoint, temp.Name)) continue;
                segment.Pushed.Add(temp);
                _primal.Line($"{TapeOf(temp.Kind)}.Push({temp.Name});");
            }
        }
        if (!_straight) _primal.Line($"{_controlTape}.Push({segment.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    private static bool References(string code, string identifier)
        => Regex.IsMatch(code, @"(?<![\w])" + Regex.Escape(identifier) + @"(?![\w])");

    // ---------------------------------------------------------------- linearization

    private string Name(int variable) => _ir.Variables[variable].Name;

    /// <summary>
    /// Emits the primal of <paramref name="expr"/> as single-assignment temporaries of
    /// <paramref name="segment"/> and records the adjoint step of each operation.
    /// </summary>
    private Node Linearize(Expr expr, Segment segment)
    {
        var kind = expr.Kind;
        if (!Activity.IsActive(expr, _active))
        {
            if (expr is LiteralExpr or OpaqueValueExpr) return new Node(PrimalRenderer.Render(expr, Name), kind, Active: false);
            return new Node(NewTemp(segment, kind, PrimalRenderer.RenderTop(expr, Name)), kind, Active: false);
        }
        switch (expr)
        {
            case VariableExpr v:
            {
                var node = new Node(NewTemp(segment, kind, Name(v.Variable)), kind, Active: true);
                segment.Steps.Add(new LoadStep(v.Variable, node));
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
                string y = NewTemp(segment, kind, $"{left.Code} {PrimalRenderer.BinaryToken(b.Op)} {right.Code}");
                var (pl, pr) = DerivativeRules.BinaryPartials(b.Op, kind, left.Code, right.Code, y);
                return Record(segment, y, kind, (left, Scale(pl)), (right, Scale(pr)));
            }
            case PrimitiveCallExpr p:
            {
                var arguments = p.Arguments.Select(a => Linearize(a, segment)).ToArray();
                int arity = PrimitiveTable.DifferentiableArity(p.Primitive);
                string y = NewTemp(segment, kind, $"{p.Target}({string.Join(", ", arguments.Select(a => a.Code))})");
                var partials = DerivativeRules.Partials(p.Primitive, kind, arguments.Take(arity).Select(a => a.Code).ToArray(), y, _settings);
                return Record(segment, y, kind, Enumerable.Range(0, arity).Select(i => (arguments[i], Scale(partials[i]))).ToArray());
            }
            case UserCallExpr call:
                return LinearizeUserCall(call, segment);
            default:
                throw new InvalidOperationException("Reverse mode reached an unlifted " + expr.GetType().Name);
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
        var contributions = new List<(Node, Func<string, string>)>();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (!call.Callee.Differentiable[i]) continue;
            string partial = _names.Temp();
            AddTemp(segment, arguments[i].Kind, partial);
            outs.Add("out " + partial);
            contributions.Add((arguments[i], Scale(partial)));
        }
        string y = NewTemp(segment, call.Kind, $"{call.Callee.Target}Gradient({string.Join(", ", arguments.Select(a => a.Code).Concat(outs))})");
        return Record(segment, y, call.Kind, contributions.ToArray());
    }

    private static Func<string, string> Scale(string partial) => seed => DerivativeRules.Times(seed, partial);

    private Node Operation(Segment segment, ScalarKind kind, string value, (Node Operand, Func<string, string> Contribution) operand)
        => Record(segment, NewTemp(segment, kind, value), kind, operand);

    private static Node Record(Segment segment, string y, ScalarKind kind, params (Node Operand, Func<string, string> Contribution)[] operands)
    {
        var node = new Node(y, kind, Active: true);
        segment.Steps.Add(new OperationStep(node, operands.Where(o => o.Operand.Active).ToArray()));
        return node;
    }

    private string NewTemp(Segment segment, ScalarKind kind, string value)
    {
        string name = _names.Temp();
        if (_straight)
        {
            _primal.Line($"{kind.Keyword()} {name} = {value};");
            segment.Temps.Add((kind, name));
        }
        else
        {
            AddTemp(segment, kind, name);
            _primal.Line($"{name} = {value};");
        }
        return name;
    }

    /// <summary>Declares a temporary: inline in straight-line methods, hoisted to the top otherwise
    /// (so the adjoint sweep, outside the primal's blocks, can read it).</summary>
    private void AddTemp(Segment segment, ScalarKind kind, string name)
    {
        segment.Temps.Add((kind, name));
        if (!_straight) _hoisted.Add((kind, name));
        else _primal.Line($"{kind.Keyword()} {name};");
    }

    // ---------------------------------------------------------------- adjoint sweep

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

        for (int i = segment.Steps.Count - 1; i >= 0; i--)
        {
            switch (segment.Steps[i])
            {
                case OperationStep op:
                    if (!adjoints.TryGetValue(op.Result.Code, out var seed)) break;
                    foreach (var (operand, contribution) in op.Operands) AddTo(operand, contribution(seed));
                    break;
                case LoadStep load:
                    if (adjoints.TryGetValue(load.Temp.Code, out var loaded)) w.Line($"{_adjoint[load.Variable]} += {loaded};");
                    break;
                case AssignStep assign:
                    if (assign.Value is { } value) AddTo(value, _adjoint[assign.Variable]!);
                    w.Line($"{_adjoint[assign.Variable]} = {_ir.Variables[assign.Variable].Kind.Literal(0)};");
                    break;
                case SeedStep seedStep:
                    AddTo(seedStep.Value, seedStep.Value.Kind.Literal(1));
                    break;
            }
        }
        return w.ToString();
    }

    // ---------------------------------------------------------------- model of a segment

    /// <summary>A value in a segment: a temporary's name or an inline constant.</summary>
    private sealed record Node(string Code, ScalarKind Kind, bool Active);

    private abstract record Step;

    /// <summary>y = op(operands): adds seed × partial to each active operand's adjoint.</summary>
    private sealed record OperationStep(Node Result, (Node Operand, Func<string, string> Contribution)[] Operands) : Step;

    /// <summary>temp = variable: the temp's adjoint flows into the variable's.</summary>
    private sealed record LoadStep(int Variable, Node Temp) : Step;

    /// <summary>variable = value (null: a passive value): the variable's adjoint moves to the value and is reset.</summary>
    private sealed record AssignStep(int Variable, Node? Value) : Step;

    /// <summary>return value: the value's adjoint starts at 1.</summary>
    private sealed record SeedStep(Node Value) : Step;

    private sealed class Segment
    {
        public Segment(int id, bool inLoop)
        {
            Id = id;
            InLoop = inLoop;
        }

        public int Id { get; }
        public bool InLoop { get; }
        public List<Step> Steps { get; } = new();
        public List<(ScalarKind Kind, string Name)> Temps { get; } = new();
        public List<(ScalarKind Kind, string Name)> Pushed { get; } = new();
        public string Adjoint { get; set; } = "";
    }
}
