using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
internal sealed partial class ReverseEmitter
{
    private readonly MethodIr _ir;
    private readonly NonsmoothSettings _settings;
    private readonly NameScope _names;
    private readonly bool[] _active;
    private readonly bool[] _written;
    private readonly string?[] _adjoint;
    private readonly bool _straight;

    /// <summary>The top level runs each of its segments once, in order: no segment ids (<see cref="AdjointReplay"/>).</summary>
    private readonly bool _sequential;
    private IndentedWriter _primal = new();
    private int _topLevelIndex;
    private int _loopRecords;
    private readonly int[] _lastTopLevelWrite;
    private readonly int[] _firstTopLevelWrite;
    private readonly bool[] _locallyAllocated;
    private readonly List<Segment> _segments = new();
    private readonly List<Temp> _hoisted = new();
    private readonly Dictionary<int, string> _continueLabels = new();
    private readonly string _result;
    private readonly string _seed;
    private readonly bool _gradientBody;

    /// <summary>The types the body is rendered in: the method's own, or dual numbers (<c>{M}PullbackUncheckedDual</c>).</summary>
    private readonly ScalarSpelling _spelling;

    /// <summary>The seed's code in the adjoint sweep: the seed parameter, or 1 in a <c>{M}Gradient</c> with its own body.</summary>
    private string SeedValue => _gradientBody ? _ir.ReturnKind.Literal(1) : _seed;
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

    /// <summary>Variables updated once per iteration of an enclosing counted loop, undone by its adjoint (<see cref="StructuredLoop.Updates"/>).</summary>
    private readonly Dictionary<int, Expr> _updates = new();

    /// <summary>
    /// Passive int locals assigned once per iteration of the counted loop being emitted, from plain
    /// arithmetic the adjoint can evaluate again (an index computed by formula): after that assignment,
    /// reads of them are recomputed from the definition instead of recorded.
    /// </summary>
    private readonly Dictionary<int, Expr> _definitions = new();

    /// <summary>The variables of the innermost counted loop being emitted that may get a <see cref="_definitions"/> entry.</summary>
    private HashSet<int> _definable = new();
    private readonly HashSet<int> _rentable;
    private readonly HashSet<(int Site, int Argument)> _unstable;
    private readonly PooledLocals _pooledLocals;
    private readonly List<int> _rented = new();
    private readonly List<string> _declarations = new();

    /// <summary>Methods of hot inner loops the body calls (<see cref="LoopOutlining"/>), written after it.</summary>
    private readonly List<string> _outlined = new();

    /// <summary>The kink counters' locals of this method.</summary>
    private readonly KinkCounting _kinks;
    private int _fusedDepth;
    private readonly HashSet<int> _settled = new();
    private readonly HashSet<int> _settledReloaded = new();
    private Promotion? _promotion;
    private Stmt? _previous;

    /// <summary>The suffix of the pullback without argument checks that generated callers call (<c>{M}PullbackUnchecked</c>).</summary>
    public const string UncheckedPullbackSuffix = "PullbackUnchecked";

    /// <summary>The suffix of a reverse body rendered over dual numbers: <c>{M}PullbackUncheckedDual</c>.</summary>
    public const string DualSuffix = "Dual";

