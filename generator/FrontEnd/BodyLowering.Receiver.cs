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
    /// <summary>
    /// Adds a variable for every instance field and auto-property of <paramref name="type"/> that the IR can
    /// hold, in declaration order, and returns the layout of its <c>Tangent</c>.
    /// </summary>
    public DifferentiableTypeLayout AddReceiver(INamedTypeSymbol type, HierarchyInfo hierarchy)
    {
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
}
