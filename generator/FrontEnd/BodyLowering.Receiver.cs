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
    private INamedTypeSymbol? _receiverType;
    private readonly HashSet<IPropertySymbol> _inlining = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Adds a variable for every instance field and auto-property of <paramref name="type"/> that the IR can
    /// hold, in declaration order, and returns the layout of its <c>Tangent</c>.
    /// </summary>
    public DifferentiableTypeLayout AddReceiver(INamedTypeSymbol type, HierarchyInfo hierarchy)
    {
        _receiverType = type;
        var members = new List<TangentMember>();
        foreach (var (symbol, name, memberType, noDerivative) in ReceiverMembers(type))
        {
            Shape shape;
            ScalarKind kind;
            bool parameterObject = SymbolFacts.ParameterObjectKind(memberType) is ScalarKind element;
            if (parameterObject) (shape, kind) = (Shape.Array, SymbolFacts.ParameterObjectKind(memberType)!.Value);
            else (shape, kind) = SymbolFacts.ShapeOf(memberType);
            if (kind == ScalarKind.Other || shape is Shape.Span or Shape.ReadOnlySpan) continue;
            bool differentiable = kind.IsFloating() && !noDerivative;
            int index = AddVariable(symbol, name, kind, isParameter: true, differentiable, shape);
            _variables[index] = _variables[index] with { Receiver = new ReceiverMember(name, parameterObject) };
            if (differentiable) members.Add(new TangentMember(name, kind, shape == Shape.Array, parameterObject));
        }
        return new DifferentiableTypeLayout(hierarchy, type.IsValueType, members.ToArray());
    }

    /// <summary>Instance fields and auto-properties (through their backing fields), with the symbol code refers to them by.</summary>
    private static IEnumerable<(ISymbol Symbol, string Name, ITypeSymbol Type, bool NoDerivative)> ReceiverMembers(INamedTypeSymbol type)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.IsStatic || field.IsConst) continue;
            if (field.AssociatedSymbol is IPropertySymbol property)
                yield return (property, property.Name, property.Type, SymbolFacts.HasAttribute(property, SymbolFacts.NoDerivativeAttribute) || SymbolFacts.HasAttribute(field, SymbolFacts.NoDerivativeAttribute));
            else if (!field.IsImplicitlyDeclared)
                yield return (field, field.Name, field.Type, SymbolFacts.HasAttribute(field, SymbolFacts.NoDerivativeAttribute));
        }
    }

    /// <summary>
    /// The receiver variable <paramref name="operation"/> reads: <c>m</c> or <c>this.m</c> for a member, and
    /// for a <c>Parameter&lt;T&gt;</c> member also <c>p.Data</c> and <c>p</c> converted to a span.
    /// </summary>
    private int? ReceiverVariable(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: not null } conversion) operation = conversion.Operand;
        if (operation is IPropertyReferenceOperation { Property.Name: "Data", Instance: { } owner } && ReceiverVariable(owner) is int data
            && _variables[data].Receiver is { IsParameterObject: true })
            return data;
        ISymbol? symbol = operation switch
        {
            IFieldReferenceOperation { Instance: IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
            _ => null,
        };
        return symbol is not null && _variableIndex.TryGetValue(symbol, out int index) && _variables[index].Receiver is not null ? index : null;
    }

    /// <summary>
    /// A call of another instance <c>[Differentiable]</c> method on the same object: a rule call whose
    /// arguments are the call's own, then the object's state (passed to the callee's pullback and tangent
    /// bodies, not to the method itself, which reads it from this).
    /// </summary>
    private Expr? LowerReceiverCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || invocation.Instance is not IInstanceReferenceOperation || !SymbolFacts.HasAttribute(method, SymbolFacts.DifferentiableAttribute))
            return null;
        if (_receiverType is null || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _receiverType))
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' is an instance method of another type (call instance methods of this object, or make it static)");
            return Invalid;
        }
        if (method.IsGenericMethod || method.ReturnsVoid || !kind.IsFloating()
            || method.Parameters.Any(p => p.RefKind != RefKind.None || SymbolFacts.ShapeOf(p.Type).Kind == ScalarKind.Other))
        {
            Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' (an instance method called from another must return double or float and take parameters of supported types)");
            return Invalid;
        }
        var arguments = new List<Expr>();
        var roles = new List<ArgumentRole>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                Report(ProblemKind.UnsupportedExpression, argument, $"argument passed as a params array to '{method.Name}'");
                return Invalid;
            }
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            if (ArrayVariable(value) is int array) arguments.Add(new ArrayRefExpr(array, _variables[array].Kind));
            else if (SliceArgument(value, lift) is { } slice) arguments.Add(slice);
            else arguments.Add(Lower(argument.Value, lift));
            roles.Add(SymbolFacts.IsDifferentiableParameter(argument.Parameter!) ? ArgumentRole.Input : ArgumentRole.Data);
        }
        int state = 0;
        for (int i = 0; i < _variables.Count; i++)
        {
            if (_variables[i].Receiver is null) continue;
            arguments.Add(_variables[i].IsScalar ? new VariableExpr(i, _variables[i].Kind) : new ArrayRefExpr(i, _variables[i].Kind));
            roles.Add(_variables[i].IsDifferentiableParameter ? ArgumentRole.Input : ArgumentRole.Data);
            state++;
        }
        string name = "this." + Helpers.Identifiers.Escape(method.Name);
        var rule = new RuleInfo(name, name + Stages.ReverseEmitter.UncheckedPullbackSuffix, name + "Tangent" + Stages.ForwardEmitter.UncheckedSuffix, roles.ToArray(), state);
        return new RuleCallExpr(rule, arguments.ToArray(), kind, AddSite(invocation));
    }

    /// <summary>
    /// A computed property of the object (<c>double Energy => 0.5 * Mass * V * V;</c>, or a getter returning
    /// one expression): its expression, lowered in place, so it is differentiated through its body.
    /// </summary>
    private Expr? InlineComputedProperty(IPropertyReferenceOperation reference, List<Stmt>? lift)
    {
        if (reference.Instance is not IInstanceReferenceOperation || reference.Arguments.Length != 0 || _receiverType is null) return null;
        var property = reference.Property;
        if (!SymbolEqualityComparer.Default.Equals(property.ContainingType, _receiverType) || property.GetMethod is not { } getter) return null;
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
        var model = reference.SemanticModel.Compilation.GetSemanticModel(expression.SyntaxTree);
        var operation = model.GetOperation(expression, _cancellationToken);
        Expr result = operation is null ? Invalid : Coerce(Lower(operation, lift), SymbolFacts.KindOf(property.Type), reference);
        _inlining.Remove(property);
        return result;
    }
}