    private ReverseEmitter(MethodIr ir, NonsmoothSettings settings, bool gradientBody, ScalarSpelling? spelling = null)
    {
        _ir = ir;
        _spelling = spelling ?? ScalarSpelling.Primal;
        _gradientBody = gradientBody;
        _settings = settings;
        _names = new NameScope(ir.Variables.Select(v => v.Name));
        _kinks = new KinkCounting(ir, _names);
        _active = ir.Variables.Select(v => v.IsActive).ToArray();
        _written = Activity.WrittenVariables(ir.Variables, ir.Body);
        _lastTopLevelWrite = RegionRecompute.LastTopLevelWrites(ir.Variables.Count, ir.Body);
        _firstTopLevelWrite = RegionRecompute.FirstTopLevelWrites(ir.Variables.Count, ir.Body);
        _locallyAllocated = new bool[ir.Variables.Count];
        var statements = IrTree.AllStatements(ir.Body).ToList();
        foreach (var allocation in statements.OfType<AllocateStmt>()) _locallyAllocated[allocation.Variable] = true;
        foreach (var assignment in statements.OfType<AssignStmt>()) _locallyAllocated[assignment.Variable] = false;
        _adjoint = new string?[ir.Variables.Count];
        _straight = !ControlFlow.HasControlFlow(ir.Body);
        _sequential = !_straight && AdjointReplay.IsSequential(ir, _written);
        _rentable = ScratchArrayPlan.Rentable(ir);
        _unstable = new HashSet<(int, int)>(UnstableArrayArguments.Find(ir.Body).Select(a => (a.Site, a.Index)));
        _pooledLocals = new PooledLocals(ir, _names);
        _result = _names.Fresh("result");
        _seed = _names.Fresh("seed");
        _controlTape = _names.Fresh("segments");
        _doubleTape = _names.Fresh("tape");
        _floatTape = _names.Fresh("tapeF");
        _reverseLabel = _names.Fresh("reverse");
    }

    /// <summary>
    /// Writes the reverse-mode members: <c>{M}Gradient</c> (for a scalar result) and <c>{M}Pullback</c>,
    /// both thin wrappers that check their arguments and run one reverse body,
    /// <c>{M}PullbackUnchecked(params..., seed, shadows...)</c>, which starts the sweep from the seed,
    /// adds to every shadow (<c>ref T</c> for scalars) and returns the value. Generated callers call the
    /// unchecked body directly; the pullback has the signature of a <c>[DerivativeOf]</c> pullback.
    /// </summary>
    public static void Emit(MethodIr ir, NonsmoothSettings settings, IndentedWriter writer)
    {
        // A straight-line method's gradient keeps a body of its own, started from a literal 1: for a
        // function of a few operations, the call into the shared body and the seed's multiplications
        // cost more than the body's size saves.
        if (!ir.ReturnsVoid && !ir.ReadsObjects && !ControlFlow.HasControlFlow(ir.Body))
        {
            new ReverseEmitter(ir, settings, gradientBody: true).EmitMethod(writer);
            writer.Line();
        }
        new ReverseEmitter(ir, settings, gradientBody: false).EmitMethod(writer);
    }

    /// <summary>
    /// Writes <c>{M}PullbackUncheckedDual</c>: the reverse body of <see cref="Emit"/>, the same plan rendered
    /// over dual numbers (<see cref="ScalarSpelling.Dual(NonsmoothSettings, System.Collections.Generic.IEnumerable{string})"/>). Run from inputs x + εv and the seed 1 + 0ε,
    /// its shadows hold the gradient plus ε times H·v: forward mode over the reverse sweep.
    /// </summary>
    public static void EmitDual(MethodIr ir, NonsmoothSettings settings, IndentedWriter writer)
        => new ReverseEmitter(ir, settings, gradientBody: false, ScalarSpelling.Dual(settings, HessianSupport.LiftedParameters(ir))).EmitMethod(writer);

    private void EmitMethod(IndentedWriter w)
    {
        // The reverse body's value parameters are the method's own (the objects themselves, for object
        // parameters); object members are read at its entry. It takes a shadow for every differentiable
        // input, object members included, so generated callers can pass slices of their own adjoints. The
        // public members take one Tangent per object instead (the receiver's last, or its Parameters' Grad).
        var values = new List<string>(); // the body's and the public members' value parameters
        var valueArguments = new List<string>();
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (!ObjectState.TakesArgument(variable)) continue;
            values.Add(_spelling.ParameterTypeName(variable) + " " + variable.Name);
            valueArguments.Add(variable.Name);
        }

