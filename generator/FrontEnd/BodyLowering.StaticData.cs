using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Static tables: <c>static readonly</c> arrays of numbers (fields, or get-only static properties), read
/// as constants. Each one the body reads is an input bound at entry (read once, never differentiated, never
/// written by the method).
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly Dictionary<ISymbol, int> _staticArrays = new(SymbolEqualityComparer.Default);

    /// <summary>Adds a variable for every static table the body reads; call before lowering it (inputs come before locals).</summary>
    public void AddStaticTables(IOperation body)
    {
        foreach (var reference in body.DescendantsAndSelf())
        {
            ISymbol? table = reference switch
            {
                IFieldReferenceOperation { Instance: null, Field: { IsStatic: true, IsReadOnly: true } field } => field,
                IPropertyReferenceOperation { Instance: null, Arguments.Length: 0, Property: { IsStatic: true, SetMethod: null } property } => property,
                _ => null,
            };
            if (table is null || _staticArrays.ContainsKey(table)) continue;
            var type = table is IFieldSymbol f ? f.Type : ((IPropertySymbol)table).Type;
            if (SymbolFacts.ShapeOf(type, _generic) is not (Shape.Array, var kind) || kind == ScalarKind.Other) continue;
            string owner = table.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            _staticArrays[table] = _variables.Count;
            _variables.Add(new VariableInfo(UniqueName(table.Name), kind, IsParameter: true, IsDifferentiableParameter: false, IsActive: false, Shape.Array,
                Member: new ObjectMember(owner, Helpers.Identifiers.Escape(table.Name), IsParameterObject: false, IsDifferentiable: false)));
        }
    }

    /// <summary>The static table <paramref name="operation"/> names, if any.</summary>
    private int? StaticTable(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Instance: null } field when _staticArrays.TryGetValue(field.Field, out int index) => index,
        IPropertyReferenceOperation { Instance: null } property when _staticArrays.TryGetValue(property.Property, out int index) => index,
        _ => null,
    };
}
