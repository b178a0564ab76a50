using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.FrontEnd;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

// The primal sweep: statements, segments, returns.
internal sealed partial class ReverseEmitter
{
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
                _pooledLocals.EmitRent(_primal, rent, PrimalRenderer.RenderTop(rent.Length, Name, _spelling), _adjoint[rent.Variable]);
                break;
            case ReleaseStmt release:
                _pooledLocals.EmitRelease(_primal, release);
                break;
            case ClearStmt clear:
            {
                // A fresh zeroed array each iteration; in the adjoint, its adjoint starts again from zero.
                var variable = _ir.Variables[clear.Variable];
                _primal.Line(SourceEmitter.Clear(variable, variable.Name));
                Invalidate(clear.Variable);
                if (_adjoint[clear.Variable] is not null) OpenSegment(inLoop).Steps.Add(new ClearStep(clear.Variable));
                break;
            }
            case AllocateStmt allocate:
            {
                var variable = _ir.Variables[allocate.Variable];
                bool rent = !inLoop && _rentable.Contains(allocate.Variable);
                if (rent && !_rented.Contains(allocate.Variable)) _rented.Add(allocate.Variable);
                SourceEmitter.WriteAllocation(_primal, variable, variable.Name, PrimalRenderer.RenderTop(allocate.Length, Name, _spelling), allocate.OnStack, clear: false, rent, _spelling);
                if (_adjoint[allocate.Variable] is string adjoint)
                    SourceEmitter.WriteAllocation(_primal, variable, adjoint, variable.Name + ".Length", allocate.OnStack, clear: true, rent, _spelling);
                break;
            }
            case ReturnStmt ret:
                EmitReturn(ret, inLoop, isLast);
                break;
            case EffectStmt effect:
                // Runs once, in the primal sweep; a guard that throws leaves every shadow as it was.
                _primal.Line(PrimalRenderer.RenderEffect(effect, Name, _spelling));
                break;
            case IfStmt conditional:
                CloseSegment();
                using (_primal.Block($"if ({PrimalRenderer.RenderTop(conditional.Condition, Name, _spelling)})"))
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
        using (_primal.Block(testAtTop ? $"while ({PrimalRenderer.RenderTop(loop.Condition!, Name, _spelling)})" : "while (true)"))
        {
            EmitStatements(loop.Body, inLoop: true);
            CloseSegment();
            if (_continueLabels.TryGetValue(loop.LoopId, out var label)) _primal.Label(label);
            EmitStatements(loop.Increment, inLoop: true);
            CloseSegment();
            if (loop.ConditionAtEnd && loop.Condition is not null)
                _primal.Line($"if (!{PrimalRenderer.Render(loop.Condition, Name, _spelling)}) break;");
        }
    }

    private void EmitAssign(AssignStmt assign, bool inLoop)
    {
        var variable = _ir.Variables[assign.Variable];
        if (!Activity.IsActive(assign.Value, _active))
        {
            // A passive value: plain code. Overwriting an active variable cuts its adjoint.
            _primal.Line($"{variable.Name} = {PrimalRenderer.RenderTop(assign.Value, Name, _spelling)};");
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
            _primal.Line($"{variable.Name}[{PrimalRenderer.RenderTop(store.Index, Name, _spelling)}] = {PrimalRenderer.RenderTop(store.Value, Name, _spelling)};");
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
            _primal.Line(PrimalRenderer.RenderTop(new RuleCallExpr(call.Rule, call.Arguments, ScalarKind.Other, call.Site), Name, _spelling) + ";");
        }
        else
        {
            var segment = OpenSegment(inLoop);
            var arguments = LinearizeRuleArguments(call.Arguments, segment);
            _primal.Line($"{_spelling.RuleTarget(call.Rule)}({string.Join(", ", call.Rule.PrimalArguments(arguments).Select(a => a.Code))});");
            segment.Steps.Add(new RuleStep(call.Rule, arguments, null, FirstWrites(call, inLoop), SaveUnstableArguments(call.Site, arguments, segment), call.Site));
        }
        for (int i = 0; i < call.Arguments.Count; i++)
            if (call.Rule.Roles[i] == ArgumentRole.Output && call.Arguments[i] is ArrayRefExpr output) Invalidate(output.Variable);
    }

    /// <summary>
    /// The local output arrays <paramref name="call"/> writes for the first time in the method: it is
    /// itself a top-level statement and no earlier one writes them. Nothing reads their adjoint after the
    /// call's pullback (the storage is discarded or given back, and rented storage comes back zeroed), so
    /// the adjoint sweep need not clear it.
    /// </summary>
    private HashSet<int>? FirstWrites(RuleCallStmt call, bool inLoop)
    {
        if (inLoop || !ReferenceEquals(_ir.Body[_topLevelIndex], call)) return null;
        var first = new HashSet<int>();
        for (int i = 0; i < call.Arguments.Count; i++)
            if (call.Rule.Roles[i] == ArgumentRole.Output && call.Arguments[i] is ArrayRefExpr output
                && !_ir.Variables[output.Variable].IsParameter && _firstTopLevelWrite[output.Variable] == _topLevelIndex)
                first.Add(output.Variable);
        return first;
    }

    /// <summary>
    /// Scalar arguments become temporaries; arrays are passed by name (never recorded), slices with
    /// their bounds as temporaries (which the adjoint reads again for the shadows' slices).
    /// </summary>
    private Node[] LinearizeRuleArguments(EquatableArray<Expr> arguments, Segment segment)
        => arguments.Select(a => a is ArrayRefExpr array ? LinearizeArrayArgument(array, segment) : Linearize(a, segment)).ToArray();

    private Node LinearizeArrayArgument(ArrayRefExpr array, Segment segment)
    {
        if (array.Start is null) return new Node(Name(array.Variable), array.Kind, Active: false) { Array = array.Variable };
        var start = Linearize(array.Start, segment);
        var length = array.Length is null ? null : Linearize(array.Length, segment);
        return new Node(SliceSyntax.OfPrimal(Name(array.Variable), array.OnArray, start.Code, length?.Code), array.Kind, Active: false)
        {
            Array = array.Variable,
            Slice = (start, length),
        };
    }

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
            _primal.Line($"{_result} = {PrimalRenderer.RenderTop(ret.Value, Name, _spelling)};");
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
}