        var shadows = new List<(string Shadow, int Variable)>(); // the array and scalar shadows callers of the public members pass
        var bodyShadows = new List<(string Shadow, int Variable)>(); // the body's, objects' members included
        var shadowDeclarations = new List<string>(); // the body's (ref for scalars)
        var gradientShadows = new List<string>(); // {M}Gradient's (out for scalars and struct tangents)
        var pullbackShadows = new List<string>(); // {M}Pullback's (ref for scalars and struct tangents)
        var shadowArguments = new List<string>(); // what the public members pass for the body's shadows, receiver's excepted
        var objectBundles = new Dictionary<string, string>(); // object parameter -> its Tangent argument
        var structBundles = new List<(string Bundle, string Object, ObjectParameter Type)>();
        var classBundles = new HashSet<string>();
        for (int i = 0; i < _ir.ParameterCount; i++)
        {
            var variable = _ir.Variables[i];
            if (variable.ObjectType is { HasDerivative: true } objectType)
            {
                string bundle = _names.Fresh(ObjectState.BundleOf(variable, "d"));
                objectBundles[variable.Name] = bundle;
                string tangent = objectType.TangentTypeName + " " + bundle;
                gradientShadows.Add((objectType.IsValueType ? "out " : "") + tangent);
                pullbackShadows.Add((objectType.IsValueType ? "ref " : "") + tangent);
                if (objectType.IsValueType) structBundles.Add((bundle, variable.Name, objectType));
                else classBundles.Add(bundle);
                continue;
            }
            if (!variable.IsDifferentiableParameter) continue;
            string shadow = _names.Fresh("d" + Identifiers.Bare(variable.Name));
            bodyShadows.Add((shadow, i));
            string declaration = variable.IsScalar
                ? "ref " + _spelling.Keyword(variable.Kind) + " " + shadow
                : "global::System.Span<" + _spelling.Keyword(variable.Kind) + "> " + shadow; // the caller's buffer, accumulated in place
            shadowDeclarations.Add(declaration);
            if (!variable.IsScalar) _adjoint[i] = shadow;
            if (variable.Member is { } member)
            {
                if (objectBundles.TryGetValue(member.Root, out var bundle))
                    shadowArguments.Add((variable.IsScalar ? "ref " : "") + ObjectState.BundleMember(member, bundle));
                continue;
            }
            shadows.Add((shadow, i));
            gradientShadows.Add(variable.IsScalar ? "out " + _spelling.Keyword(variable.Kind) + " " + shadow : declaration);
            pullbackShadows.Add(declaration);
            shadowArguments.Add(variable.IsScalar ? "ref " + shadow : shadow);
        }
        // The object's shadows come last; the public members take them in a Tangent, or in Parameter<T>.Grad.
        var forms = ObjectState.ReverseForms(_ir, _names.Fresh("dstate"));
        for (int i = 0; i < _ir.Variables.Count; i++)
            if (_active[i] && _adjoint[i] is null) _adjoint[i] = _names.Fresh(Identifiers.Bare(_ir.Variables[i].Name) + "_bar");

        // The primal sweep is built first: it decides which tapes exist.
        EmitStatements(_ir.Body, inLoop: false, isTopLevel: true);
        CloseSegment();

        string type = _spelling.Keyword(_ir.ReturnKind);
        var outputSeeds = new List<(string Seed, int Variable)>();
        var seeds = new List<string>();
        if (_ir.ReturnsVoid)
        {
            // A seed per output (the upstream adjoint of what the method wrote), before the shadows.
            for (int i = 0; i < _ir.ParameterCount; i++)
            {
                var variable = _ir.Variables[i];
                if (!variable.IsOutput) continue;
                string seed = _names.Fresh("d" + Identifiers.Bare(variable.Name));
                outputSeeds.Add((seed, i));
                seeds.Add($"global::System.ReadOnlySpan<{_spelling.Keyword(variable.Kind)}> {seed}");
            }
        }
        else
        {
            // The seed goes before the shadows, as in a [DerivativeOf] pullback.
            seeds.Add(type + " " + _seed);
        }
        var seedArguments = _ir.ReturnsVoid ? outputSeeds.Select(s => s.Seed).ToList() : new List<string> { _seed };
        var parameters = values.Concat(seeds).Concat(shadowDeclarations).ToList();

