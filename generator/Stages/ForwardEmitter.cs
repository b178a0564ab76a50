using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Forward mode: emits <c>{M}Tangent</c> (derivative along a direction, with the assembly's kink
/// choices) or <c>{M}Directional</c> (the exact one-sided directional derivative: nonsmooth primitives
/// use their one-sided rules and comparisons of active values are taken along the direction). The
/// control flow of the method is kept as written; every active variable carries a tangent beside it.
/// </summary>
internal sealed class ForwardEmitter
{
    private readonly MethodIr _ir;
    private readonly NonsmoothSettings _settings;
    private readonly bool _directional;
    private readonly IndentedWriter _w;
    private readonly NameScope _names;

    /// <summary>The kink counters' locals of this method (none in directional mode, which is exact at kinks).</summary>
    private readonly KinkCounting _kinks;
    private readonly string?[] _tangent;
    private readonly bool[] _active;
    private readonly Dictionary<int, string> _continueLabels = new();

    private ForwardEmitter(MethodIr ir, NonsmoothSettings settings, bool directional, IndentedWriter writer)
    {
        _ir = ir;
        _settings = settings;
        _directional = directional;
        _w = writer;
        _names = new NameScope(ir.Variables.Select(v => v.Name));
        _kinks = new KinkCounting(ir, _names);
        _active = ir.Variables.Select(v => v.IsActive).ToArray();
        _tangent = new string?[ir.Variables.Count];
    }

    /// <summary>Writes the whole <c>{M}Tangent</c> or <c>{M}Directional</c> method.</summary>
    public static void Emit(MethodIr ir, NonsmoothSettings settings, bool directional, IndentedWriter writer)
        => new ForwardEmitter(ir, settings, directional, writer).EmitMethod();

    /// <summary>Suffix of an instance method's forward body, which takes the object's state and its direction as parameters.</summary>
    public const string UncheckedSuffix = "Unchecked";

    private void EmitMethod()
    {
        // The body's parameters: values, then a tangent per differentiable input, then output tangents.
        // For an instance method the object's state and its direction are parameters of the body
        // (generated callers pass their own), and the public member reads them from this and a Tangent.
        var parameters = new List<string>();
        var publicParameters = new List<string>();
        var arguments = new List<string>(); // what the public member passes to the body
        var publicArguments = new List<string>(); // the public member's parameters as arguments
        void Add(string declaration, string argument, bool isPublic)
        {
            parameters.Add(declaration);
            arguments.Add(argument);
            if (!isPublic) return;
            publicParameters.Add(declaration);
            publicArguments.Add(argument);
        }
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (ObjectState.TakesArgument(variable)) Add(variable.TypeName + " " + variable.Name, variable.Name, isPublic: true);
        }
        // Directions: one per differentiable parameter in order, a Tangent per object parameter, the receiver's last.
        string? receiverBundle = ObjectState.NeedsReceiverDirection(_ir) ? _names.Fresh("tstate") : null;
        var bundles = new Dictionary<string, string>(); // object root -> its direction argument
        if (receiverBundle is not null) bundles["this"] = receiverBundle;
        var classBundles = new HashSet<string>();
        if (receiverBundle is not null && !_ir.Receiver!.IsValueType) classBundles.Add(receiverBundle);
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (variable.ObjectType is { HasDerivative: true } objectType)
            {
                string bundle = _names.Fresh(ObjectState.BundleOf(variable, "t"));
                bundles[variable.Name] = bundle;
                if (!objectType.IsValueType) classBundles.Add(bundle);
                publicParameters.Add(objectType.TangentTypeName + " " + bundle);
                publicArguments.Add(bundle);
                continue;
            }
            if (!variable.IsDifferentiableParameter) continue;
            _tangent[i] = _names.Fresh("t" + Identifiers.Bare(variable.Name));
            string tangentType = variable.IsScalar ? variable.Kind.Keyword() : "global::System.ReadOnlySpan<" + variable.Kind.Keyword() + ">";
            Add(tangentType + " " + _tangent[i], variable.Member is { } member ? ObjectState.BundleMember(member, bundles[member.Root]) : _tangent[i]!, variable.Member is null);
        }
        if (receiverBundle is not null)
        {
            publicParameters.Add(ObjectState.TangentType + " " + receiverBundle);
            publicArguments.Add(receiverBundle);
        }
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (!variable.IsOutput) continue;
            _tangent[i] = _names.Fresh("t" + Identifiers.Bare(variable.Name));
            Add($"global::System.Span<{variable.Kind.Keyword()}> {_tangent[i]}", _tangent[i]!, isPublic: true);
        }
        string type = _ir.ReturnKind.Keyword();
        string returns = _ir.ReturnsVoid ? "void" : $"({type} Value, {type} Tangent)";
        string suffix = _directional ? "Directional" : "Tangent";
        if (_directional && !DirectionalDiffers())
        {
            // No kink, no branch on a differentiable value and no call whose own directional form could
            // differ: the exact directional derivative is the tangent.
            SourceEmitter.WriteDocs(_w, $"Exact one-sided directional derivative of <see cref=\"{_ir.Name}\"/> at the point along (t...); the method has no kink and no branch on a differentiable value, so it is <see cref=\"{_ir.Name}Tangent\"/>.");
            _w.Line($"{_ir.Accessibility} {_ir.StaticModifier}{returns} {_ir.Name}{suffix}({string.Join(", ", publicParameters)}) => {_ir.Name}Tangent({string.Join(", ", publicArguments)});");
            return;
        }
        string docs = _directional
            ? $"Exact one-sided directional derivative of <see cref=\"{_ir.Name}\"/> at the point along (t...): nonsmooth primitives and branches are taken on the side the direction enters."
            : $"Forward mode: the value of <see cref=\"{_ir.Name}\"/> and its derivative along the direction (t...).";
        string name = _ir.Name + suffix;
        if (_ir.ReadsObjects)
        {
            SourceEmitter.WriteDocs(_w, docs + " An object's direction is a Tangent, one member per differentiable member.");
            using (_w.Block($"{_ir.Accessibility} {_ir.StaticModifier}{returns} {name}({string.Join(", ", publicParameters)})"))
            {
                ObjectState.WriteChecks(_w, _ir, root => bundles.TryGetValue(root, out var bundle) ? bundle : null, classBundles);
                WriteArgumentChecks();
                _w.Line($"{(_ir.ReturnsVoid ? "" : "return ")}{name}{UncheckedSuffix}({string.Join(", ", arguments)});");
            }
            _w.Line();
            SourceEmitter.WriteDocs(_w, $"The body of <see cref=\"{name}\"/>, the objects' directions passed member by member, without argument checks: generated callers call it directly.");
            _w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            name += UncheckedSuffix;
        }
        else
        {
            SourceEmitter.WriteDocs(_w, docs);
        }
        using (_w.Block($"{_ir.Accessibility} {_ir.StaticModifier}{returns} {name}({string.Join(", ", parameters)})"))
        {
            if (!_ir.ReadsObjects) WriteArgumentChecks();
            ObjectState.WriteBindings(_w, _ir);
            // Output tangents are results: defined everywhere, zero where nothing differentiable is written.
            for (int i = 0; i < _ir.ParameterCount; i++)
                if (_ir.Variables[i].IsOutput) _w.Line($"{_tangent[i]}.Clear();");
            for (int i = 0; i < _ir.Variables.Count; i++)
            {
                var variable = _ir.Variables[i];
                if (i >= _ir.ParameterCount) _w.Line(SourceEmitter.Declaration(variable, variable.Name));
                if (variable.IsActive && _tangent[i] is null && !variable.IsOutput)
                {
                    _tangent[i] = _names.Fresh(Identifiers.Bare(variable.Name) + "_dot");
                    _w.Line(SourceEmitter.Declaration(variable, _tangent[i]!));
                }
            }
            // Kink counter locals, one per call site of a primitive with kinks, added to the counters before each return.
            if (!_directional)
            {
                foreach (var p in IrTree.AllExpressions(_ir.Body).OfType<PrimitiveCallExpr>())
                    if (PrimitiveRegistry.Rule(p.Primitive) is { KinkHit: not null } rule && Activity.IsActive(p, _active)) _kinks.Local(rule, p.Site);
                foreach (var declaration in _kinks.Declarations()) _w.Line(declaration);
            }
            EmitStatements(_ir.Body);
            if (_ir.ReturnsVoid) FlushKinks();
        }
    }

    private void FlushKinks()
    {
        foreach (var flush in _kinks.Flushes()) _w.Line(flush);
    }

    private void WriteArgumentChecks()
    {
        for (int i = 0; i < _ir.ParameterCount; i++)
            if (!_ir.Variables[i].IsScalar && _tangent[i] is string tangent && ObjectState.TakesArgument(_ir.Variables[i]))
                SourceEmitter.WriteLengthCheck(_w, _ir.Variables[i].Name, tangent);
        WriteAliasingChecks();
    }

    /// <summary>
    /// Output tangents and outputs are written while span inputs and input tangents are still read: a written span
    /// sharing memory with any other span argument (written or read) throws before anything is written.
    /// </summary>
    private void WriteAliasingChecks()
    {
        var outputTangents = new List<AliasingChecks.SpanArgument>();
        var outputs = new List<AliasingChecks.SpanArgument>();
        var all = new List<AliasingChecks.SpanArgument>();
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (variable.IsScalar || !ObjectState.TakesArgument(variable)) continue;
            var span = new AliasingChecks.SpanArgument(variable.Name, variable.Kind);
            all.Add(span);
            if (variable.IsOutput) outputs.Add(span);
        }
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            if (_ir.Variables[i].IsScalar || _tangent[i] is not string tangent || !ObjectState.TakesArgument(_ir.Variables[i])) continue;
            var span = new AliasingChecks.SpanArgument(tangent, _ir.Variables[i].Kind);
            all.Add(span);
            if (_ir.Variables[i].IsOutput) outputTangents.Add(span);
        }
        // Tangents first: an output tangent overlapping its primal output is named by the tangent.
        AliasingChecks.Write(_w, outputTangents.Concat(outputs), all);
    }

    private void EmitStatements(EquatableArray<Stmt> statements)
    {
        foreach (var statement in statements) EmitStatement(statement);
    }

    private void EmitStatement(Stmt statement)
    {
        switch (statement)
        {
            case AssignStmt assign:
                EmitAssign(assign);
                break;
            case StoreStmt store:
            {
                var (value, tangent) = EmitExpr(store.Value);
                string index = PrimalRenderer.RenderTop(store.Index, Name);
                if (_ir.Variables[store.Variable].IsActive)
                    _w.Line($"{_tangent[store.Variable]}[{index}] = {(tangent ?? Zero(store.Value.Kind)).Statement};");
                _w.Line($"{Name(store.Variable)}[{index}] = {value.Statement};");
                break;
            }
            case RuleCallStmt call:
                EmitRuleStatement(call);
                break;
            case AllocateStmt { Pooled: true } rent:
                // The user's rented array; its tangent is a zeroed array as long as what the pool handed out.
                _w.Line(PooledLocals.RentLine(_ir.Variables[rent.Variable], Name(rent.Variable), PrimalRenderer.RenderTop(rent.Length, Name)));
                if (_tangent[rent.Variable] is string rentedTangent)
                    SourceEmitter.WriteAllocation(_w, _ir.Variables[rent.Variable], rentedTangent, Name(rent.Variable) + ".Length", onStack: false, clear: true);
                break;
            case ClearStmt clear:
                _w.Line(SourceEmitter.Clear(_ir.Variables[clear.Variable], Name(clear.Variable)));
                if (_tangent[clear.Variable] is string clearedTangent) _w.Line(SourceEmitter.Clear(_ir.Variables[clear.Variable], clearedTangent));
                break;
            case ReleaseStmt release:
                _w.Line(PooledLocals.ReturnLine(_ir.Variables[release.Variable], Name(release.Variable), release.ClearArray));
                break;
            case AllocateStmt allocate:
                SourceEmitter.WriteAllocation(_w, _ir.Variables[allocate.Variable], Name(allocate.Variable), PrimalRenderer.RenderTop(allocate.Length, Name), allocate.OnStack, clear: false);
                if (_tangent[allocate.Variable] is string allocatedTangent)
                    SourceEmitter.WriteAllocation(_w, _ir.Variables[allocate.Variable], allocatedTangent, Name(allocate.Variable) + ".Length", allocate.OnStack, clear: true);
                break;
            case ReturnStmt { Value: null }:
                FlushKinks();
                _w.Line("return;");
                break;
            case EffectStmt effect:
                _w.Line(PrimalRenderer.RenderEffect(effect, Name));
                break;
            case ReturnStmt { Value: { } returned }:
            {
                var (value, tangent) = EmitExpr(returned);
                FlushKinks();
                _w.Line($"return ({value.Statement}, {(tangent ?? Zero(_ir.ReturnKind)).Operand});");
                break;
            }
            case IfStmt conditional:
            {
                var condition = EmitCondition(conditional.Condition);
                using (_w.Block($"if ({condition.Statement})")) EmitStatements(conditional.Then);
                if (conditional.Else.Count > 0)
                    using (_w.Block("else")) EmitStatements(conditional.Else);
                break;
            }
            case LoopStmt loop:
                EmitLoop(loop);
                break;
            case BreakStmt:
                _w.Line("break;");
                break;
            case ContinueStmt c:
                _w.Line(_continueLabels.TryGetValue(c.LoopId, out var label) ? $"goto {label};" : "continue;");
                break;
        }
    }

    private void EmitAssign(AssignStmt assign)
    {
        var variable = _ir.Variables[assign.Variable];
        var (value, tangent) = EmitExpr(assign.Value);
        if (variable.IsActive)
            _w.Line($"{_tangent[assign.Variable]} = {(tangent ?? Zero(variable.Kind)).Statement};");
        _w.Line($"{variable.Name} = {value.Statement};");
    }

    private void EmitLoop(LoopStmt loop)
    {
        if (ControlFlow.ContinueNeedsLabel(loop))
            _continueLabels[loop.LoopId] = _names.Fresh("continue_" + loop.LoopId.ToString(CultureInfo.InvariantCulture));
        bool simpleHead = loop.Condition is not null && !loop.ConditionAtEnd && !NeedsPrelude(loop.Condition);
        string head = simpleHead ? $"while ({EmitCondition(loop.Condition!).Statement})" : "while (true)";
        using (_w.Block(head))
        {
            if (!simpleHead && !loop.ConditionAtEnd && loop.Condition is not null)
                _w.Line($"if (!{EmitCondition(loop.Condition)}) break;");
            EmitStatements(loop.Body);
            if (_continueLabels.TryGetValue(loop.LoopId, out var label)) _w.Label(label);
            EmitStatements(loop.Increment);
            if (loop.ConditionAtEnd && loop.Condition is not null)
                _w.Line($"if (!{EmitCondition(loop.Condition)}) break;");
        }
    }

    // ---------------------------------------------------------------- conditions

    /// <summary>Whether evaluating the condition writes temporaries (directional comparisons of active values).</summary>
    private bool NeedsPrelude(Expr condition) => _directional && HasActiveComparison(condition);

    /// <summary>
    /// Whether directional mode computes anything tangent mode does not: an active nonsmooth primitive,
    /// a comparison of active values anywhere, or a call of a [Differentiable] method (which runs its
    /// own directional form).
    /// </summary>
    private bool DirectionalDiffers() => IrTree.AllExpressions(_ir.Body).Any(e => e switch
    {
        PrimitiveCallExpr p => PrimitiveRegistry.Rule(p.Primitive).Directional is not null && Activity.IsActive(p, _active),
        BinaryExpr b when IsComparison(b.Op) => Activity.IsActive(b.Left, _active) || Activity.IsActive(b.Right, _active),
        UserCallExpr => true,
        _ => false,
    });

    private bool HasActiveComparison(Expr expr) => expr switch
    {
        BinaryExpr b when IsComparison(b.Op) => Activity.IsActive(b.Left, _active) || Activity.IsActive(b.Right, _active),
        BinaryExpr b => HasActiveComparison(b.Left) || HasActiveComparison(b.Right),
        UnaryExpr u => HasActiveComparison(u.Operand),
        ConditionalExpr c => HasActiveComparison(c.Condition) || HasActiveComparison(c.WhenTrue) || HasActiveComparison(c.WhenFalse),
        _ => false,
    };

    /// <summary>
    /// Renders a condition. In directional mode, comparisons of active values compare (value, tangent)
    /// pairs lexicographically, i.e. at the point moved infinitesimally along the direction.
    /// </summary>
    private Code EmitCondition(Expr condition)
    {
        if (!NeedsPrelude(condition)) return PrimalRenderer.RenderCode(condition, Name);
        switch (condition)
        {
            case BinaryExpr b when IsComparison(b.Op) && (Activity.IsActive(b.Left, _active) || Activity.IsActive(b.Right, _active)):
            {
                var (left, leftTangent) = EmitExpr(b.Left);
                var (right, rightTangent) = EmitExpr(b.Right);
                var kind = b.Left.Kind;
                var lt = leftTangent ?? Zero(kind);
                var rt = rightTangent ?? Zero(kind);
                const string Rules = "global::DiffGen.NonsmoothRules";
                return b.Op switch
                {
                    BinaryOp.Greater => Code.Atom($"{Rules}.GreaterAlong({left}, {lt}, {right}, {rt})"),
                    BinaryOp.GreaterOrEqual => Code.Atom($"{Rules}.GreaterOrEqualAlong({left}, {lt}, {right}, {rt})"),
                    BinaryOp.Less => Code.Atom($"{Rules}.GreaterAlong({right}, {rt}, {left}, {lt})"),
                    BinaryOp.LessOrEqual => Code.Atom($"{Rules}.GreaterOrEqualAlong({right}, {rt}, {left}, {lt})"),
                    BinaryOp.Equal => Code.Atom($"{Rules}.EqualAlong({left}, {lt}, {right}, {rt})"),
                    _ => Code.Composite($"!{Rules}.EqualAlong({left}, {lt}, {right}, {rt})"),
                };
            }
            case BinaryExpr { Op: BinaryOp.ConditionalAnd or BinaryOp.ConditionalOr } b when NeedsPrelude(b.Right):
            {
                // The right operand's temporaries run only where C# evaluates it.
                string result = _names.Fresh("_c");
                _w.Line($"bool {result} = {EmitCondition(b.Left)};");
                using (_w.Block(b.Op == BinaryOp.ConditionalAnd ? $"if ({result})" : $"if (!{result})"))
                    _w.Line($"{result} = {EmitCondition(b.Right)};");
                return Code.Atom(result);
            }
            case ConditionalExpr c when NeedsPrelude(c.WhenTrue) || NeedsPrelude(c.WhenFalse):
            {
                string result = _names.Fresh("_c");
                _w.Line($"bool {result};");
                using (_w.Block($"if ({EmitCondition(c.Condition)})"))
                    _w.Line($"{result} = {EmitCondition(c.WhenTrue)};");
                using (_w.Block("else"))
                    _w.Line($"{result} = {EmitCondition(c.WhenFalse)};");
                return Code.Atom(result);
            }
            case BinaryExpr b:
                return Code.Composite(EmitCondition(b.Left) + " " + PrimalRenderer.BinaryToken(b.Op) + " " + EmitCondition(b.Right));
            case UnaryExpr u:
                return Code.Composite(PrimalRenderer.UnaryToken(u.Op) + EmitCondition(u.Operand));
            case ConditionalExpr c:
                return Code.Composite(EmitCondition(c.Condition) + " ? " + EmitCondition(c.WhenTrue) + " : " + EmitCondition(c.WhenFalse));
            default:
                return PrimalRenderer.RenderCode(condition, Name);
        }
    }

    private static bool IsComparison(BinaryOp op)
        => op is BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Equal or BinaryOp.NotEqual;

    // ---------------------------------------------------------------- expressions

    private string Name(int variable) => _ir.Variables[variable].Name;

    /// <summary>
    /// Emits temporaries for <paramref name="expr"/> and returns code for its value and its tangent
    /// (null when the tangent is zero: passive values get no derivative code at all).
    /// </summary>
    private (Code Value, Code? Tangent) EmitExpr(Expr expr)
    {
        if (!Activity.IsActive(expr, _active)) return (PrimalRenderer.RenderCode(expr, Name), null);
        var kind = expr.Kind;
        switch (expr)
        {
            case VariableExpr v:
                return (Code.Atom(Name(v.Variable)), _tangent[v.Variable] is string t ? Code.Atom(t) : null);
            case ElementExpr e:
            {
                string index = PrimalRenderer.RenderTop(e.Index, Name);
                return (Code.Atom($"{Name(e.Variable)}[{index}]"), Code.Atom($"{_tangent[e.Variable]}[{index}]"));
            }
            case UnaryExpr { Op: UnaryOp.Negate } u:
            {
                var (value, tangent) = EmitExpr(u.Operand);
                return (Code.Composite("-" + value), tangent is null ? null : Code.Composite("-" + tangent));
            }
            case UnaryExpr u:
                return EmitExpr(u.Operand);
            case ConvertExpr c:
            {
                var (value, tangent) = EmitExpr(c.Operand);
                return (Code.Composite($"({c.TypeName}){value}"), tangent is null ? null : Code.Composite($"({c.TypeName}){tangent}"));
            }
            case ConditionalExpr c:
            {
                // Active conditionals reach here only inside directional conditions (the front end lifts
                // the others into if/else): only the selected arm runs, as in C#.
                string value = _names.Temp();
                string tangent = _names.Fresh(value + "_dot");
                _w.Line($"{kind.Keyword()} {value}, {tangent};");
                using (_w.Block($"if ({EmitCondition(c.Condition)})"))
                {
                    var (a, ta) = EmitExpr(c.WhenTrue);
                    _w.Line($"{value} = {a};");
                    _w.Line($"{tangent} = {ta ?? Zero(kind)};");
                }
                using (_w.Block("else"))
                {
                    var (b, tb) = EmitExpr(c.WhenFalse);
                    _w.Line($"{value} = {b};");
                    _w.Line($"{tangent} = {tb ?? Zero(kind)};");
                }
                return (Code.Atom(value), Code.Atom(tangent));
            }
            case BinaryExpr b:
            {
                var (left, leftTangent) = EmitExpr(b.Left);
                var (right, rightTangent) = EmitExpr(b.Right);
                var rule = PrimitiveRegistry.Rule(b.Op);
                string y = Temp(kind, $"{left} {PrimalRenderer.BinaryToken(b.Op)} {right}");
                var partials = new FormulaRenderer(kind, new[] { left.Operand, right.Operand }, y, null, _settings);
                return (Code.Atom(y), TempTangent(kind, y, Sum(Product(partials, leftTangent, rule.Partials[0]), Product(partials, rightTangent, rule.Partials[1]))));
            }
            case PrimitiveCallExpr p:
                return EmitPrimitive(p);
            case UserCallExpr call:
                return EmitUserCall(call);
            case RuleCallExpr rule:
            {
                string y = _names.Temp();
                string dy = _names.Fresh(y + "_dot");
                string call = $"var ({y}, {dy}) = {rule.Rule.Tangent}({RuleArguments(rule.Rule, rule.Arguments)});";
                WithKinkSite(rule.Site, () => _w.Line(call));
                return (Code.Atom(y), Code.Atom(dy));
            }
            default:
                return (PrimalRenderer.RenderCode(expr, Name), null);
        }
    }

    private (Code, Code?) EmitPrimitive(PrimitiveCallExpr p)
    {
        var kind = p.Kind;
        var rule = PrimitiveRegistry.Rule(p.Primitive);
        int arity = rule.Arity;
        var values = new Code[p.Arguments.Count];
        var tangents = new Code?[p.Arguments.Count];
        for (int i = 0; i < values.Length; i++) (values[i], tangents[i]) = EmitExpr(p.Arguments[i]);
        string y = Temp(kind, $"{p.Target}({string.Join(", ", values.Select(v => v.Statement))})");
        // Formulas may read every argument (RootN's and ScaleB's integer n); only the first arity have tangents.
        var argumentValues = values.Select(v => v.Operand).ToArray();
        if (_directional && rule.Directional is { } directional)
        {
            var zeroFilled = tangents.Take(arity).Select(t => (t ?? Zero(kind)).Operand).ToArray();
            var renderer = new FormulaRenderer(kind, argumentValues, y, zeroFilled, _settings);
            return (Code.Atom(y), TempTangent(kind, y, new Code(renderer.Render(directional), renderer.RenderStatement(directional))));
        }
        var partials = new FormulaRenderer(kind, argumentValues, y, null, _settings);
        Code? tangent = null;
        for (int i = 0; i < arity; i++) tangent = Sum(tangent, Product(partials, tangents[i], rule.Partials[i]));
        var result = (Code.Atom(y), TempTangent(kind, y, tangent));
        if (!_directional && _kinks.Statement(rule, partials, p.Site) is { } count) _w.Line(count);
        return result;
    }

    private (Code, Code?) EmitUserCall(UserCallExpr call)
    {
        var arguments = new List<string>();
        var tangents = new List<string>();
        for (int i = 0; i < call.Arguments.Count; i++)
        {
            var (value, tangent) = EmitExpr(call.Arguments[i]);
            arguments.Add(value.Statement);
            if (call.Callee.Differentiable[i]) tangents.Add((tangent ?? Zero(call.Arguments[i].Kind)).Statement);
        }
        string y = _names.Temp();
        string dy = _names.Fresh(y + "_dot");
        _w.Line($"var ({y}, {dy}) = {call.Callee.Target}{(_directional ? "Directional" : "Tangent")}({string.Join(", ", arguments.Concat(tangents))});");
        return (Code.Atom(y), Code.Atom(dy));
    }

    /// <summary>
    /// A rule-backed call writing outputs: with differentiable inputs, the tangent rule computes the
    /// outputs and their tangents; otherwise the plain call.
    /// </summary>
    private void EmitRuleStatement(RuleCallStmt call)
    {
        if (!Activity.AnyActiveInput(call.Rule, call.Arguments, _active))
        {
            _w.Line(PrimalRenderer.RenderTop(new RuleCallExpr(call.Rule, call.Arguments, ScalarKind.Other, call.Site), Name) + ";");
            return;
        }
        string tangentCall = $"{call.Rule.Tangent}({RuleArguments(call.Rule, call.Arguments)});";
        WithKinkSite(call.Site, () => _w.Line(tangentCall));
    }

    /// <summary>Writes a rule's tangent call as the call site of the kinks the rule counts (when the front end listed its line).</summary>
    private void WithKinkSite(int site, Action write)
    {
        if (_ir.LineOf(site) == 0)
        {
            write();
            return;
        }
        string scope = _names.Fresh("kinkSite");
        _w.Line(_kinks.Enter(scope, site));
        write();
        _w.Line(KinkCounting.Exit(scope));
    }

    /// <summary>
    /// The arguments of a tangent rule: the primal arguments, then a tangent per input, then a tangent
    /// buffer per output. A passive array's tangent is an empty span (zero, by the rule convention).
    /// </summary>
    private string RuleArguments(RuleInfo rule, EquatableArray<Expr> arguments)
    {
        var values = new List<string>();
        var inputs = new List<string>();
        var outputs = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is ArrayRefExpr array)
            {
                string tangent = _tangent[array.Variable] ?? "default";
                if (array.Start is not null)
                {
                    string start = EmitExpr(array.Start).Value.Statement;
                    string? length = array.Length is null ? null : EmitExpr(array.Length).Value.Statement;
                    values.Add(SliceSyntax.OfPrimal(Name(array.Variable), array.OnArray, start, length));
                    if (_tangent[array.Variable] is string whole)
                        tangent = SliceSyntax.OfShadow(whole, array.Kind, readOnly: rule.Roles[i] != ArgumentRole.Output, start, length);
                }
                else
                {
                    values.Add(Name(array.Variable));
                }
                if (rule.Roles[i] == ArgumentRole.Input) inputs.Add(tangent);
                else if (rule.Roles[i] == ArgumentRole.Output) outputs.Add(tangent);
                continue;
            }
            var (value, scalarTangent) = EmitExpr(arguments[i]);
            values.Add(value.Statement);
            if (rule.Roles[i] == ArgumentRole.Input) inputs.Add((scalarTangent ?? Zero(arguments[i].Kind)).Statement);
        }
        return string.Join(", ", rule.PrimalArguments(values).Concat(inputs).Concat(outputs));
    }

    /// <summary>A temporary holding <paramref name="value"/>, the text of an expression in statement form.</summary>
    private string Temp(ScalarKind kind, string value)
    {
        string name = _names.Temp();
        _w.Line($"{kind.Keyword()} {name} = {value};");
        return name;
    }

    private Code? TempTangent(ScalarKind kind, string value, Code? tangent)
    {
        if (tangent is not { } t) return null;
        string name = _names.Fresh(value + "_dot");
        _w.Line($"{kind.Keyword()} {name} = {t.Statement};");
        return Code.Atom(name);
    }

    private static Code Zero(ScalarKind kind) => Code.Atom(kind.Literal(0));

    /// <summary>tangent × partial; as in <see cref="FormulaRenderer.Times"/>, a unit partial passes the tangent and -1 negates it; a zero partial gives none.</summary>
    private static Code? Product(FormulaRenderer partials, Code? tangent, Formula partial) => tangent is not { } t ? null : partial switch
    {
        ConstantFormula { Value: 0 } => null,
        ConstantFormula { Value: 1 } => t,
        ConstantFormula { Value: -1 } => Code.Composite("-" + t.Operand),
        _ => Code.Atom(partials.Times(t.Operand, partial)),
    };

    /// <summary>The sum of tangent terms. Sums and products only go into a tangent temporary or another
    /// sum, never under a tighter operator, so their operand form needs no parentheses.</summary>
    private static Code? Sum(Code? a, Code? b) => a is not { } x ? b : b is not { } y ? a : Code.Atom(x.Operand + " + " + y.Operand);
}
