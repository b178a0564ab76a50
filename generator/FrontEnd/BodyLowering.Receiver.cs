using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// The receiver of an instance method: its fields and auto-properties of supported shapes become
/// read-only inputs of the method (bound from <c>this</c> at entry), differentiable where they hold
/// floating values and carry no <c>[NoDerivative]</c>.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>Each object root ("this", or an object parameter's variable name) and its type.</summary>
    private readonly Dictionary<string, INamedTypeSymbol> _roots = new();

    /// <summary>Object members' variables, keyed by root and member name.</summary>
    private readonly Dictionary<(string Root, string Member), int> _memberIndex = new();

    /// <summary>What <c>this</c> means while lowering: the receiver, or the object whose computed property is inlined.</summary>
    private string _thisRoot = "this";

    private readonly HashSet<IPropertySymbol> _inlining = new(SymbolEqualityComparer.Default);

    /// <summary>Semantic models of the trees holding inlined getters, made once per tree.</summary>
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>
    /// Adds a variable for every instance field and auto-property of the receiver's type that the IR can
    /// hold, in declaration order, and returns the layout of its <c>Tangent</c>.
    /// </summary>
    public DifferentiableTypeLayout AddReceiver(INamedTypeSymbol type, HierarchyInfo hierarchy)
        => AddObject("this", type, hierarchy, differentiable: true);

    /// <summary>
    /// A parameter of a differentiable type: a variable for the object itself (its generated members take
    /// it as is), then one per member, read from it at entry.
    /// </summary>
    private void AddObjectParameter(IParameterSymbol parameter, INamedTypeSymbol type)
    {
        bool differentiable = !SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute);
        int index = AddVariable(parameter, parameter.Name, ScalarKind.Other, isParameter: true, differentiable: false);
        string root = _variables[index].Name;
        var layout = AddObject(root, type, DifferentiableTypes.Hierarchy(type), differentiable);
        ObjectLayouts.Add(layout);
        _variables[index] = _variables[index] with
        {
            ObjectType = new ObjectParameter(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.IsValueType, differentiable && layout.Members.Count > 0),
        };
    }

    /// <summary>The layouts of the object parameters' types, for their generated <c>Tangent</c>s.</summary>
    public List<DifferentiableTypeLayout> ObjectLayouts { get; } = new();

    /// <summary>
    /// Adds the variables of an object's state below <paramref name="path"/> (the object as code: <c>this</c>,
    /// <c>b</c>, <c>this.Layer1</c>), depth first in declaration order, and returns its type's layout.
    /// Nested differentiable members are objects of their own; their layouts go to <see cref="ObjectLayouts"/>.
    /// </summary>
    private DifferentiableTypeLayout AddObject(string path, INamedTypeSymbol type, HierarchyInfo hierarchy, bool differentiable, int depth = 0)
    {
        _roots[path] = type;
        int dot = path.IndexOf('.');
        string root = dot < 0 ? path : path.Substring(0, dot);
        string below = dot < 0 ? "" : path.Substring(dot + 1) + ".";
        var members = new List<TangentMember>();
        foreach (var (symbol, name, memberType, noDerivative) in DifferentiableTypes.StateMembers(type))
        {
            string escaped = Helpers.Identifiers.Escape(name);
            if (DifferentiableTypes.VectorComponents(memberType) is { } components)
            {
                // A vector member: an object whose float components are its members; its tangent is a vector.
                bool differentiableVector = !noDerivative;
                AddVectorComponents(root, path + "." + escaped, below + escaped + ".", (INamedTypeSymbol)memberType, components, differentiable, differentiableVector, symbol is IFieldSymbol { IsReadOnly: false } ? MemberWrite.Assign : MemberWrite.None);
                if (differentiableVector)
                    members.Add(new TangentMember(name, ScalarKind.Float, IsArray: false, IsParameterObject: false, memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), IsVector: true));
                continue;
            }
            if (depth < MaxNesting && DifferentiableTypes.IsDifferentiableType(memberType, _cancellationToken) is INamedTypeSymbol nested
                && !SymbolEqualityComparer.Default.Equals(nested, type))
            {
                var layout = AddObject(path + "." + escaped, nested, DifferentiableTypes.Hierarchy(nested), differentiable && !noDerivative, depth + 1);
                if (!ObjectLayouts.Contains(layout)) ObjectLayouts.Add(layout);
                if (!noDerivative)
                    members.Add(new TangentMember(name, ScalarKind.Other, IsArray: false, IsParameterObject: false, nested.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), Stages.TangentTypeEmitter.ParameterKind(layout)));
                continue;
            }
            var (shape, kind) = DifferentiableTypes.ShapeOfMember(memberType);
            if (kind == ScalarKind.Other) continue;
            bool parameterObject = SymbolFacts.ParameterObjectKind(memberType) is not null;
            bool differentiableMember = kind.IsFloating() && !noDerivative;
            int index = _variables.Count;
            string local = root == "this" && depth == 0 ? name : (path.StartsWith("this.", System.StringComparison.Ordinal) ? path.Substring(5) : path).Replace('.', '_').Replace("@", "") + "_" + name;
            _variables.Add(new VariableInfo(UniqueName(local), kind, IsParameter: true,
                IsDifferentiableParameter: differentiable && differentiableMember, IsActive: false, shape,
                Member: new ObjectMember(root, below + escaped, parameterObject, differentiableMember, shape != Shape.Scalar || parameterObject ? MemberWrite.Assign : WriteOf(symbol, type))));
            _memberIndex[(path, symbol.Name)] = index;
            if (differentiableMember) members.Add(new TangentMember(name, kind, shape == Shape.Array, parameterObject));
        }
        return new DifferentiableTypeLayout(hierarchy, type.IsValueType, members.ToArray());
    }

    /// <summary>How a scalar member can be given another value: assigned (a field that is not read-only, a property with a setter), in a copy (an init-only property of a record or struct), or not.</summary>
    private static MemberWrite WriteOf(ISymbol member, INamedTypeSymbol owner) => member switch
    {
        IFieldSymbol { IsReadOnly: false, IsConst: false } => MemberWrite.Assign,
        IPropertySymbol { SetMethod: { IsInitOnly: false } } => MemberWrite.Assign,
        IPropertySymbol { SetMethod.IsInitOnly: true } when owner.IsRecord || owner.IsValueType => MemberWrite.With,
        _ => MemberWrite.None,
    };

    /// <summary>How deep nested differentiable members are followed (a type holding itself is not).</summary>
    private const int MaxNesting = 8;

    /// <summary>The object root an instance expression denotes: <c>this</c> (or the inlined property's object), or an object parameter.</summary>
    private string? RootOf(IOperation? instance) => instance switch
    {
        IInstanceReferenceOperation => _roots.ContainsKey(_thisRoot) ? _thisRoot : null,
        IParameterReferenceOperation parameter when _variableIndex.TryGetValue(parameter.Parameter, out int index) && _variables[index].ObjectType is not null
            => _variables[index].Name,
        // A nested differentiable member of an object: an object of its own.
        IFieldReferenceOperation field when RootOf(field.Instance) is string owner && _roots.ContainsKey(owner + "." + Helpers.Identifiers.Escape(field.Field.Name))
            => owner + "." + Helpers.Identifiers.Escape(field.Field.Name),
        IPropertyReferenceOperation { Arguments.Length: 0 } property when RootOf(property.Instance) is string owner && _roots.ContainsKey(owner + "." + Helpers.Identifiers.Escape(property.Property.Name))
            => owner + "." + Helpers.Identifiers.Escape(property.Property.Name),
        _ => null,
    };

    /// <summary>
    /// The object member variable <paramref name="operation"/> reads: <c>m</c>, <c>this.m</c> or <c>b.m</c>, and
    /// for a <c>Parameter&lt;T&gt;</c> member also <c>p.Data</c> and <c>p</c> converted to a span.
    /// </summary>
    private int? ReceiverVariable(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: not null } conversion) operation = conversion.Operand;
        if (operation is IPropertyReferenceOperation { Property.Name: "Data", Instance: { } owner } && ReceiverVariable(owner) is int data
            && _variables[data].Member is { IsParameterObject: true })
            return data;
        var (instance, symbol) = operation switch
        {
            IFieldReferenceOperation field => (field.Instance, (ISymbol)field.Field),
            IPropertyReferenceOperation { Arguments.Length: 0 } property => (property.Instance, property.Property),
            _ => (null, null),
        };
        if (symbol is null || RootOf(instance) is not string root) return null;
        return _memberIndex.TryGetValue((root, symbol.Name), out int index) ? index : null;
    }

    /// <summary>
    /// A call of a <c>[Differentiable]</c> instance method on an object the method reads (this, an object
    /// parameter or a nested member): a rule call whose arguments are the call's own, then the object's
    /// state, whose shadows and tangents the callee's bodies take (the callee reads the values itself).
    /// Null when the call is something else.
    /// </summary>
    private Expr? LowerReceiverCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        if (ObjectCall(invocation, lift, statement: false) is not var (rule, arguments)) return null;
        return rule is null ? Invalid : new RuleCallExpr(rule, arguments.ToArray(), kind, AddSite(invocation));
    }

    /// <summary>
    /// The rule and arguments of a call of an object's <c>[Differentiable]</c> method (see
    /// <see cref="LowerReceiverCall"/>); a null rule after reporting; null when the call is something else.
    /// </summary>
    private (RuleInfo? Rule, List<Expr> Arguments)? ObjectCall(IInvocationOperation invocation, List<Stmt>? lift, bool statement)
    {
        var method = invocation.TargetMethod;
        var failed = ((RuleInfo?)null, new List<Expr>());
        if (method.IsStatic || !SymbolFacts.HasAttribute(method, SymbolFacts.DifferentiableAttribute)) return null;
        if (RootOf(invocation.Instance) is not string root || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _roots[root]))
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' is called on an object the method cannot differentiate (call it on this, on a parameter of its type or on their differentiable members)");
            return failed;
        }
        bool returnsFloating = SymbolFacts.KindOf(method.ReturnType, _generic).IsFloating();
        bool writesOutputs = method.ReturnsVoid && method.Parameters.Any(p => SymbolFacts.IsOutputParameter(p, _generic));
        if (method.IsGenericMethod || (statement ? !writesOutputs : !returnsFloating)
            || method.Parameters.Any(p => p.RefKind != RefKind.None || SymbolFacts.ShapeOf(p.Type, _generic).Kind == ScalarKind.Other))
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' (an object's method called from a [Differentiable] method must return double or float, or return void and write Span outputs, and take parameters of supported types)");
            return failed;
        }
        var arguments = new List<Expr>();
        var roles = new List<ArgumentRole>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                Report(ProblemKind.UnsupportedExpression, argument, $"argument passed as a params array to '{method.Name}'");
                return failed;
            }
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            if (ArrayVariable(value) is int array) arguments.Add(new ArrayRefExpr(array, _variables[array].Kind));
            else if (View(value) is { } view) arguments.Add(ViewArgument(view));
            else if (SliceArgument(value, lift) is { } slice) arguments.Add(slice);
            else arguments.Add(Lower(argument.Value, lift));
            roles.Add(method.ReturnsVoid ? RuleLookup.Role(argument.Parameter!, _generic) : SymbolFacts.IsDifferentiableParameter(argument.Parameter!, _generic) ? ArgumentRole.Input : ArgumentRole.Data);
        }
        var implicitArguments = Enumerable.Repeat(false, arguments.Count).ToList();
        AddObjectState(root, arguments, roles, implicitArguments);
        string name = root + "." + Helpers.Identifiers.Escape(method.Name);
        return (new RuleInfo(name, name + Stages.ReverseEmitter.UncheckedPullbackSuffix, name + "Tangent" + Stages.ForwardEmitter.UncheckedSuffix, roles.ToArray(), implicitArguments.ToArray()), arguments);
    }

    /// <summary>
    /// An object's state as implicit arguments of a call: every member below <paramref name="root"/>, in
    /// the order the callee lists its own (the type's declaration order, depth first).
    /// </summary>
    private void AddObjectState(string root, List<Expr> arguments, List<ArgumentRole> roles, List<bool> implicitArguments)
    {
        for (int i = 0; i < _variables.Count; i++)
        {
            if (_variables[i].Member is not { } member || !(member.Root + "." + member.Path).StartsWith(root + ".", System.StringComparison.Ordinal)) continue;
            arguments.Add(_variables[i].IsScalar ? new VariableExpr(i, _variables[i].Kind) : new ArrayRefExpr(i, _variables[i].Kind));
            roles.Add(member.IsDifferentiable ? ArgumentRole.Input : ArgumentRole.Data);
            implicitArguments.Add(true);
        }
    }

    /// <summary>
    /// A call of a static <c>[Differentiable]</c> method taking objects (of differentiable types, or vectors):
    /// each object argument is passed as itself, followed by its members as implicit arguments for their
    /// shadows and tangents. Null when the call takes no object.
    /// </summary>
    private Expr? LowerObjectArgumentCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        var method = invocation.TargetMethod;
        if (!TakesObjects(method)) return null;
        if (!kind.IsFloating() || method.IsGenericMethod)
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' (a method taking objects, called from a [Differentiable] method, must return double or float, or return void and write Span outputs)");
            return Invalid;
        }
        return ObjectArgumentRule(invocation, lift) is var (rule, arguments) ? new RuleCallExpr(rule, arguments.ToArray(), kind, AddSite(invocation)) : Invalid;
    }

    /// <summary>
    /// The same call as a statement, of a void method writing Span outputs (<c>Simulate(body, dt, trajectory)</c>):
    /// false when the call takes no object; true when it is lowered or reported.
    /// </summary>
    private bool TryLowerObjectArgumentStatement(IInvocationOperation invocation, List<Stmt> into)
    {
        var method = invocation.TargetMethod;
        if (!TakesObjects(method) || !method.ReturnsVoid) return false;
        if (method.IsGenericMethod || !method.Parameters.Any(p => SymbolFacts.IsOutputParameter(p, _generic)))
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' (a void method taking objects, called from a [Differentiable] method, must write Span<double> or Span<float> outputs and not be generic)");
            return true;
        }
        if (ObjectArgumentRule(invocation, into) is var (rule, arguments) && CheckOutputs(rule, arguments, invocation))
            into.Add(new RuleCallStmt(rule, arguments.ToArray(), AddSite(invocation)));
        return true;
    }

    /// <summary>Whether <paramref name="method"/> is a static [Differentiable] method with a parameter of a differentiable type or a vector.</summary>
    private bool TakesObjects(IMethodSymbol method)
        => method.IsStatic && SymbolFacts.HasAttribute(method, SymbolFacts.DifferentiableAttribute)
           && method.Parameters.Any(p => DifferentiableTypes.IsDifferentiableType(p.Type, _cancellationToken) is not null || DifferentiableTypes.VectorComponents(p.Type) is not null);

    /// <summary>The rule and arguments of a call taking objects (see <see cref="LowerObjectArgumentCall"/>); null after reporting.</summary>
    private (RuleInfo Rule, List<Expr> Arguments)? ObjectArgumentRule(IInvocationOperation invocation, List<Stmt>? lift)
    {
        var method = invocation.TargetMethod;
        var arguments = new List<Expr>();
        var roles = new List<ArgumentRole>();
        var implicitArguments = new List<bool>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var parameter = argument.Parameter!;
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            bool isObject = DifferentiableTypes.IsDifferentiableType(parameter.Type, _cancellationToken) is not null;
            string? root = value is IInstanceReferenceOperation ? (_roots.ContainsKey(_thisRoot) ? _thisRoot : null) : RootOf(value);
            if (isObject || (DifferentiableTypes.VectorComponents(parameter.Type) is not null && root is not null))
            {
                // An object the caller reads (this, a parameter of its type, or one of their members): passed as
                // itself, its members' derivatives through the caller's own.
                if (root is null || !SymbolEqualityComparer.Default.Equals(_roots[root], parameter.Type))
                {
                    Report(ProblemKind.UnsupportedExpression, argument, $"argument '{parameter.Name}' of '{method.Name}' (pass this, a parameter of type '{parameter.Type.Name}' or one of their members)");
                    return null;
                }
                arguments.Add(new OpaqueValueExpr(root, ScalarKind.Other));
                roles.Add(ArgumentRole.Data);
                implicitArguments.Add(false);
                AddObjectState(root, arguments, roles, implicitArguments);
                continue;
            }
            if (DifferentiableTypes.VectorComponents(parameter.Type) is { } vector)
            {
                // Any other vector (a local, an expression): built from its components for the call, whose
                // shadows go to the components' adjoints.
                if (lift is null)
                {
                    Report(ProblemKind.UnsupportedExpression, argument, $"a vector computed inside a condition, passed to '{method.Name}' (compute it into a local first)");
                    return null;
                }
                if (LowerVector(value, lift) is not { } computed) return null;
                // Components in locals, so the vector passed and the shadows' targets are the same values.
                var parts = computed.Select(c =>
                {
                    int staged = AddSyntheticVariable(ScalarKind.Float, "component");
                    lift.Add(new AssignStmt(staged, c));
                    return (Expr)new VariableExpr(staged, ScalarKind.Float);
                }).ToList();
                string type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                arguments.Add(new OpaqueValueExpr($"new {type}({string.Join(", ", parts.Select(p => _variables[((VariableExpr)p).Variable].Name))})", ScalarKind.Other));
                roles.Add(ArgumentRole.Data);
                implicitArguments.Add(false);
                foreach (var part in parts)
                {
                    arguments.Add(part);
                    roles.Add(ArgumentRole.Input);
                    implicitArguments.Add(true);
                }
                continue;
            }
            if (ArrayVariable(value) is int array) arguments.Add(new ArrayRefExpr(array, _variables[array].Kind));
            else if (View(value) is { } view) arguments.Add(ViewArgument(view));
            else if (SliceArgument(value, lift) is { } slice) arguments.Add(slice);
            else arguments.Add(Lower(argument.Value, lift));
            roles.Add(SymbolFacts.IsOutputParameter(parameter, _generic) ? ArgumentRole.Output
                : SymbolFacts.IsDifferentiableParameter(parameter, _generic) ? ArgumentRole.Input : ArgumentRole.Data);
            implicitArguments.Add(false);
        }
        string target = Target(method);
        return (new RuleInfo(target, target + Stages.ReverseEmitter.UncheckedPullbackSuffix, target + "Tangent" + Stages.ForwardEmitter.UncheckedSuffix, roles.ToArray(), implicitArguments.ToArray()), arguments);
    }

    /// <summary>
    /// A computed property of the object (<c>double Energy => 0.5 * Mass * V * V;</c>, or a getter returning
    /// one expression): its expression, lowered in place, so it is differentiated through its body.
    /// </summary>
    private Expr? InlineComputedProperty(IPropertyReferenceOperation reference, List<Stmt>? lift)
    {
        if (reference.Arguments.Length != 0 || RootOf(reference.Instance) is not string root) return null;
        var property = reference.Property;
        if (!SymbolEqualityComparer.Default.Equals(property.ContainingType, _roots[root]) || property.GetMethod is not { } getter) return null;
        if (getter.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is null) return null;
        var syntax = getter.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        // The getter's body: an arrow clause (of the property or the accessor) or an accessor block with one return.
        var arrow = syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax clause => clause,
            Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { ExpressionBody: { } clause } => clause,
            _ => null,
        };
        Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? expression = arrow?.Expression;
        if (expression is null && syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body.Statements: { Count: 1 } statements }
            && statements[0] is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax { Expression: { } returned })
            expression = returned;
        if (expression is null) return null;
        if (!_inlining.Add(property))
        {
            Report(ProblemKind.UnsupportedExpression, reference, $"property '{property.Name}', which reads itself");
            return Invalid;
        }
        if (!_models.TryGetValue(expression.SyntaxTree, out var model))
            _models[expression.SyntaxTree] = model = reference.SemanticModel.Compilation.GetSemanticModel(expression.SyntaxTree);
        var operation = model.GetOperation(expression, _cancellationToken);
        // Inside the getter, this is the object the property was read on.
        string outer = _thisRoot;
        _thisRoot = root;
        Expr result = operation is null ? Invalid : Coerce(Lower(operation, lift), SymbolFacts.KindOf(property.Type, _generic), reference);
        _thisRoot = outer;
        _inlining.Remove(property);
        return result;
    }
}