        void WriteArgumentChecks(ObjectState.ReverseForm form)
        {
            var checkedBundles = new HashSet<string>(classBundles);
            if (form.Bundle is not null && !_ir.Receiver!.IsValueType) checkedBundles.Add(form.Bundle);
            ObjectState.WriteChecks(w, _ir, root => root == "this" ? form.Bundle : objectBundles.TryGetValue(root, out var bundle) ? bundle : null, checkedBundles);
            foreach (var (shadow, variable) in shadows)
                if (!_ir.Variables[variable].IsScalar) SourceEmitter.WriteLengthCheck(w, _ir.Variables[variable].Name, shadow);
            foreach (var (seed, variable) in outputSeeds)
                SourceEmitter.WriteLengthCheck(w, _ir.Variables[variable].Name, seed);
            WriteAliasingChecks(w, shadows);
        }
        string body = _ir.Name + UncheckedPullbackSuffix;
        static IEnumerable<string> Optional(string? declaration) => declaration is null ? Array.Empty<string>() : new[] { declaration };

        string gradientDocs = $"Reverse mode: returns the value of <see cref=\"{_ir.Name}\"/> and writes its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter (array shadows are added to).";
        if (_gradientBody)
        {
            SourceEmitter.WriteDocs(w, gradientDocs);
        }
        else if (!_ir.ReturnsVoid && (!_straight || _ir.ReadsObjects) && !_spelling.IsDual)
        {
            foreach (var form in forms)
            {
                // {M}Gradient: the body run from a unit seed, its scalar shadows started at zero.
                SourceEmitter.WriteDocs(w, gradientDocs + ObjectState.Docs(form, _ir));
                var signature = values.Concat(gradientShadows).Concat(Optional(form.GradientParameter));
                using (w.Block($"{_ir.Accessibility} {_ir.StaticModifier}{type} {_ir.Name}Gradient({string.Join(", ", signature)})"))
                {
                    if (form.Bundle is not null && _ir.Receiver!.IsValueType) w.Line($"{form.Bundle} = new {ObjectState.TangentType}(this);");
                    foreach (var (bundle, owner, objectType) in structBundles) w.Line($"{bundle} = {objectType.Zero(owner)};");
                    WriteArgumentChecks(form);
                    foreach (var (shadow, variable) in shadows)
                        if (_ir.Variables[variable].IsScalar) w.Line($"{shadow} = {_ir.Variables[variable].Kind.Literal(0)};");
                    var arguments = valueArguments.Append(_ir.ReturnKind.Literal(1)).Concat(shadowArguments).Concat(form.ShadowArguments);
                    w.Line($"return {body}({string.Join(", ", arguments)});");
                }
                w.Line();
            }
        }

