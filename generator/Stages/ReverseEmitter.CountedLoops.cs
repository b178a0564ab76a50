using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

// Loops: recomputed regions, fused reductions, counted loops run backwards, settled scratch arrays.
internal sealed partial class ReverseEmitter
{
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
        string adjoint = EmitCountedLoop(loop, counted, _previous, hot: inLoop);
        bool records = _loopRecords > recordsBefore;
        _primal = main;

        // Recompute only loops that run many times (inside another loop): a loop that runs once would
        // record as much either way, and recomputing would only add a second primal.
        // Over dual numbers the plain loop renders calls of [Differentiable] methods by their primal, which has no
        // tangent: such loops record instead.
        bool plainable = !_spelling.IsDual || !IrTree.AllExpressions(new[] { loop }).Any(e => e is UserCallExpr);
        var snapshot = records && inLoop && _fusedDepth == 0 && plainable ? RegionRecompute.Plan(loop, _ir.Variables, _written, _lastTopLevelWrite, _topLevelIndex) : null;
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
            RegionRecompute.WritePlainLoop(_primal, loop, _ir.Variables, Name, _spelling);
            reverse.Lines(recording.ToString());
            reverse.Lines(adjoint);
            region.Adjoint = reverse.ToString();
        }
        if (RecordsSegmentIds) _primal.Line($"{_controlTape}.Push({region.Id.ToString(CultureInfo.InvariantCulture)});");
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
        _hoisted.Add(new Temp(ScalarKind.Int, index));
        string outerAdjoint = _adjoint[plan.Accumulator]!;
        var accumulator = _ir.Variables[plan.Accumulator];
        // The sum's adjoint, when known before the loop: each iteration's reversal adds into the real adjoints.
        string? known = plan.KnownAdjoint is { } scales ? _names.Temp() : null;
        if (known is not null)
        {
            string value = SeedValue;
            foreach (var scale in plan.KnownAdjoint!)
                value = scale.Factor is null ? $"(-{value})" : $"{value} {PrimalRenderer.BinaryToken(scale.Op)} {PrimalRenderer.Render(scale.Factor, Name, _spelling)}";
            _hoisted.Add(new Temp(accumulator.Kind, known));
            _primal.Line($"{known} = {value};");
        }
        foreach (int variable in known is null ? plan.Invariants : Array.Empty<int>())
        {
            var info = _ir.Variables[variable];
            string element = _spelling.Keyword(info.Kind);
            string bare = Identifiers.Bare(info.Name);
            saved[variable] = _adjoint[variable]!;
            string side = _names.Fresh(bare + "_sum");
            if (info.IsScalar)
            {
                _hoisted.Add(new Temp(info.Kind, side));
                _primal.Line($"{side} = {info.Kind.Literal(0)};");
                reverse.Line($"{saved[variable]} += {outerAdjoint} * {side};");
            }
            else
            {
                // Short sums live on the stack (a call of a small helper in a loop must not pay for a pool),
                // longer ones in pooled storage returned by the loop's adjoint; the span has the array's exact length.
                string pooled = _names.Fresh(bare + "_sumPool");
                _declarations.Add($"{element}[]? {pooled} = null;");
                _declarations.Add($"scoped global::System.Span<{element}> {side} = default;");
                _primal.Line($"if ({info.Name}.Length <= {StackSumLimit.ToString(CultureInfo.InvariantCulture)}) {side} = stackalloc {element}[{info.Name}.Length];");
                using (_primal.Block("else"))
                {
                    _primal.Line($"{pooled} = global::System.Buffers.ArrayPool<{element}>.Shared.Rent({info.Name}.Length);");
                    _primal.Line($"{side} = new global::System.Span<{element}>({pooled}, 0, {info.Name}.Length);");
                }
                _primal.Line($"{side}.Clear();");
                reverse.Line($"for ({index} = 0; {index} < {side}.Length; {index}++) {saved[variable]}[{index}] += {outerAdjoint} * {side}[{index}];");
                reverse.Line($"if ({pooled} is not null) global::System.Buffers.ArrayPool<{element}>.Shared.Return({pooled});");
            }
            _adjoint[variable] = side;
        }
        string seed = _names.Fresh(Identifiers.Bare(accumulator.Name) + "_seed");
        _hoisted.Add(new Temp(accumulator.Kind, seed));
        _adjoint[plan.Accumulator] = seed;
        string mark = _names.Temp();
        _hoisted.Add(new Temp(ScalarKind.Int, mark));
        _primal.Line($"{mark} = {_controlTape}.Count;");

        // Variables only the increment assigns (the counter) keep their value through the body and its reversal.
        var bodyAssigned = new HashSet<int>(IrTree.AllStatements(loop.Body).OfType<AssignStmt>().Select(a => a.Variable));
        var steady = loop.Increment.OfType<AssignStmt>().Select(a => a.Variable).Where(v => !bodyAssigned.Contains(v) && _restored.Add(v)).ToList();
        int first = _segments.Count;
        // A body of straight code, if/else and counted loops is reversed as written, right after it runs;
        // otherwise its segments are replayed by id. Both keep the counter as it was during the body.
        bool structured = steady.Count == loop.Increment.Count && StructuredLoop.IsStructuredBody(loop.Body, counter: -1);
        _fusedDepth++;
        using (_primal.Block($"while ({PrimalRenderer.RenderTop(loop.Condition!, Name, _spelling)})"))
        {
            string seedValue = known ?? accumulator.Kind.Literal(1);
            if (structured) EmitFusedStructuredBody(loop, seed, seedValue);
            else EmitFusedDispatchedBody(loop, first, mark, seed, seedValue);
            foreach (var statement in loop.Increment)
            {
                var assign = (AssignStmt)statement;
                _primal.Line($"{Name(assign.Variable)} = {PrimalRenderer.RenderTop(assign.Value, Name, _spelling)};");
            }
        }
        _fusedDepth--;
        foreach (int variable in steady) _restored.Remove(variable);
        foreach (var entry in saved) _adjoint[entry.Key] = entry.Value;
        _adjoint[plan.Accumulator] = outerAdjoint;
        region.Adjoint = reverse.ToString();
        if (RecordsSegmentIds) _primal.Line($"{_controlTape}.Push({region.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    /// <summary>The fused loop's body, then its reversal as written (<see cref="StructuredLoop.IsStructuredBody"/>).</summary>
    private void EmitFusedStructuredBody(LoopStmt loop, string seed, string seedValue)
    {
        var outerItems = _structuredItems;
        var items = new List<string>();
        _structuredItems = items;
        for (int i = 0; i < loop.Body.Count; i++) EmitStructured(loop.Body[i], i > 0 ? loop.Body[i - 1] : null);
        CloseSegment();
        _structuredItems = outerItems;
        _primal.Line($"{seed} = {seedValue};");
        for (int i = items.Count - 1; i >= 0; i--) _primal.Lines(items[i]);
    }

    /// <summary>The fused loop's body as segments, then their reversal replayed by id from <paramref name="mark"/>.</summary>
    private void EmitFusedDispatchedBody(LoopStmt loop, int first, string mark, string seed, string seedValue)
    {
        EmitStatements(loop.Body, inLoop: true);
        CloseSegment();
        _primal.Line($"{seed} = {seedValue};");
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
    }

    /// <summary>The longest side buffer of a fused reduction kept on the stack (elements).</summary>
    private const int StackSumLimit = 128;

    /// <summary>
    /// Emits the primal of a counted loop and returns the code of its adjoint. A <paramref name="hot"/> loop
    /// (one inside another loop) that records nothing runs from a method of its own (<see cref="LoopOutlining"/>).
    /// </summary>
    private string EmitCountedLoop(LoopStmt loop, StructuredLoop counted, Stmt? previous, bool hot)
    {
        string counter = Name(counted.Counter);
        var bounds = ReloadableBounds(loop, counted, previous);
        var start = new Temp(ScalarKind.Int, _names.Temp());
        var end = new Temp(ScalarKind.Int, _names.Temp());
        _hoisted.Add(start);
        _hoisted.Add(end);
        _primal.Line($"{start.Name} = {counter};");

        // Secondary counters (v = v ± 1 once per iteration): their value follows from the loop counter
        // and their value on entry, so the adjoint recomputes them instead of reading a record per use.
        var inductions = new List<Induction>();
        foreach (var (variable, step) in counted.Inductions)
        {
            var entry = new Temp(ScalarKind.Int, _names.Temp());
            _hoisted.Add(entry);
            _primal.Line($"{entry.Name} = {Name(variable)};");
            var induction = new Induction(variable, step, entry, start, counted.Counter, counter, counted.Step);
            inductions.Add(induction);
            _inductions[variable] = induction;
        }

        var snapshots = new List<int>();
        var outerItems = _structuredItems;
        var items = new List<string>();
        _structuredItems = items;
        _restored.Add(counted.Counter);

        var outerDefinable = _definable;
        _definable = DefinableLocals(loop);
        // Updated variables (v = v ± e once per iteration) whose step the adjoint can evaluate again:
        // it restores their value on exit and undoes each update where it stood (EmitStructured).
        var updates = new List<int>();
        foreach (int variable in counted.Updates)
        {
            if (Rematerialized(StructuredLoop.StepOf(loop.Body, variable), atItsPosition: true) is not { } step || !_restored.Add(variable)) continue;
            updates.Add(variable);
            _updates[variable] = step;
        }
        // Scratch arrays settled for the rest of an iteration (written for the last time): their
        // reads there load again in the adjoint, which restores the array as the iteration left it.
        var settledFrom = SettledArrays(loop);
        // Innermost loops (one segment): adjoint updates at an index the loop does not change add into a local.
        var outerPromotion = _promotion;
        Promotion? promotion = null;
        if (settledFrom.Count == 0 && !loop.Body.Any(s => s is LoopStmt or IfStmt))
        {
            var variant = new HashSet<int> { counted.Counter };
            foreach (var assign in loop.Body.OfType<AssignStmt>()) variant.Add(assign.Variable);
            promotion = new Promotion(variant);
        }
        _promotion = promotion;
        var settledHere = new List<int>();
        int position = 0;
        // The loop's primal goes to a writer of its own: run inline, or from a method of its own when hot.
        var enclosing = _primal;
        var loopText = new IndentedWriter();
        _primal = loopText;
        int recordsBefore = _loopRecords;
        using (_primal.Block($"while ({PrimalRenderer.RenderTop(loop.Condition!, Name, _spelling)})"))
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
                EmitStructured(statement, position >= 2 ? loop.Body[position - 2] : null);
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
        _primal = enclosing;
        if (hot && !_spelling.IsDual && _loopRecords == recordsBefore && LoopOutlining.For(loop, counted, _ir.Variables, Name) is { } outlined)
        {
            string method = $"{_ir.Name}{UncheckedPullbackSuffix}Loop{_outlined.Count.ToString(CultureInfo.InvariantCulture)}_{StableHash.Of(_ir.HintName)}";
            LoopOutlining.WriteCall(_primal, outlined, method, loopText.ToString(), Name);
            var text = new IndentedWriter();
            LoopOutlining.WriteMethod(text, outlined, method, loop, _ir.Variables, _ir.ParameterCount, Name);
            _outlined.Add(text.ToString());
        }
        else
        {
            _primal.Lines(loopText.ToString());
        }
        foreach (var induction in inductions) _inductions.Remove(induction.Variable);
        foreach (int variable in _definable) _definitions.Remove(variable);
        _definable = outerDefinable;
        _restored.Remove(counted.Counter);
        foreach (int variable in updates)
        {
            _restored.Remove(variable);
            _updates.Remove(variable);
            _primal.Line($"{_controlTape}.Push({Name(variable)});");
        }
        _structuredItems = outerItems;
        foreach (var induction in inductions) _primal.Line($"{_controlTape}.Push({induction.Entry.Name});");
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
        for (int i = inductions.Count - 1; i >= 0; i--) w.Line($"{inductions[i].Entry.Name} = {_controlTape}.Pop();");
        for (int i = updates.Count - 1; i >= 0; i--) w.Line($"{Name(updates[i])} = {_controlTape}.Pop();");
        string back = counted.Step > 0 ? "-" : "+";
        foreach (var (local, _, kind) in promotion?.Accumulators ?? new List<(string, string, ScalarKind)>())
            w.Line($"{_spelling.Keyword(kind)} {local} = {kind.Literal(0)};");
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
    /// Passive int locals the loop's body assigns exactly once, at its top level, from a value that does
    /// not read them (candidates for <see cref="_definitions"/>).
    /// </summary>
    private HashSet<int> DefinableLocals(LoopStmt loop)
    {
        var result = new HashSet<int>();
        foreach (var statement in loop.Body)
        {
            if (statement is not AssignStmt assign || _active[assign.Variable] || _ir.Variables[assign.Variable].IsParameter
                || _ir.Variables[assign.Variable].Kind != ScalarKind.Int || IrTree.VariablesRead(assign.Value).Contains(assign.Variable))
                continue;
            if (Writes.Within(loop.Body).Count(w => w.Variable == assign.Variable) == 1) result.Add(assign.Variable);
        }
        return result;
    }

    /// <summary>
    /// One statement of a counted loop's body (or of a branch in it): inner counted loops and if/else
    /// are reversed structurally, as items of the enclosing loop's reversed body; anything else goes into
    /// the open segment.
    /// </summary>
    private void EmitStructured(Stmt statement, Stmt? previous)
    {
        switch (statement)
        {
            case LoopStmt inner when StructuredLoop.Analyze(inner) is { } innerCounted:
                CloseSegment();
                _structuredItems!.Add(EmitCountedLoop(inner, innerCounted, previous, hot: true));
                break;
            case IfStmt branch:
                CloseSegment();
                _structuredItems!.Add(EmitStructuredBranch(branch));
                break;
            case AssignStmt assign when _updates.TryGetValue(assign.Variable, out var step):
            {
                // Reads before the update and after it see different values: separate segments, and
                // between their reversals the adjoint undoes the update.
                CloseSegment();
                EmitStatement(statement, inLoop: true, isLast: false);
                CloseSegment();
                string name = Name(assign.Variable);
                _structuredItems!.Add($"{name} = {name} - ({PrimalRenderer.RenderTop(step, Name, _spelling)});");
                break;
            }
            default:
                EmitStatement(statement, inLoop: true, isLast: false);
                if (statement is AssignStmt assigned && _inductions.TryGetValue(assigned.Variable, out var stepped)) stepped.Stepped = true;
                if (statement is AssignStmt defined && _definable.Contains(defined.Variable) && Rematerialized(defined.Value) is { } definition)
                    _definitions[defined.Variable] = definition;
                break;
        }
    }

    /// <summary>
    /// An if/else inside a counted loop: each branch records which one ran (1 or 0 on the control tape,
    /// after its own records), and the adjoint pops the flag and reverses that branch.
    /// </summary>
    private string EmitStructuredBranch(IfStmt branch)
    {
        var outer = _structuredItems;
        string Branch(EquatableArray<Stmt> statements, int flag)
        {
            var branchItems = new List<string>();
            _structuredItems = branchItems;
            for (int i = 0; i < statements.Count; i++) EmitStructured(statements[i], i > 0 ? statements[i - 1] : null);
            CloseSegment();
            _primal.Line($"{_controlTape}.Push({flag.ToString(CultureInfo.InvariantCulture)});");
            _loopRecords++;
            var reversed = new IndentedWriter();
            for (int i = branchItems.Count - 1; i >= 0; i--) reversed.Lines(branchItems[i]);
            return reversed.ToString();
        }
        string then, otherwise;
        using (_primal.Block($"if ({PrimalRenderer.RenderTop(branch.Condition, Name, _spelling)})")) then = Branch(branch.Then, 1);
        using (_primal.Block("else")) otherwise = Branch(branch.Else, 0);
        _structuredItems = outer;
        var w = new IndentedWriter();
        using (w.Block($"if ({_controlTape}.Pop() != 0)")) w.Lines(then);
        using (w.Block("else")) w.Lines(otherwise);
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
        if (previous is not AssignStmt init || init.Variable != counted.Counter || Rematerialized(init.Value, atItsPosition: true) is not { } first) return null;
        if (loop.Condition is not BinaryExpr { Left: VariableExpr tested } test || tested.Variable != counted.Counter || Rematerialized(test.Right, atItsPosition: true) is not { } last) return null;
        string bound = PrimalRenderer.RenderTop(last, Name, _spelling);
        string? end = (test.Op, counted.Step) switch
        {
            (BinaryOp.Less, 1) => bound,
            (BinaryOp.LessOrEqual, 1) => $"({bound}) + 1",
            (BinaryOp.Greater, -1) => bound,
            (BinaryOp.GreaterOrEqual, -1) => $"({bound}) - 1",
            _ => null,
        };
        return end is null ? null : (PrimalRenderer.RenderTop(first, Name, _spelling), end);
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
            var needed = new HashSet<Temp>(segment.AdjointReads);
            for (int i = segment.Temps.Count - 1; i >= 0; i--)
                if (needed.Contains(segment.Temps[i]) && segment.Temps[i].Reload is { } reload)
                    foreach (var dependency in reload.Temps) needed.Add(dependency);
            var recorded = new List<Temp>();
            foreach (var temp in segment.Temps)
            {
                if (!needed.Contains(temp)) continue;
                if (temp.Reload is { } reload)
                {
                    segment.Reloaded.Add(temp);
                    if (reload.ElementOf is int array && _settled.Contains(array)) _settledReloaded.Add(array);
                    continue;
                }
                recorded.Add(temp);
                _recorded.Add(temp.Kind);
                if (segment.Structured) _loopRecords++;
            }
            RecordOnTape(segment, recorded);
        }
        if (segment.Structured)
            _structuredItems!.Add(ReverseText(segment));
        else if (RecordsSegmentIds)
            _primal.Line($"{_controlTape}.Push({segment.Id.ToString(CultureInfo.InvariantCulture)});");
    }

    /// <summary>
    /// Records <paramref name="temps"/> on the tape: each right where the primal computes it when the segment
    /// records nothing else on the way (saved call arguments), so fewer values are live across the tape's
    /// growth call and the JIT keeps a loop's running values in registers; the rest at the segment's end.
    /// </summary>
    private void RecordOnTape(Segment segment, List<Temp> temps)
    {
        bool early = !segment.Steps.Any(s => s is RuleStep { Saved: not null });
        var atDefinition = early
            ? temps.Where(t => t.Definition is { } d && d.Writer == _primal).OrderBy(t => t.Definition!.Value.After.Offset).ToList()
            : new List<Temp>();
        for (int i = atDefinition.Count - 1; i >= 0; i--)
            _primal.Insert(atDefinition[i].Definition!.Value.After, $"{TapeOf(atDefinition[i].Kind)}.Push({atDefinition[i].Name});");
        segment.Pushed.AddRange(atDefinition);
        foreach (var temp in temps.Where(t => !atDefinition.Contains(t)))
        {
            segment.Pushed.Add(temp);
            _primal.Line($"{TapeOf(temp.Kind)}.Push({temp.Name});");
        }
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
                loop.HoistedTemps.Add(temp);
                loop.HoistedReloads.Add($"{temp.Name} = {load};");
                continue;
            }
            w.Line($"{temp.Name} = {temp.Reload!.Code};");
        }
        w.Lines(segment.Adjoint);
        return w.ToString();
    }
}
