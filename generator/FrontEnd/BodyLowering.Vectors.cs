using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// <c>System.Numerics.Vector2</c>, <c>Vector3</c> and <c>Vector4</c> as differentiable values: a vector
/// parameter is an object whose members are its float components (its derivative is a vector of the
/// same type), a vector local is one float variable per component, and vector arithmetic, <c>Dot</c>,
/// <c>Length</c>, <c>Normalize</c>, <c>Cross</c>, <c>Lerp</c> and friends are lowered component by component.
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly Dictionary<ILocalSymbol, int[]> _vectorLocals = new(SymbolEqualityComparer.Default);

    private static string[]? VectorComponents(ITypeSymbol? type) => DifferentiableTypes.VectorComponents(type);

    /// <summary>A vector parameter: an object whose float components are its members, its own type its tangent.</summary>
    private bool TryAddVectorParameter(IParameterSymbol parameter)
    {
        if (VectorComponents(parameter.Type) is not { } components) return false;
        bool differentiable = !SymbolFacts.HasAttribute(parameter, SymbolFacts.NoDerivativeAttribute);
        int index = AddVariable(parameter, parameter.Name, ScalarKind.Other, isParameter: true, differentiable: false);
        string root = _variables[index].Name;
        string type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        AddVectorComponents(root, root, "", (INamedTypeSymbol)parameter.Type, components, differentiable, differentiable: true);
        _variables[index] = _variables[index] with { ObjectType = new ObjectParameter(type, IsValueType: true, differentiable, BuiltinTangent: type) };
        return true;
    }

    /// <summary>
    /// A vector object at <paramref name="path"/> (a parameter, or a member of an object): one float
    /// variable per component, read from it at entry. <paramref name="below"/> is the vector's path under
    /// <paramref name="root"/> with a trailing dot (empty for a parameter).
    /// </summary>
    private void AddVectorComponents(string root, string path, string below, INamedTypeSymbol type, string[] components, bool active, bool differentiable, MemberWrite write = MemberWrite.Assign)
    {
        _roots[path] = type;
        string local = (path.StartsWith("this.", System.StringComparison.Ordinal) ? path.Substring(5) : path).Replace('.', '_').Replace("@", "");
        foreach (var component in components)
        {
            _memberIndex[(path, component)] = _variables.Count;
            _variables.Add(new VariableInfo(UniqueName(local + "_" + component), ScalarKind.Float, IsParameter: true,
                IsDifferentiableParameter: active && differentiable, IsActive: false,
                Member: new ObjectMember(root, below + component, IsParameterObject: false, differentiable, write)));
        }
    }

    /// <summary>A vector local: one float variable per component, then its initializer.</summary>
    private bool TryLowerVectorDeclarator(ILocalSymbol local, IVariableInitializerOperation? initializer, List<Stmt> into)
    {
        if (VectorComponents(local.Type) is not { } components) return false;
        var variables = components.Select(c => AddNamedVariable(local.Name + "_" + c, ScalarKind.Float)).ToArray();
        _vectorLocals[local] = variables;
        if (initializer is not null) AssignVector(variables, initializer.Value, into);
        return true;
    }

    private int AddNamedVariable(string name, ScalarKind kind)
    {
        _variables.Add(new VariableInfo(UniqueName(name), kind, IsParameter: false, IsDifferentiableParameter: false, IsActive: false));
        return _variables.Count - 1;
    }

    /// <summary>Assigns a vector value to component variables, all components computed first.</summary>
    private void AssignVector(int[] targets, IOperation value, List<Stmt> into)
    {
        if (LowerVector(value, into) is not { } components) return;
        var staged = Stage(components, into);
        for (int i = 0; i < targets.Length; i++) into.Add(new AssignStmt(targets[i], staged[i]));
    }

    /// <summary>Component values in fresh locals (when statements can be added), so they are computed once.</summary>
    private List<Expr> Stage(List<Expr> components, List<Stmt>? into)
    {
        if (into is null || components.All(c => c is VariableExpr or LiteralExpr)) return components;
        return components.Select(c =>
        {
            int staged = AddSyntheticVariable(ScalarKind.Float, "component");
            into.Add(new AssignStmt(staged, c));
            return (Expr)new VariableExpr(staged, ScalarKind.Float);
        }).ToList();
    }

    /// <summary>A vector-valued expression as its components (float); null after reporting.</summary>
    private List<Expr>? LowerVector(IOperation operation, List<Stmt>? lift)
    {
        while (operation is IParenthesizedOperation parenthesized) operation = parenthesized.Operand;
        var components = VectorComponents(operation.Type);
        if (components is null)
        {
            Report(ProblemKind.UnsupportedExpression, operation, Describe(operation) + " (a vector of another type)");
            return null;
        }
        Expr F(IOperation scalar) => Coerce(Lower(scalar, lift), ScalarKind.Float, scalar);
        List<Expr> Each(System.Func<int, Expr> component) => Enumerable.Range(0, components.Length).Select(component).ToList();
        switch (operation)
        {
            case IParameterReferenceOperation parameter when _variableIndex.TryGetValue(parameter.Parameter, out int p) && _variables[p].ObjectType is not null:
                return components.Select(c => (Expr)new VariableExpr(_memberIndex[(_variables[p].Name, c)], ScalarKind.Float)).ToList();
            case IFieldReferenceOperation or IPropertyReferenceOperation when RootOf(operation) is string member && _memberIndex.ContainsKey((member, components[0])):
                return components.Select(c => (Expr)new VariableExpr(_memberIndex[(member, c)], ScalarKind.Float)).ToList();
            case ILocalReferenceOperation local when _vectorLocals.TryGetValue(local.Local, out var variables):
                return variables.Select(v => (Expr)new VariableExpr(v, ScalarKind.Float)).ToList();
            case IObjectCreationOperation creation when creation.Arguments.Length == components.Length:
                return creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => F(a.Value)).ToList();
            case IObjectCreationOperation { Arguments.Length: 1 } splat when SymbolFacts.KindOf(splat.Arguments[0].Value.Type) != ScalarKind.Other:
            {
                var value = Stage(new List<Expr> { F(splat.Arguments[0].Value) }, lift)[0];
                return Each(_ => value);
            }
            case IObjectCreationOperation { Arguments.Length: 0 } or IDefaultValueOperation:
                return Each(_ => new LiteralExpr("0f", ScalarKind.Float));
            case IPropertyReferenceOperation { Instance: null } constant:
                return constant.Property.Name switch
                {
                    "Zero" => Each(_ => new LiteralExpr("0f", ScalarKind.Float)),
                    "One" => Each(_ => new LiteralExpr("1f", ScalarKind.Float)),
                    var unit when unit.StartsWith("Unit") => Each(i => new LiteralExpr(components[i] == unit.Substring(4) ? "1f" : "0f", ScalarKind.Float)),
                    _ => Unsupported(),
                };
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation when LowerVector(negation.Operand, lift) is { } operand:
                return operand.Select(c => (Expr)new UnaryExpr(UnaryOp.Negate, c, ScalarKind.Float)).ToList();
            case IBinaryOperation binary when MapBinary(binary.OperatorKind, binary) is BinaryOp op && op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide:
                return Componentwise(op, binary.LeftOperand, binary.RightOperand, lift);
            case IInvocationOperation call when call.TargetMethod.IsStatic && VectorComponents(call.TargetMethod.ContainingType) is not null:
                return LowerVectorCall(call, lift);
            default:
                return Unsupported();
        }

        List<Expr>? Unsupported()
        {
            Report(ProblemKind.UnsupportedExpression, operation, Describe(operation) + " (vectors support arithmetic, new, Zero/One/Unit*, Normalize, Cross, Lerp, Min, Max, Abs, Add, Subtract, Multiply, Divide, Negate)");
            return null;
        }
    }

    /// <summary>a op b where each side is a vector or a scalar (broadcast), component by component.</summary>
    private List<Expr>? Componentwise(BinaryOp op, IOperation left, IOperation right, List<Stmt>? lift)
    {
        List<Expr>? Side(IOperation side, int count)
        {
            if (VectorComponents(side.Type) is not null) return LowerVector(side, lift) is { } v ? Stage(v, lift) : null;
            var scalar = Stage(new List<Expr> { Coerce(Lower(side, lift), ScalarKind.Float, side) }, lift)[0];
            return Enumerable.Repeat(scalar, count).ToList();
        }
        int n = (VectorComponents(left.Type) ?? VectorComponents(right.Type))!.Length;
        if (Side(left, n) is not { } a || Side(right, n) is not { } b) return null;
        return a.Zip(b, (x, y) => (Expr)new BinaryExpr(op, x, y, ScalarKind.Float)).ToList();
    }

    private Expr Sqrt(Expr value, IOperation site)
        => new PrimitiveCallExpr(new Primitive(PrimitiveRegistry.Find(MethodLibrary.Math, "Sqrt", 1)!.Name), "global::System.MathF.Sqrt", new[] { value }, ScalarKind.Float, AddSite(site));

    private static Expr Sum(IEnumerable<Expr> terms) => terms.Aggregate((a, b) => new BinaryExpr(BinaryOp.Add, a, b, ScalarKind.Float));

    private static IEnumerable<Expr> Products(List<Expr> a, List<Expr> b) => a.Zip(b, (x, y) => (Expr)new BinaryExpr(BinaryOp.Multiply, x, y, ScalarKind.Float));

    /// <summary>The vector-valued statics of the vector types.</summary>
    private List<Expr>? LowerVectorCall(IInvocationOperation call, List<Stmt>? lift)
    {
        var arguments = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        List<Expr>? V(int i) => LowerVector(arguments[i], lift) is { } v ? Stage(v, lift) : null;
        List<Expr>? Binary(BinaryOp op) => arguments.Count == 2 ? Componentwise(op, arguments[0], arguments[1], lift) : null;
        List<Expr>? Elementwise(string name)
        {
            var rule = PrimitiveRegistry.Find(MethodLibrary.Math, name, arguments.Count)!;
            var sides = Enumerable.Range(0, arguments.Count).Select(V).ToList();
            if (sides.Any(s => s is null)) return null;
            return Enumerable.Range(0, sides[0]!.Count)
                .Select(i => (Expr)new PrimitiveCallExpr(new Primitive(rule.Name), "global::System.MathF." + name, sides.Select(s => s![i]).ToArray(), ScalarKind.Float, AddSite(call)))
                .ToList();
        }
        switch (call.TargetMethod.Name)
        {
            case "Add": return Binary(BinaryOp.Add);
            case "Subtract": return Binary(BinaryOp.Subtract);
            case "Multiply": return Binary(BinaryOp.Multiply);
            case "Divide": return Binary(BinaryOp.Divide);
            case "Negate" when V(0) is { } negated: return negated.Select(c => (Expr)new UnaryExpr(UnaryOp.Negate, c, ScalarKind.Float)).ToList();
            case "Min" or "Max" or "Abs": return Elementwise(call.TargetMethod.Name);
            case "Normalize" when V(0) is { } v:
            {
                var length = Stage(new List<Expr> { Sqrt(Sum(Products(v, v)), call) }, lift)[0];
                return v.Select(c => (Expr)new BinaryExpr(BinaryOp.Divide, c, length, ScalarKind.Float)).ToList();
            }
            case "Cross" when V(0) is { Count: 3 } a && V(1) is { Count: 3 } b:
            {
                Expr M(int i, int j) => new BinaryExpr(BinaryOp.Subtract,
                    new BinaryExpr(BinaryOp.Multiply, a[i], b[j], ScalarKind.Float), new BinaryExpr(BinaryOp.Multiply, a[j], b[i], ScalarKind.Float), ScalarKind.Float);
                return new List<Expr> { M(1, 2), M(2, 0), M(0, 1) };
            }
            case "Lerp" when V(0) is { } from && V(1) is { } to:
            {
                var amount = Stage(new List<Expr> { Coerce(Lower(arguments[2], lift), ScalarKind.Float, arguments[2]) }, lift)[0];
                return from.Zip(to, (x, y) => (Expr)new BinaryExpr(BinaryOp.Add, x,
                    new BinaryExpr(BinaryOp.Multiply, new BinaryExpr(BinaryOp.Subtract, y, x, ScalarKind.Float), amount, ScalarKind.Float), ScalarKind.Float)).ToList();
            }
            default:
                Report(ProblemKind.UnsupportedExpression, call, $"{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}");
                return null;
        }
    }

    /// <summary>
    /// Scalars from vectors: <c>Dot</c>, <c>Length()</c>, <c>LengthSquared()</c>, <c>Distance</c>,
    /// <c>DistanceSquared</c>, and a component of a vector expression (<c>(a - b).X</c>, <c>v.Y</c> of a local).
    /// Null when <paramref name="operation"/> is something else.
    /// </summary>
    private Expr? LowerVectorScalar(IOperation operation, List<Stmt>? lift)
    {
        switch (operation)
        {
            case IFieldReferenceOperation { Instance: { } vector } field when VectorComponents(vector.Type) is { } names && RootOf(vector) is null:
            {
                if (LowerVector(vector, lift) is not { } components) return Invalid;
                return components[System.Array.IndexOf(names, field.Field.Name)];
            }
            case IInvocationOperation call when VectorComponents(call.TargetMethod.ContainingType) is not null && SymbolFacts.KindOf(call.Type) == ScalarKind.Float:
            {
                var arguments = (call.Instance is null ? Enumerable.Empty<IOperation>() : new[] { call.Instance })
                    .Concat(call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value)).ToList();
                var vectors = new List<List<Expr>>();
                foreach (var argument in arguments)
                {
                    if (LowerVector(argument, lift) is not { } v) return Invalid;
                    vectors.Add(Stage(v, lift));
                }
                List<Expr> Difference() => vectors[0].Zip(vectors[1], (x, y) => (Expr)new BinaryExpr(BinaryOp.Subtract, x, y, ScalarKind.Float)).ToList();
                switch (call.TargetMethod.Name)
                {
                    case "Dot" when vectors.Count == 2: return Sum(Products(vectors[0], vectors[1]));
                    case "LengthSquared" when vectors.Count == 1: return Sum(Products(vectors[0], vectors[0]));
                    case "Length" when vectors.Count == 1: return Sqrt(Sum(Products(vectors[0], vectors[0])), call);
                    case "DistanceSquared" when vectors.Count == 2:
                    {
                        var d = Stage(Difference(), lift);
                        return Sum(Products(d, d));
                    }
                    case "Distance" when vectors.Count == 2:
                    {
                        var d = Stage(Difference(), lift);
                        return Sqrt(Sum(Products(d, d)), call);
                    }
                }
                Report(ProblemKind.UnsupportedExpression, call, $"{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name} (vectors give Dot, Length, LengthSquared, Distance, DistanceSquared and components)");
                return Invalid;
            }
            default:
                return null;
        }
    }

    /// <summary><c>v = ...</c>, <c>v += ...</c> and friends on a vector local; false when the target is something else.</summary>
    private bool TryLowerVectorAssignment(IOperation operation, List<Stmt> into)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when _vectorLocals.TryGetValue(target.Local, out var variables):
                AssignVector(variables, assignment.Value, into);
                return true;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when _vectorLocals.TryGetValue(target.Local, out var variables):
            {
                if (MapBinary(compound.OperatorKind, compound) is not BinaryOp op || Componentwise(op, compound.Target, compound.Value, into) is not { } values) return true;
                var staged = Stage(values, into);
                for (int i = 0; i < variables.Length; i++) into.Add(new AssignStmt(variables[i], staged[i]));
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary><c>v.X</c> of a vector local, read or written.</summary>
    private int? VectorLocalComponent(IOperation operation)
        => operation is IFieldReferenceOperation { Instance: ILocalReferenceOperation local } field
           && _vectorLocals.TryGetValue(local.Local, out var variables) && VectorComponents(local.Local.Type) is { } names
            ? variables[System.Array.IndexOf(names, field.Field.Name)]
            : null;
}