        if (_spelling.IsDual)
        {
            body += DualSuffix;
            SourceEmitter.WriteDocs(w, $"The reverse body of <see cref=\"{_ir.Name}\"/> over dual numbers, for <c>{_ir.Name}HessianVector</c>: from inputs x + εv and seed 1, the shadows receive the gradient plus ε H·v.");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        }
        else if (!_gradientBody)
        {
            foreach (var form in forms)
            {
                // {M}Pullback: the public form, which checks its arguments.
                SourceEmitter.WriteDocs(w, (_ir.ReturnsVoid
                    ? $"Pullback of <see cref=\"{_ir.Name}\"/>: given the seeds of the outputs it writes, adds the corresponding partial derivatives to the matching <c>d</c> parameter of each differentiable input."
                    : $"Pullback of <see cref=\"{_ir.Name}\"/>: adds seed times its partial derivative with respect to each differentiable parameter to the matching <c>d</c> parameter.") + ObjectState.Docs(form, _ir));
                var signature = values.Concat(seeds).Concat(pullbackShadows).Concat(Optional(form.PullbackParameter));
                using (w.Block($"{_ir.Accessibility} {_ir.StaticModifier}void {_ir.Name}Pullback({string.Join(", ", signature)})"))
                {
                    WriteArgumentChecks(form);
                    w.Line($"{body}({string.Join(", ", valueArguments.Concat(seedArguments).Concat(shadowArguments).Concat(form.ShadowArguments))});");
                }
                w.Line();
            }
            SourceEmitter.WriteDocs(w, $"The reverse body of <see cref=\"{_ir.Name}Pullback\"/>{(_ir.ReturnsVoid || (_straight && !_ir.ReadsObjects) ? "" : $" and <see cref=\"{_ir.Name}Gradient\"/>, returning the value")}, without argument checks: generated callers call it directly, their shadows being slices of their own adjoints.");
            w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        }
        string header = _gradientBody
            ? $"{_ir.Accessibility} static {type} {_ir.Name}Gradient({string.Join(", ", values.Concat(gradientShadows))})"
            : $"{_ir.Accessibility} {_ir.StaticModifier}{(_ir.ReturnsVoid ? "void" : type)} {body}({string.Join(", ", parameters)})";
        using (w.Block(header))
        {
            if (_gradientBody) WriteArgumentChecks(forms[0]);
            ObjectState.WriteBindings(w, _ir);
            for (int i = _ir.ParameterCount; i < _ir.Variables.Count; i++)
                w.Line(SourceEmitter.Declaration(_ir.Variables[i], _ir.Variables[i].Name, _spelling));
            for (int i = 0; i < _ir.Variables.Count; i++)
            {
                if (_adjoint[i] is not string adjoint || (i < _ir.ParameterCount && !_ir.Variables[i].IsScalar)) continue; // array parameters: shadows or seeded outputs
                w.Line(_ir.Variables[i].IsScalar
                    ? $"{_spelling.Keyword(_ir.Variables[i].Kind)} {adjoint} = {_ir.Variables[i].Kind.Literal(0)};"
                    : SourceEmitter.Declaration(_ir.Variables[i], adjoint, _spelling));
            }
            if (!_ir.ReturnsVoid) w.Line($"{type} {_result} = {_ir.ReturnKind.Literal(0)};");
            foreach (var (seed, variable) in outputSeeds)
            {
                // The output's adjoint starts as a copy of its seed (the adjoint sweep consumes it).
                if (_adjoint[variable] is not string adjoint) continue;
                string element = _spelling.Keyword(_ir.Variables[variable].Kind);
                w.Line($"scoped global::System.Span<{element}> {adjoint} = {seed}.Length <= 256 ? stackalloc {element}[{seed}.Length] : new {element}[{seed}.Length];");
                w.Line($"{seed}.CopyTo({adjoint});");
            }
            foreach (var temp in _hoisted) w.Line($"{_spelling.Keyword(temp.Kind)} {temp.Name} = default;");
            foreach (var declaration in _declarations) w.Line(declaration);
            foreach (var declaration in _kinks.Declarations()) w.Line(declaration);
            foreach (var declaration in _pooledLocals.Declarations()) w.Line(declaration);
            bool usesDouble = _recorded.Contains(ScalarKind.Double);
            bool usesFloat = _recorded.Contains(ScalarKind.Float);
            if (!_straight || _recorded.Contains(ScalarKind.Int))
            {
                int capacity = ControlFlow.HasLoop(_ir.Body) ? 64 : Math.Max(1, _segments.Count);
                w.Line($"var {_controlTape} = new global::DiffGen.ValueTape<int>(stackalloc int[{capacity}]);");
            }
            if (usesDouble) w.Line($"var {_doubleTape} = new global::DiffGen.ValueTape<{_spelling.Keyword(ScalarKind.Double)}>(stackalloc {_spelling.Keyword(ScalarKind.Double)}[64]);");
            if (usesFloat) w.Line($"var {_floatTape} = new global::DiffGen.ValueTape<{_spelling.Keyword(ScalarKind.Float)}>(stackalloc {_spelling.Keyword(ScalarKind.Float)}[64]);");

            w.Line("// Primal sweep.");
            w.Lines(_primal.ToString());
            if (_jumpsToReverse) w.Label(_reverseLabel);
            w.Line("// Adjoint sweep.");
            if (_straight)
            {
                foreach (var segment in _segments) w.Lines(segment.Adjoint);
            }
            else if (_sequential)
            {
                foreach (var segment in Enumerable.Reverse(_segments).Where(s => !s.Fused))
                    using (w.Block()) w.Lines(ReverseText(segment));
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
            foreach (var flush in _kinks.Flushes()) w.Line(flush);
            foreach (var (shadow, variable) in bodyShadows)
                if (_ir.Variables[variable].IsScalar) w.Line($"{shadow} {(_gradientBody ? "=" : "+=")} {_adjoint[variable]};");
            foreach (int variable in _rented)
            {
                // Nothing reads the arrays any more: give them back for the next call on this thread.
                string pool = $"global::DiffGen.ScratchArrays<{_spelling.Keyword(_ir.Variables[variable].Kind)}>";
                w.Line($"{pool}.Return({_ir.Variables[variable].Name});");
                if (_adjoint[variable] is string adjoint) w.Line($"{pool}.Return({adjoint});");
            }
            _pooledLocals.WriteDeferredReturns(w);
            if (!_straight || _recorded.Contains(ScalarKind.Int)) w.Line($"{_controlTape}.Dispose();");
            if (usesDouble) w.Line($"{_doubleTape}.Dispose();");
            if (usesFloat) w.Line($"{_floatTape}.Dispose();");
            if (!_ir.ReturnsVoid) w.Line($"return {_result};");
        }
        foreach (string method in _outlined)
        {
            w.Line();
            w.Lines(method);
        }
    }

    /// <summary>Whether the primal records the id of a segment it closes (for the adjoint sweep's dispatch).</summary>
    private bool RecordsSegmentIds => !_straight && (!_sequential || _fusedDepth > 0);

    /// <summary>
    /// Shadows and outputs are written while inputs are still read: a shadow sharing memory with any
    /// span parameter, or an output sharing memory with another, throws before anything is written.
    /// Shadows may share memory with each other (both contributions are added).
    /// </summary>
    private void WriteAliasingChecks(IndentedWriter w, List<(string Shadow, int Variable)> shadows)
    {
        var spans = Enumerable.Range(0, _ir.ParameterCount).Where(i => !_ir.Variables[i].IsScalar && ObjectState.TakesArgument(_ir.Variables[i]))
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

    /// <summary>
    /// The array arguments of the call at <paramref name="site"/> that change before its pullback runs:
    /// each is pushed onto its element type's tape right after the call (one block copy) and popped back
    /// into the array just before the pullback.
    /// </summary>
    private int[]? SaveUnstableArguments(int site, Node[] arguments, Segment segment)
    {
        var saved = Enumerable.Range(0, arguments.Length).Where(i => arguments[i].Array is not null && _unstable.Contains((site, i))).ToArray();
        if (saved.Length == 0) return null;
        foreach (int i in saved)
        {
            _recorded.Add(arguments[i].Kind);
            if (segment.Structured) _loopRecords++;
            _primal.Line($"{TapeOf(arguments[i].Kind)}.PushAll({arguments[i].Code});");
        }
        return saved;
    }
}
