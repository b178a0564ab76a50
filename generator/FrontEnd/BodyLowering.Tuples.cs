using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Tuples of numbers in a method body: a tuple local is one variable per element (<c>t.Item1</c>,
/// <c>t.Mean</c> read them); tuple literals, deconstruction (<c>var (m, s) = (a, b);</c>) and tuple
/// assignment (<c>(a, b) = (b, a);</c>) assign every element, all right-hand values first.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>The element variables of each tuple local.</summary>
    private readonly Dictionary<ILocalSymbol, int[]> _tupleLocals = new(SymbolEqualityComparer.Default);

    /// <summary>The element kinds of a tuple type of numbers, or null.</summary>
    private ScalarKind[]? TupleKinds(ITypeSymbol? type) => SymbolFacts.TupleElementKinds(type, _generic);

    /// <summary>
    /// A tuple parameter (<c>(double X, double Y) p</c>): like a vector, an object whose members are its elements, read
    /// as <c>p.X</c> or <c>p.Item1</c>, with a tangent of its own type (its floating elements carry derivatives).
    /// </summary>
    private bool TryAddTupleParameter(IParameterSymbol parameter)
    {
        if (parameter.Type is not INamedTypeSymbol { IsTupleType: true } tuple || TupleKinds(tuple) is not { } kinds) return false;
        bool differentiable = !SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute) && kinds.Any(k => k.IsFloating());
        int index = AddVariable(parameter, parameter.Name, ScalarKind.Other, isParameter: true, differentiable: false);
        string root = _variables[index].Name;
        // Spelled from the kinds: a generic-math method's (T X, T Y) is (double X, double Y) in its double members.
        string type = "(" + string.Join(", ", kinds.Select((k, i) => k.Keyword() + " " + tuple.TupleElements[i].Name)) + ")";
        _roots[root] = tuple;
        string local = root.Replace("@", "");
        for (int i = 0; i < kinds.Length; i++)
        {
            string element = tuple.TupleElements[i].Name;
            bool carries = differentiable && kinds[i].IsFloating();
            int variable = _variables.Count;
            _memberIndex[(root, element)] = variable;
            _memberIndex[(root, "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))] = variable;
            _variables.Add(new VariableInfo(UniqueName(local + "_" + element), kinds[i], IsParameter: true, IsDifferentiableParameter: carries, IsActive: false,
                Member: new ObjectMember(root, element, IsParameterObject: false, carries)));
        }
        _variables[index] = _variables[index] with { ObjectType = new ObjectParameter(type, IsValueType: true, differentiable, BuiltinTangent: differentiable ? type : null) };
        return true;
    }

    /// <summary>A tuple local's declaration: its elements' variables, then the initializer's values.</summary>
    private bool TryLowerTupleDeclarator(ILocalSymbol local, IVariableInitializerOperation? initializer, List<Stmt> into)
    {
        if (TupleKinds(local.Type) is not { } kinds) return false;
        var tuple = (INamedTypeSymbol)local.Type;
        var elements = new int[kinds.Length];
        // Keyed by the local: element symbols are shared by every tuple of the same type.
        for (int i = 0; i < kinds.Length; i++) elements[i] = AddNamedVariable(local.Name + "_" + tuple.TupleElements[i].Name, kinds[i]);
        _tupleLocals[local] = elements;
        if (initializer is not null) AssignTuple(elements, initializer.Value, into);
        return true;
    }

    /// <summary><c>t.Item1</c> or <c>t.Name</c> on a tuple local: that element's variable.</summary>
    private int? TupleElement(IOperation operation)
    {
        if (operation is not IFieldReferenceOperation { Instance: ILocalReferenceOperation local } field
            || !_tupleLocals.TryGetValue(local.Local, out var elements)) return null;
        var tupleField = field.Field.CorrespondingTupleField ?? field.Field;
        var fields = ((INamedTypeSymbol)local.Local.Type).TupleElements;
        for (int i = 0; i < fields.Length; i++)
            if (SymbolEqualityComparer.Default.Equals(fields[i].CorrespondingTupleField ?? fields[i], tupleField)) return elements[i];
        return null;
    }

    /// <summary>The values of a tuple-valued expression: a tuple literal, or a tuple local.</summary>
    private List<Expr>? TupleValues(IOperation value, List<Stmt> into)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        switch (value)
        {
            case ITupleOperation tuple:
                return tuple.Elements.Select(e => LowerValue(e, into)).ToList();
            case ILocalReferenceOperation local when _tupleLocals.TryGetValue(local.Local, out var elements):
                return elements.Select(e => (Expr)new VariableExpr(e, _variables[e].Kind)).ToList();
            case IInvocationOperation call:
                Report(ProblemKind.UnsupportedExpression, value, Describe(value) + $" (a call returning a tuple: differentiated code does not call tuple-returning methods yet; call '{call.TargetMethod.Name}' from ordinary code with its generated {call.TargetMethod.Name}Pullback or {call.TargetMethod.Name}Tangent, or give each element a [Differentiable] method of its own)");
                return null;
            default:
                Report(ProblemKind.UnsupportedExpression, value, Describe(value) + " (a tuple value other than a tuple literal or a tuple local)");
                return null;
        }
    }

    /// <summary>Assigns a tuple value to variables: every value into a fresh local first, so (a, b) = (b, a) swaps.</summary>
    private void AssignTuple(IReadOnlyList<int> targets, IOperation value, List<Stmt> into)
    {
        if (TupleValues(value, into) is not { } values) return;
        if (values.Count != targets.Count)
        {
            Report(ProblemKind.UnsupportedExpression, value, "a tuple of another length");
            return;
        }
        var staged = new int[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            staged[i] = AddSyntheticVariable(_variables[targets[i]].Kind, "element");
            into.Add(new AssignStmt(staged[i], Coerce(values[i], _variables[targets[i]].Kind, value)));
        }
        for (int i = 0; i < values.Count; i++)
            into.Add(new AssignStmt(targets[i], new VariableExpr(staged[i], _variables[targets[i]].Kind)));
    }

    /// <summary><c>var (a, b) = ...;</c> and <c>(a, b) = ...;</c>: the targets declared or named, then <see cref="AssignTuple"/>.</summary>
    private void LowerDeconstruction(IDeconstructionAssignmentOperation deconstruction, List<Stmt> into)
    {
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation names)
        {
            Report(ProblemKind.UnsupportedExpression, deconstruction, "a deconstruction into something other than named variables");
            return;
        }
        var targets = new List<int>();
        foreach (var named in names.Elements)
        {
            // (double p, double q) = ... declares each element on its own.
            var element = named is IDeclarationExpressionOperation { Expression: { } inner } ? inner : named;
            switch (element)
            {
                case ILocalReferenceOperation { IsDeclaration: true } declared when SymbolFacts.ShapeOf(declared.Local.Type, _generic) is (Shape.Scalar, var kind) && kind != ScalarKind.Other:
                    targets.Add(AddVariable(declared.Local, declared.Local.Name, kind, isParameter: false, differentiable: false));
                    break;
                case IDiscardOperation discard when SymbolFacts.KindOf(discard.Type, _generic) is var discardKind && discardKind != ScalarKind.Other:
                    targets.Add(AddSyntheticVariable(discardKind, "discard"));
                    break;
                default:
                    if (TargetVariable(element) is not int existing) return;
                    targets.Add(existing);
                    break;
            }
        }
        AssignTuple(targets, deconstruction.Value, into);
    }
}
