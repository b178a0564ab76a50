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
    private readonly bool[] _written;
    private readonly string?[] _adjoint;
    private readonly bool _straight;
    private IndentedWriter _primal = new();
    private int _topLevelIndex;
    private int _loopRecords;
    private readonly int[] _lastTopLevelWrite;
    private readonly bool[] _locallyAllocated;
    private readonly List<Segment> _segments = new();
    private readonly List<Temp> _hoisted = new();
    private readonly Dictionary<int, string> _continueLabels = new();
    private readonly string _result;
    private readonly string _seed;
    private readonly bool _pullback;
    private readonly string _controlTape;
    private readonly string _doubleTape;
    private readonly string _floatTape;
    private readonly string _reverseLabel;
    private bool _jumpsToReverse;
    private Segment? _open;
    private List<string>? _structuredItems;
    private readonly HashSet<int> _restored = new();
    private readonly HashSet<ScalarKind> _recorded = new();
    private readonly Dictionary<int, Induction> _inductions = new();
    private readonly HashSet<int> _rentable;
    private readonly PooledLocals _pooledLocals;
    private readonly List<int> _rented = new();
    private readonly List<string> _declarations = new();
    private int _fusedDepth;
    private readonly HashSet<int> _settled = new();
    private readonly HashSet<int> _settledReloaded = new();
    private Promotion? _promotion;
    private Stmt? _previous;

    private ReverseEmitter(MethodIr ir, NonsmoothSettings settings, bool pullback)
    {
        _pullback = pullback;
        _ir = ir;
        _settings = settings;
        _names = new NameScope(ir.Variables.Select(v => v.Name));
        _active = ir.Variables.Select(v => v.IsActive).ToArray();
        _written = Activity.WrittenVariables(ir.Variables, ir.Body);
        _lastTopLevelWrite = RegionRecompute.LastTopLevelWrites(ir.Variables.Count, ir.Body);
        _locallyAllocated = new bool[ir.Variables.Count];
        var statements = IrTree.AllStatements(ir.Body).ToList();
        foreach (var allocation in statements.OfType<AllocateStmt>()) _locallyAllocated[allocation.Variable] = true;
        foreach (var assignment in statements.OfType<AssignStmt>()) _locallyAllocated[assignment.Variable] = false;
        _adjoint = new string?[ir.Variables.Count];
        _straight = !ControlFlow.HasControlFlow(ir.Body);
        _rentable = ScratchArrayPlan.Rentable(ir);
        _pooledLocals = new PooledLocals(ir, _names);
        _result = _names.Fresh("result");
        _seed = _names.Fresh("seed");
        _controlTape = _names.Fresh("segments");
        _doubleTape = _names.Fresh("tape");
        _floatTape = _names.Fresh("tapeF");
        _reverseLabel = _names.Fresh("reverse");
    }

    /// <summary>Writes the whole <c>{M}Gradient</c> method.</summary>
    public static void Emit(MethodIr ir, NonsmoothSettings settings, IndentedWriter writer)
        => new ReverseEmitter(ir, settings, pullback: false).EmitMethod(writer);

    /// <summary>
    /// Writes <c>{M}Pullback(params..., T seed, shadows...)</c>: the same reverse sweep started from
    /// <c>seed</c>, adding to every shadow (<c>ref T</c> for scalars). Callers with arrays use it; it has
    /// the signature of a <c>[DerivativeOf]</c> pullback.
    /// </summary>
    public static void EmitPullback(MethodIr ir, NonsmoothSettings settings, IndentedWriter writer)
        => new ReverseEmitter(ir, settings, pullback: true).EmitMethod(writer);

    private void EmitMethod(IndentedWriter w)
    {
        var parameters = new List<string>();
        var shadows = new List<(string Shadow, int Variable)>();
        for (int i = 0; i < _ir.ParameterCount; i++) parameters.Add(_ir.Variables[i].TypeName + " " + _ir.Variables[i].Name);
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (!variable.IsDifferentiableParameter) continue;
            string shadow = _names.Fresh("d" + Identifiers.Bare(variable.Name));
            shadows.Add((shadow, i));
            if (variable.IsScalar)
            {
                parameters.Add((_pullback ? "ref " : "out ") + variable.Kind.Keyword() + " " + shadow);
            }
            else
            {
                // Array shadows are the caller's buffers, accumulated in place.
                parameters.Add("global::System.Span<" + variable.Kind.Keyword() + "> " + shadow);
                _adjoint[i] = shadow;
            }
        }
        for (int i = 0; i < _ir.Variables.Count; i++)
            if (_active[i] && _adjoint[i] is null) _adjoint[i] = _names.Fresh(Identifiers.Bare(_ir.Variables[i].Name) + "_bar");

        // The primal sweep is built first: it decides which tapes exist.
        EmitStatements(_ir.Body, inLoop: false, isTopLevel: true);
        CloseSegment();

        string type = _ir.ReturnKind.Keyword();
        var outputSeeds = new List<(string Seed, int Variable)>();
        if (_pullback && _ir.ReturnsVoid)
        {
            // A seed per output (the upstream adjoint of what the method wrote), before the shadows.
            var seeds = new List<string>();
            for (int i = 0; i < _ir.ParameterCount; i++)
            {
                var variable = _ir.Variables[i];
                if (!variable.IsOutput) continue;
                string seed = _names.Fresh("d" + Identifiers.Bare(variable.Name));
                outputSeeds.Add((seed, i));
                seeds.Add($"global::System.ReadOnlySpan<{variable.Kind.Keyword()}> {seed}");
            }
            parameters.InsertRange(_ir.ParameterCount, seeds);
            SourceEmitter.WriteDocs(w, $"Pullback of <see cref=\"{_ir.Name}\"/>: given the seeds of the outputs it writes, adds the corresponding partial derivatives to the matching <c>d</c> parameter of each differentiable input.");
        }
        else if (_pullback)
        {
            // The seed goes before the shadows, as in a [DerivativeOf] pullback.
            int firstShadow = _ir.ParameterCount;
            parameters.Insert(firstShadow, type + " " + _seed);
            SourceEmitter.WriteDocs(w, $"Pullback of <see cref=\"{_ir.Name}\"/>: adds seed times its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter.");
        }
        else
        {
            SourceEmitter.WriteDocs(w, $"Reverse mode: returns the value of <see cref=\"{_ir.Name}\"/> and writes its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter (array shadows are added to).");
        }
        using (w.Block($"{_ir.Accessibility} static {(_pullback ? "void" : type)} {_ir.Name}{(_pullback ? "Pullback" : "Gradient")}({string.Join(", ", parameters)})"))
        {
            foreach (var (shadow, variable) in shadows)
                if (!_ir.Variables[variable].IsScalar) SourceEmitter.WriteLengthCheck(w, _ir.Variables[variable].Name, shadow);
            foreach (var (seed, variable) in outputSeeds)
                SourceEmitter.WriteLengthCheck(w, _ir.Variables[variable].Name, seed);
            WriteAliasingChecks(w, shadows);
            for (int i = _ir.ParameterCount; i < _ir.Variables.Count; i++)
                w.Line(SourceEmitter.Declaration(_ir.Variables[i], _ir.Variables[i].Name));
            for (int i = 0; i < _ir.Variables.Count; i++)
            {
                if (_adjoint[i] is not string adjoint || (i < _ir.ParameterCount && !_ir.Variables[i].IsScalar)) continue; // array parameters: shadows or seeded outputs
                w.Line(_ir.Variables[i].IsScalar
                    ? $"{_ir.Variables[i].Kind.Keyword()} {adjoint} = {_ir.Variables[i].Kind.Literal(0)};"
                    : SourceEmitter.Declaration(_ir.Variables[i], adjoint));
            }
            if (!_ir.ReturnsVoid) w.Line($"{type} {_result} = {_ir.ReturnKind.Literal(0)};");
            foreach (var (seed, variable) in outputSeeds)
            {
                // The output's adjoint starts as a copy of its seed (the adjoint sweep consumes it).
                if (_adjoint[variable] is not string adjoint) continue;
                string element = _ir.Variables[variable].Kind.Keyword();
                w.Line($"scoped global::System.Span<{element}> {adjoint} = {seed}.Length <= 256 ? stackalloc {element}[{seed}.Length] : new {element}[{seed}.Length];");
                w.Line($"{seed}.CopyTo({adjoint});");
            }
            foreach (var temp in _hoisted) w.Line($"{temp.Kind.Keyword()} {temp.Name} = default;");
            foreach (var declaration in _declarations) w.Line(declaration);
            foreach (var declaration in _pooledLocals.Declarations()) w.Line(declaration);
            bool usesDouble = _recorded.Contains(ScalarKind.Double);
            bool usesFloat = _recorded.Contains(ScalarKind.Float);
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
                    foreach (var segment in _segments.Where(s => !s.Fused))
                    {
                        w.Line($"case {segment.Id.ToString(CultureInfo.InvariantCulture)}:");
                        using (w.Block())
                        {
                            w.Lines(ReverseText(segment));
                            w.Line("break;");
                        }
                    }
                }
            }
            foreach (var (shadow, variable) in shadows)
                if (_ir.Variables[variable].IsScalar) w.Line($"{shadow} {(_pullback ? "+=" : "=")} {_adjoint[variable]};");
            foreach (int variable in _rented)
            {
                // Nothing reads the arrays any more: give them back for the next call on this thread.
                string pool = $"global::DiffGen.ScratchArrays<{_ir.Variables[variable].Kind.Keyword()}>";
                w.Line($"{pool}.Return({_ir.Variables[variable].Name});");
                if (_adjoint[variable] is string adjoint) w.Line($"{pool}.Return({adjoint});");
            }
            _pooledLocals.WriteDeferredReturns(w);
            if (!_straight) w.Line($"{_controlTape}.Dispose();");
            if (usesDouble) w.Line($"{_doubleTape}.Dispose();");
            if (usesFloat) w.Line($"{_floatTape}.Dispose();");
            if (!_pullback) w.Line($"return {_result};");
        }
    }

    /// <summary>
    /// Shadows and outputs are written while inputs are still read: a shadow sharing memory with any
    /// span parameter, or an output sharing memory with another, throws before anything is written.
    /// Shadows may share memory with each other (both contributions are added).
    /// </summary>
    private void WriteAliasingChecks(IndentedWriter w, List<(string Shadow, int Variable)> shadows)
    {
        var spans = Enumerable.Range(0, _ir.ParameterCount).Where(i => !_ir.Variables[i].IsScalar)
                              .Select(i => new AliasingChecks.SpanArgument(_ir.Variables[i].Name, _ir.Variables[i].Kind)).ToList();
        AliasingChecks.Write(w, shadows.Where(s => !_ir.Variables[s.Variable].IsScalar)
                                       .Select(s => new AliasingChecks.SpanArgument(s.Shadow, _ir.Variables[s.Variable].Kind)), spans);
        AliasingChecks.Write(w, Enumerable.Range(0, _ir.ParameterCount).Where(i => _ir.Variables[i].IsOutput)
                                          .Select(i => new AliasingChecks.SpanArgument(_ir.Variables[i].Name, _ir.Variables[i].Kind)), spans);
    }

    private string TapeOf(ScalarKind kind) => kind switch
    {
        ScalarKind.Float => _floatTape,
        ScalarKind.Double => _doubleTape,
        ScalarKind.Int => _controlTape, // indices share the int tape with segment ids
        _ => throw new InvalidOperationException("No tape records " + kind),
    };

    /// <summary>Records a whole array local on its element type's tape (one block copy).</summary>
    private string SaveArray(VariableInfo info) => $"{TapeOf(info.Kind)}.PushAll({info.Name});";

    /// <summary>Restores an array local saved by <see cref="SaveArray"/>.</summary>
    private string RestoreArray(VariableInfo info) => $"{TapeOf(info.Kind)}.PopAll({info.Name});";

    // ---------------------------------------------------------------- primal sweep

    private void EmitStatements(EquatableArray<Stmt> statements, bool inLoop, bool isTopLevel = false)
    {
        for (int i = 0; i < statements.Count; i++)
        {
            if (isTopLevel) _topLevelIndex = i;
            if (isTopLevel && !_straight && statements[i] is LoopStmt loop
                && FusedReduction.Analyze(loop, statements, i, _ir.Variables, _written) is { } plan)
            {
                EmitFused(loop, plan);
                continue;
            }
            _previous = i > 0 ? statements[i - 1] : null;
            EmitStatement(statements[i], inLoop, isLast: isTopLevel && i == statements.Count - 1);
        }
    }

    private void EmitStatement(Stmt statement, bool inLoop, bool isLast)
    {
        switch (statement)
        {
            case AssignStmt assign:
                EmitAssign(assign, inLoop);
                break;
            case StoreStmt store:
                EmitStore(store, inLoop);
                break;
            case RuleCallStmt call:
                EmitRuleStatement(call, inLoop);
                break;
            case AllocateStmt { Pooled: true } rent:
                _pooledLocals.EmitRent(_primal, rent, PrimalRenderer.RenderTop(rent.Length, Name), _adjoint[rent.Variable]);
                break;
            case ReleaseStmt release:
                _pooledLocals.EmitRelease(_primal, release);
                break;
            case AllocateStmt allocate:
            {
                var variable = _ir.Variables[allocate.Variable];
                bool rent = !inLoop && _rentable.Contains(allocate.Variable);
                if (rent && !_rented.Contains(allocate.Variable)) _rented.Add(allocate.Variable);
                SourceEmitter.WriteAllocation(_primal, variable, variable.Name, PrimalRenderer.RenderTop(allocate.Length, Name), allocate.OnStack, clear: false, rent);
                if (_adjoint[allocate.Variable] is string adjoint)
                    SourceEmitter.WriteAllocation(_primal, variable, adjoint, variable.Name + ".Length", allocate.OnStack, clear: true, rent);
                break;
            }
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
            case LoopStmt loop when StructuredLoop.Analyze(loop) is { } counted:
                EmitRegion(loop, counted, inLoop);
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
            Invalidate(assign.Variable);
            if (variable.IsActive) OpenSegment(inLoop).Steps.Add(new AssignStep(assign.Variable, null));
            return;
        }
        var segment = OpenSegment(inLoop);
        var node = Linearize(assign.Value, segment);
        _primal.Line($"{variable.Name} = {node.Code};");
        Invalidate(assign.Variable);
        segment.Steps.Add(new AssignStep(assign.Variable, node));
    }

    private void EmitStore(StoreStmt store, bool inLoop)
    {
        var variable = _ir.Variables[store.Variable];
        if (!variable.IsActive)
        {
            _primal.Line($"{variable.Name}[{PrimalRenderer.RenderTop(store.Index, Name)}] = {PrimalRenderer.RenderTop(store.Value, Name)};");
            Invalidate(store.Variable);
            return;
        }
        var segment = OpenSegment(inLoop);
        var index = Linearize(store.Index, segment);
        var value = Linearize(store.Value, segment);
        _primal.Line($"{variable.Name}[{index.Code}] = {value.Code};");
        Invalidate(store.Variable);
        segment.Steps.Add(new StoreElementStep(store.Variable, index, value));
    }

    private void EmitRuleStatement(RuleCallStmt call, bool inLoop)
    {
        if (!Activity.AnyActiveInput(call.Rule, call.Arguments, _active))
        {
            _primal.Line(PrimalRenderer.RenderTop(new RuleCallExpr(call.Rule, call.Arguments, ScalarKind.Other, call.Site), Name) + ";");
        }
        else
        {
            var segment = OpenSegment(inLoop);
            var arguments = LinearizeRuleArguments(call.Arguments, segment);
            _primal.Line($"{call.Rule.Target}({string.Join(", ", arguments.Select(a => a.Code))});");
            segment.Steps.Add(new RuleStep(call.Rule, arguments, null));
        }
        for (int i = 0; i < call.Arguments.Count; i++)
            if (call.Rule.Roles[i] == ArgumentRole.Output && call.Arguments[i] is ArrayRefExpr output) Invalidate(output.Variable);
    }

    /// <summary>Scalar arguments become temporaries; whole arrays are passed by name (never recorded).</summary>
    private Node[] LinearizeRuleArguments(EquatableArray<Expr> arguments, Segment segment)
        => arguments.Select(a => a is ArrayRefExpr array
            ? new Node(Name(array.Variable), array.Kind, Active: false) { Array = array.Variable }
            : Linearize(a, segment)).ToArray();

    private void EmitReturn(ReturnStmt ret, bool inLoop, bool isLast)
    {
        if (ret.Value is null)
        {
            // A method writing outputs: nothing to seed here, the outputs' adjoints start from their seeds.
        }
        else if (Activity.IsActive(ret.Value, _active))
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
            if (_structuredItems is not null)
            {
                // Inside a counted loop: a piece of the loop body, replayed by the loop's own reverse.
                _open = new Segment(-1, inLoop: true) { Structured = true };
            }
            else
            {
                _open = new Segment(_segments.Count, inLoop);
                _segments.Add(_open);
            }
        }
        return _open;
    }

    // ---------------------------------------------------------------- counted loops

    /// <summary>
    /// A counted loop (<see cref="StructuredLoop"/>) is one segment of the outer replay: the primal records
    /// only its first and last counter values (and, per iteration, the values its adjoint cannot
    /// reload), and the adjoint runs the counter backwards through the reversed body. No segment ids or
    /// indices are recorded inside it.
    /// </summary>
    private void EmitRegion(LoopStmt loop, StructuredLoop counted, bool inLoop)
    {
        CloseSegment();
        var region = new Segment(_segments.Count, inLoop);
        _segments.Add(region);

        // The recording form of the loop (primal with per-iteration records) and its adjoint.
        var main = _primal;
        var recording = new IndentedWriter();
        _primal = recording;
        int recordsBefore = _loopRecords;
        string adjoint = EmitCountedLoop(loop, counted, _previous);
        bool records = _loopRecords > recordsBefore;
        _primal = main;

        // Recompute only loops that run many times (inside another loop): a loop that runs once would
        // record as much either way, and recomputing would only add a second primal.
        var snapshot = records && inLoop && _fusedDepth == 0 ? RegionRecompute.Plan(loop, _ir.Variables, _written, _lastTopLevelWrite, _topLevelIndex) : null;
        if (snapshot is null)
        {
            _primal.Lines(recording.ToString());
            region.Adjoint = adjoint;
        }
        else
        {
            // Recompute: the primal runs the plain loop after saving the state it starts from; the
            // adjoint restores that state, reruns the recording loop and reverses it at once. The tape
            // then holds one loop's records at a time instead of every instance's.
            var reverse = new IndentedWriter();
            foreach (int variable in snapshot.Variables)
            {
                var info = _ir.Variables[variable];
                _recorded.Add(info.Kind);
                _primal.Line(info.IsScalar ? $"{TapeOf(info.Kind)}.Push({info.Name});" : SaveArray(info));
            }
            for (int i = snapshot.Variables.Count - 1; i >= 0; i--)
            {
                var info = _ir.Variables[snapshot.Variables[i]];
                reverse.Line(info.IsScalar ? $"{info.Name} = {TapeOf(info.Kind)}.Pop();" : RestoreArray(info));
            }
            RegionRecompute.WritePlainLoop(_primal, loop, Name);
            reverse.Lines(recording.ToString());
            reverse.Lines(adjoint);
            region.Adjoint = reverse.ToString();
        }
        if (!_straight) _primal.Line($"{_controlTape}.Push({region.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    /// <summary>
    /// A reduction loop (<see cref="FusedReduction"/>): each iteration runs with records, then is reversed
    /// at once with the sum's adjoint set to 1, the adjoints of what the loop only reads redirected to
    /// side buffers. The loop's segment in the adjoint sweep adds the sum's adjoint times those buffers.
    /// </summary>
    private void EmitFused(LoopStmt loop, FusedReduction.Plan plan)
    {
        CloseSegment();
        var region = new Segment(_segments.Count, inLoop: false);
        _segments.Add(region);
        var saved = new Dictionary<int, string>();
        var reverse = new IndentedWriter();
        string index = _names.Temp();
        _hoisted.Add(new Temp(ScalarKind.Int, index, null, Array.Empty<string>()));
        string outerAdjoint = _adjoint[plan.Accumulator]!;
        foreach (int variable in plan.Invariants)
        {
            var info = _ir.Variables[variable];
            string element = info.Kind.Keyword();
            string bare = Identifiers.Bare(info.Name);
            saved[variable] = _adjoint[variable]!;
            string side = _names.Fresh(bare + "_sum");
            if (info.IsScalar)
            {
                _hoisted.Add(new Temp(info.Kind, side, null, Array.Empty<string>()));
                _primal.Line($"{side} = {info.Kind.Literal(0)};");
                reverse.Line($"{saved[variable]} += {outerAdjoint} * {side};");
            }
            else
            {
                // Pooled storage, returned by the loop's adjoint; the span has the array's exact length.
                string pooled = _names.Fresh(bare + "_sumPool");
                _declarations.Add($"{element}[] {pooled} = default!;");
                _declarations.Add($"global::System.Span<{element}> {side} = default;");
                _primal.Line($"{pooled} = global::System.Buffers.ArrayPool<{element}>.Shared.Rent({info.Name}.Length);");
                _primal.Line($"{side} = new global::System.Span<{element}>({pooled}, 0, {info.Name}.Length);");
                _primal.Line($"{side}.Clear();");
                reverse.Line($"for ({index} = 0; {index} < {side}.Length; {index}++) {saved[variable]}[{index}] += {outerAdjoint} * {side}[{index}];");
                reverse.Line($"global::System.Buffers.ArrayPool<{element}>.Shared.Return({pooled});");
            }
            _adjoint[variable] = side;
        }
        var accumulator = _ir.Variables[plan.Accumulator];
        string seed = _names.Fresh(Identifiers.Bare(accumulator.Name) + "_seed");
        _hoisted.Add(new Temp(accumulator.Kind, seed, null, Array.Empty<string>()));
        _adjoint[plan.Accumulator] = seed;
        string mark = _names.Temp();
        _hoisted.Add(new Temp(ScalarKind.Int, mark, null, Array.Empty<string>()));
        _primal.Line($"{mark} = {_controlTape}.Count;");

        // Variables only the increment assigns (the counter) keep their value through the body and its reversal.
        var bodyAssigned = new HashSet<int>(IrTree.AllStatements(loop.Body).OfType<AssignStmt>().Select(a => a.Variable));
        var steady = loop.Increment.OfType<AssignStmt>().Select(a => a.Variable).Where(v => !bodyAssigned.Contains(v) && _restored.Add(v)).ToList();
        int first = _segments.Count;
        _fusedDepth++;
        using (_primal.Block($"while ({PrimalRenderer.RenderTop(loop.Condition!, Name)})"))
        {
            EmitStatements(loop.Body, inLoop: true);
            CloseSegment();
            _primal.Line($"{seed} = {accumulator.Kind.Literal(1)};");
            using (_primal.Block($"while ({_controlTape}.Count > {mark})"))
            using (_primal.Block($"switch ({_controlTape}.Pop())"))
            {
                for (int i = first; i < _segments.Count; i++)
                {
                    var segment = _segments[i];
                    segment.Fused = true;
                    _primal.Line($"case {segment.Id.ToString(CultureInfo.InvariantCulture)}:");
                    using (_primal.Block())
                    {
                        _primal.Lines(ReverseText(segment));
                        _primal.Line("break;");
                    }
                }
            }
            foreach (var statement in loop.Increment)
            {
                var assign = (AssignStmt)statement;
                _primal.Line($"{Name(assign.Variable)} = {PrimalRenderer.RenderTop(assign.Value, Name)};");
            }
        }
        _fusedDepth--;
        foreach (int variable in steady) _restored.Remove(variable);
        foreach (var entry in saved) _adjoint[entry.Key] = entry.Value;
        _adjoint[plan.Accumulator] = outerAdjoint;
        region.Adjoint = reverse.ToString();
        _primal.Line($"{_controlTape}.Push({region.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    /// <summary>Emits the primal of a counted loop and returns the code of its adjoint.</summary>
    private string EmitCountedLoop(LoopStmt loop, StructuredLoop counted, Stmt? previous = null)
    {
        string counter = Name(counted.Counter);
        var bounds = ReloadableBounds(loop, counted, previous);
        var start = new Temp(ScalarKind.Int, _names.Temp(), null, Array.Empty<string>());
        var end = new Temp(ScalarKind.Int, _names.Temp(), null, Array.Empty<string>());
        _hoisted.Add(start);
        _hoisted.Add(end);
        _primal.Line($"{start.Name} = {counter};");

        // Secondary counters (v = v ± 1 once per iteration): their value follows from the loop counter
        // and their value on entry, so the adjoint recomputes them instead of reading a record per use.
        var inductions = new List<Induction>();
        foreach (var (variable, step) in counted.Inductions)
        {
            var entry = new Temp(ScalarKind.Int, _names.Temp(), null, Array.Empty<string>());
            _hoisted.Add(entry);
            _primal.Line($"{entry.Name} = {Name(variable)};");
            var induction = new Induction(variable, step, entry.Name, start.Name, counter, counted.Step);
            inductions.Add(induction);
            _inductions[variable] = induction;
        }

        var snapshots = new List<int>();
        var outerItems = _structuredItems;
        var items = new List<string>();
        _structuredItems = items;
        _restored.Add(counted.Counter);
        // Scratch arrays settled for the rest of an iteration (written for the last time): their
        // reads there load again in the adjoint, which restores the array as the iteration left it.
        var settledFrom = SettledArrays(loop);
        // Innermost loops (one segment): adjoint updates at an index the loop does not change add into a local.
        var outerPromotion = _promotion;
        Promotion? promotion = null;
        if (settledFrom.Count == 0 && !loop.Body.Any(s => s is LoopStmt))
        {
            var variant = new HashSet<string> { counter };
            foreach (var assign in loop.Body.OfType<AssignStmt>()) variant.Add(Name(assign.Variable));
            promotion = new Promotion(variant);
        }
        _promotion = promotion;
        var settledHere = new List<int>();
        int position = 0;
        using (_primal.Block($"while ({PrimalRenderer.RenderTop(loop.Condition!, Name)})"))
        {
            foreach (var statement in loop.Body)
            {
                foreach (var entry in settledFrom)
                {
                    if (entry.Value != position || !_settled.Add(entry.Key)) continue;
                    CloseSegment(); // loads before this point are not reloadable
                    settledHere.Add(entry.Key);
                }
                position++;
                if (statement is LoopStmt inner && StructuredLoop.Analyze(inner) is { } innerCounted)
                {
                    CloseSegment();
                    items.Add(EmitCountedLoop(inner, innerCounted, position >= 2 ? loop.Body[position - 2] : null));
                }
                else
                {
                    EmitStatement(statement, inLoop: true, isLast: false);
                    if (statement is AssignStmt assign && _inductions.TryGetValue(assign.Variable, out var stepped)) stepped.Stepped = true;
                }
            }
            CloseSegment();
            _promotion = outerPromotion;
            foreach (int array in settledHere)
            {
                _settled.Remove(array);
                if (!_settledReloaded.Remove(array)) continue;
                var info = _ir.Variables[array];
                _recorded.Add(info.Kind);
                _loopRecords++;
                snapshots.Add(array);
                _primal.Line(SaveArray(info));
            }
            _primal.Line($"{counter} = {counter} {(counted.Step > 0 ? "+" : "-")} 1;");
        }
        foreach (var induction in inductions) _inductions.Remove(induction.Variable);
        _restored.Remove(counted.Counter);
        _structuredItems = outerItems;
        foreach (var induction in inductions) _primal.Line($"{_controlTape}.Push({induction.Entry});");
        var w = new IndentedWriter();
        if (bounds is { } known)
        {
            // First and last counter values follow from values the adjoint still has: nothing recorded.
            w.Line($"{start.Name} = {known.Start};");
            w.Line($"{end.Name} = global::System.Math.{(counted.Step > 0 ? "Max" : "Min")}({start.Name}, {known.End});");
        }
        else
        {
            _primal.Line($"{_controlTape}.Push({start.Name});");
            _primal.Line($"{_controlTape}.Push({counter});");
            w.Line($"{end.Name} = {_controlTape}.Pop();");
            w.Line($"{start.Name} = {_controlTape}.Pop();");
        }
        for (int i = inductions.Count - 1; i >= 0; i--) w.Line($"{inductions[i].Entry} = {_controlTape}.Pop();");
        string back = counted.Step > 0 ? "-" : "+";
        foreach (var (local, _, kind) in promotion?.Accumulators ?? new List<(string, string, ScalarKind)>())
            w.Line($"{kind.Keyword()} {local} = {kind.Literal(0)};");
        foreach (string load in promotion?.HoistedReloads ?? new List<string>()) w.Line(load);
        using (w.Block($"for ({counter} = {end.Name} {back} 1; {counter} != {start.Name} {back} 1; {counter} = {counter} {back} 1)"))
        {
            for (int i = snapshots.Count - 1; i >= 0; i--)
            {
                var info = _ir.Variables[snapshots[i]];
                w.Line(RestoreArray(info));
            }
            for (int i = items.Count - 1; i >= 0; i--) w.Lines(items[i]);
        }
        if (promotion is { Accumulators.Count: > 0 })
        {
            using (w.Block($"if ({end.Name} != {start.Name})"))
                foreach (var (local, target, _) in promotion.Accumulators) w.Line($"{target} += {local};");
        }
        return w.ToString();
    }

    /// <summary>
    /// For <c>c = s; while (c &lt; b) { ...; c = c + 1; }</c> (or <c>&lt;=</c>, or counting down with
    /// <c>&gt;</c>/<c>&gt;=</c>) where s and b read only values the adjoint sweep still has (never-written
    /// variables, counters of enclosing counted loops): the code of the first counter value and of the
    /// bound the last value is clamped to. Null when the bounds must be recorded.
    /// </summary>
    private (string Start, string End)? ReloadableBounds(LoopStmt loop, StructuredLoop counted, Stmt? previous)
    {
        if (previous is not AssignStmt init || init.Variable != counted.Counter || !ReadsOnlyUnwritten(init.Value)) return null;
        if (loop.Condition is not BinaryExpr { Left: VariableExpr tested } test || tested.Variable != counted.Counter || !ReadsOnlyUnwritten(test.Right)) return null;
        string bound = PrimalRenderer.RenderTop(test.Right, Name);
        string? end = (test.Op, counted.Step) switch
        {
            (BinaryOp.Less, 1) => bound,
            (BinaryOp.LessOrEqual, 1) => $"({bound}) + 1",
            (BinaryOp.Greater, -1) => bound,
            (BinaryOp.GreaterOrEqual, -1) => $"({bound}) - 1",
            _ => null,
        };
        return end is null ? null : (PrimalRenderer.RenderTop(init.Value, Name), end);
    }

    /// <summary>
    /// Local double/float arrays (allocated, never assigned as a whole) that the counted loop's body
    /// writes, each with the index of the body statement after its last write there, when a later
    /// statement reads it.
    /// </summary>
    private Dictionary<int, int> SettledArrays(LoopStmt loop)
    {
        var result = new Dictionary<int, int>();
        var lastWrite = new Dictionary<int, int>();
        for (int i = 0; i < loop.Body.Count; i++)
            foreach (int variable in RegionRecompute.Written(loop.Body[i])) lastWrite[variable] = i;
        foreach (var entry in lastWrite)
        {
            var info = _ir.Variables[entry.Key];
            if (info.IsScalar || info.IsParameter || info.Kind is not (ScalarKind.Double or ScalarKind.Float)) continue;
            if (!_locallyAllocated[entry.Key]) continue;
            bool readLater = false;
            for (int i = entry.Value + 1; i < loop.Body.Count && !readLater; i++)
                readLater = IrTree.AllExpressions(new[] { loop.Body[i] }).Any(e => e is ElementExpr element && element.Variable == entry.Key);
            if (readLater) result[entry.Key] = entry.Value + 1;
        }
        return result;
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
            // What the adjoint reads: loads of never-written storage are loaded again (with their index
            // recorded); everything else is recorded. Later temps come first so reloads pull in their deps.
            var needed = new HashSet<string>(segment.Temps.Where(t => References(segment.Adjoint, t.Name)).Select(t => t.Name));
            for (int i = segment.Temps.Count - 1; i >= 0; i--)
                if (needed.Contains(segment.Temps[i].Name) && segment.Temps[i].Reload is not null)
                    foreach (var dependency in segment.Temps[i].Dependencies) needed.Add(dependency);
            foreach (var temp in segment.Temps)
            {
                if (!needed.Contains(temp.Name)) continue;
                if (temp.Reload is not null)
                {
                    segment.Reloaded.Add(temp);
                    foreach (int array in _settled)
                        if (temp.Reload.StartsWith(Name(array) + "[", StringComparison.Ordinal)) _settledReloaded.Add(array);
                    continue;
                }
                segment.Pushed.Add(temp);
                _recorded.Add(temp.Kind);
                if (segment.Structured) _loopRecords++;
                _primal.Line($"{TapeOf(temp.Kind)}.Push({temp.Name});");
            }
        }
        if (segment.Structured)
            _structuredItems!.Add(ReverseText(segment));
        else if (!_straight)
            _primal.Line($"{_controlTape}.Push({segment.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    /// <summary>A segment's adjoint, preceded by popping what it recorded and reloading what it can.</summary>
    private string ReverseText(Segment segment)
    {
        var w = new IndentedWriter();
        for (int i = segment.Pushed.Count - 1; i >= 0; i--)
            w.Line($"{segment.Pushed[i].Name} = {TapeOf(segment.Pushed[i].Kind)}.Pop();");
        foreach (var temp in segment.Reloaded)
        {
            if (segment.Structured && _promotion is { } loop && HoistedLoad(temp, loop) is { } load)
            {
                loop.HoistedTemps.Add(temp.Name);
                loop.HoistedReloads.Add($"{temp.Name} = {load};");
                continue;
            }
            w.Line($"{temp.Name} = {temp.Reload};");
        }
        w.Lines(segment.Adjoint);
        return w.ToString();
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
                string y = NewTemp(segment, kind, $"{left.Code} {PrimalRenderer.BinaryToken(b.Op)} {right.Code}");
                var (pl, pr) = DerivativeRules.BinaryPartials(b.Op, kind, left.Code, right.Code, y);
                var sum = Record(segment, y, kind, (left, Scale(pl)), (right, Scale(pr)));
                if (pl == "1" && left.Active) segment.Steps[segment.Steps.Count - 1] = ((OperationStep)segment.Steps[segment.Steps.Count - 1]) with { UnitOperand = left.Code };
                return sum;
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

    private static Func<string, string> Scale(string partial) => seed => DerivativeRules.Times(seed, partial);

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
        if (temp?.Reload is not string reload) return null;
        foreach (Match identifier in Regex.Matches(reload, @"[A-Za-z_@][\w]*"))
        {
            string name = identifier.Value;
            if (name.StartsWith("_t", StringComparison.Ordinal) || promotion.Variant.Contains(name) || promotion.Variant.Contains(name.TrimStart('@'))) return null;
        }
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
    /// assign and temporaries already loaded before the loop: it then has one value for the whole loop.
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
                string buffer = _adjoint[array] ?? "default";
                if (role == ArgumentRole.Output)
                {
                    seeds.Add(buffer);
                    if (_adjoint[array] is string adjoint) cleared.Add(SourceEmitter.Clear(_ir.Variables[array], adjoint));
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

    // ---------------------------------------------------------------- model of a segment

    /// <summary>A value in a segment: a temporary's name or an inline constant.</summary>
    private sealed record Node(string Code, ScalarKind Kind, bool Active)
    {
        /// <summary>For a whole-array argument, the array variable.</summary>
        public int? Array { get; init; }
    }

    private abstract record Step;

    /// <summary>y = op(operands): adds seed × partial to each active operand's adjoint.</summary>
    private sealed record OperationStep(Node Result, (Node Operand, Func<string, string> Contribution)[] Operands) : Step
    {
        /// <summary>An operand whose partial is 1 (the left of <c>a + b</c> or <c>a - b</c>), or null.</summary>
        public string? UnitOperand { get; init; }
    }

    /// <summary>temp = variable: the temp's adjoint flows into the variable's.</summary>
    private sealed record LoadStep(int Variable, Node Temp) : Step;

    /// <summary>variable = value (null: a passive value): the variable's adjoint moves to the value and is reset.</summary>
    private sealed record AssignStep(int Variable, Node? Value) : Step;

    /// <summary>A rule-backed call: its pullback maps the result's (or outputs') adjoint to the inputs'.</summary>
    /// <param name="Result">The scalar result, or null for a call writing outputs.</param>
    private sealed record RuleStep(RuleInfo Rule, Node[] Arguments, Node? Result) : Step;

    /// <summary>temp = array[index]: the temp's adjoint flows into the element's.</summary>
    private sealed record LoadElementStep(int Variable, Node Index, Node Temp) : Step;

    /// <summary>array[index] = value: the element's adjoint moves to the value and is reset.</summary>
    private sealed record StoreElementStep(int Variable, Node Index, Node Value) : Step;

    /// <summary>
    /// A secondary counter of a counted loop: <c>v = v + Step</c> once per iteration. Its value in the
    /// adjoint is <c>entry + iterations so far · Step</c>, plus one more Step after its own update.
    /// </summary>
    private sealed class Induction
    {
        public Induction(int variable, int step, string entry, string start, string counter, int counterStep)
        {
            Variable = variable;
            Step = step;
            Entry = entry;
            Start = start;
            Counter = counter;
            CounterStep = counterStep;
        }

        public int Variable { get; }
        public int Step { get; }
        public string Entry { get; }
        public string Start { get; }
        public string Counter { get; }
        public int CounterStep { get; }

        /// <summary>Whether the emitter has passed the variable's update in the loop body.</summary>
        public bool Stepped { get; set; }

        /// <summary>Code for the variable's value at the current point of the current iteration.</summary>
        public string ValueNow()
        {
            string iterations = CounterStep > 0 ? $"({Counter} - {Start})" : $"({Start} - {Counter})";
            string value = $"{Entry} + {iterations} * {Step.ToString(CultureInfo.InvariantCulture)}";
            return Stepped ? $"{value} + {Step.ToString(CultureInfo.InvariantCulture)}" : value;
        }
    }

    /// <summary>A temporary of a segment; <paramref name="Reload"/> recomputes it from never-written storage.</summary>
    private sealed record Temp(ScalarKind Kind, string Name, string? Reload, string[] Dependencies);

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

        /// <summary>A piece of a counted loop's body: no id of its own, replayed by the loop's adjoint.</summary>
        public bool Structured { get; init; }

        /// <summary>A segment of a fused reduction loop: reversed inside the loop, not by the adjoint sweep's dispatch.</summary>
        public bool Fused { get; set; }
        public List<Step> Steps { get; } = new();
        public List<Temp> Temps { get; } = new();
        public List<Temp> Pushed { get; } = new();
        public List<Temp> Reloaded { get; } = new();

        /// <summary>Values already loaded in this segment (by code), with the variables they read, for reuse until one is written.</summary>
        public Dictionary<string, (Node Node, HashSet<int> Reads)> Loaded { get; } = new();
        public string Adjoint { get; set; } = "";
    }
}
