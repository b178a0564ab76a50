using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// <c>System.Numerics.Complex</c> values inside a method: a complex local is two double variables (real and imaginary
/// parts), and complex arithmetic (<c>+ - * /</c>, with doubles too), <c>new Complex(a, b)</c>, <c>Exp</c>, <c>Log</c>,
/// <c>Conjugate</c>, <c>FromPolarCoordinates</c>, <c>Zero</c>/<c>One</c>/<c>ImaginaryOne</c>, and the scalars
/// <c>Real</c>, <c>Imaginary</c>, <c>Magnitude</c>, <c>Phase</c> and <c>Complex.Abs</c> are lowered to real
/// arithmetic on the parts, so the existing scalar rules differentiate them (the derivative of a holomorphic step is
/// its real 2 × 2 Jacobian). Complex parameters and results are not supported yet.
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly Dictionary<ILocalSymbol, int[]> _complexLocals = new(SymbolEqualityComparer.Default);

    private static bool IsComplex(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "Complex", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Numerics";

    /// <summary>A complex local: two double variables, then its initializer.</summary>
    private bool TryLowerComplexDeclarator(ILocalSymbol local, IVariableInitializerOperation? initializer, List<Stmt> into)
    {
        if (!IsComplex(local.Type)) return false;
        var parts = new[] { AddNamedVariable(local.Name + "_Real", ScalarKind.Double), AddNamedVariable(local.Name + "_Imaginary", ScalarKind.Double) };
        _complexLocals[local] = parts;
        if (initializer is not null) AssignComplex(parts, initializer.Value, into);
        return true;
    }

    private void AssignComplex(int[] targets, IOperation value, List<Stmt> into)
    {
        if (LowerComplex(value, into) is not { } parts) return;
        var staged = StageDouble(parts, into);
        into.Add(new AssignStmt(targets[0], staged[0]));
        into.Add(new AssignStmt(targets[1], staged[1]));
    }

    /// <summary><c>z = ...</c> and <c>z op= ...</c> on a complex local; false when the target is something else.</summary>
    private bool TryLowerComplexAssignment(IOperation operation, List<Stmt> into)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when _complexLocals.TryGetValue(target.Local, out var parts):
                AssignComplex(parts, assignment.Value, into);
                return true;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when _complexLocals.TryGetValue(target.Local, out var parts):
            {
                if (MapBinary(compound.OperatorKind, compound) is not BinaryOp op || ComplexBinary(op, compound.Target, compound.Value, into, compound) is not { } values) return true;
                var staged = StageDouble(values, into);
                into.Add(new AssignStmt(parts[0], staged[0]));
                into.Add(new AssignStmt(parts[1], staged[1]));
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>Parts that are not plain variables or literals, computed into fresh locals first (each used more than once).</summary>
    private List<Expr> StageDouble(List<Expr> parts, List<Stmt>? into)
    {
        if (into is null || parts.All(c => c is VariableExpr or LiteralExpr)) return parts;
        return parts.Select(c =>
        {
            int staged = AddSyntheticVariable(ScalarKind.Double, "part");
            into.Add(new AssignStmt(staged, c));
            return (Expr)new VariableExpr(staged, ScalarKind.Double);
        }).ToList();
    }

    private static Expr Zero => new LiteralExpr("0.0", ScalarKind.Double);

    private static Expr Op(BinaryOp op, Expr a, Expr b) => new BinaryExpr(op, a, b, ScalarKind.Double);

    private Expr MathCall(string name, IOperation site, params Expr[] arguments)
    {
        var library = name == "Hypot" ? MethodLibrary.FloatingPoint : MethodLibrary.Math;
        string spelled = name == "Hypot" ? "double.Hypot" : "global::System.Math." + name;
        return new PrimitiveCallExpr(new Primitive(PrimitiveRegistry.Find(library, name, arguments.Length)!.Name), spelled, arguments, ScalarKind.Double, AddSite(site));
    }

    /// <summary>A complex-valued expression as its (real, imaginary) parts; null after reporting.</summary>
    private List<Expr>? LowerComplex(IOperation operation, List<Stmt>? lift)
    {
        while (operation is IParenthesizedOperation parenthesized) operation = parenthesized.Operand;
        if (!IsComplex(operation.Type))
        {
            // A real number where a complex one is expected (an implicit conversion's operand, a mixed operation's side).
            var kind = SymbolFacts.KindOf(operation.Type, _generic);
            if (kind == ScalarKind.Other) return UnsupportedComplex(operation);
            return new List<Expr> { Coerce(Lower(operation, lift), ScalarKind.Double, operation), Zero };
        }
        switch (operation)
        {
            case ILocalReferenceOperation local when _complexLocals.TryGetValue(local.Local, out var parts):
                return parts.Select(p => (Expr)new VariableExpr(p, ScalarKind.Double)).ToList();
            case IConversionOperation { IsImplicit: true } conversion:
                return LowerComplex(conversion.Operand, lift);
            case IObjectCreationOperation { Arguments.Length: 2 } creation:
                return creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Coerce(Lower(a.Value, lift), ScalarKind.Double, a.Value)).ToList();
            case IObjectCreationOperation { Arguments.Length: 0 } or IDefaultValueOperation:
                return new List<Expr> { Zero, Zero };
            case IFieldReferenceOperation { Instance: null } constant:
                return constant.Field.Name switch
                {
                    "Zero" => new List<Expr> { Zero, Zero },
                    "One" => new List<Expr> { new LiteralExpr("1.0", ScalarKind.Double), Zero },
                    "ImaginaryOne" => new List<Expr> { Zero, new LiteralExpr("1.0", ScalarKind.Double) },
                    _ => UnsupportedComplex(operation),
                };
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation when LowerComplex(negation.Operand, lift) is { } operand:
                return operand.Select(c => (Expr)new UnaryExpr(UnaryOp.Negate, c, ScalarKind.Double)).ToList();
            case IBinaryOperation binary when MapBinary(binary.OperatorKind, binary) is BinaryOp op:
                return ComplexBinary(op, binary.LeftOperand, binary.RightOperand, lift, binary);
            case IInvocationOperation call when call.TargetMethod.IsStatic && IsComplex(call.TargetMethod.ContainingType):
                return LowerComplexCall(call, lift);
            default:
                return UnsupportedComplex(operation);
        }
    }

    private List<Expr>? UnsupportedComplex(IOperation operation)
    {
        Report(ProblemKind.UnsupportedExpression, operation, Describe(operation) + " (complex values support locals, new Complex(re, im), + - * / with complex and real operands, Exp, Log, Conjugate, FromPolarCoordinates, Zero, One, ImaginaryOne, and Real, Imaginary, Magnitude, Phase, Abs; not complex parameters or results yet)");
        return null;
    }

    /// <summary>a op b for complex (or real) a and b: (a + bi)(c + di) = (ac - bd) + (ad + bc)i, and the quotient over c² + d².</summary>
    private List<Expr>? ComplexBinary(BinaryOp op, IOperation left, IOperation right, List<Stmt>? lift, IOperation site)
    {
        if (LowerComplex(left, lift) is not { } l || LowerComplex(right, lift) is not { } r) return null;
        var (a, b) = (l[0], l[1]);
        var (c, d) = (r[0], r[1]);
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Subtract:
                return new List<Expr> { Op(op, a, c), Op(op, b, d) };
            case BinaryOp.Multiply:
            {
                var x = StageDouble(new List<Expr> { a, b, c, d }, lift);
                return new List<Expr>
                {
                    Op(BinaryOp.Subtract, Op(BinaryOp.Multiply, x[0], x[2]), Op(BinaryOp.Multiply, x[1], x[3])),
                    Op(BinaryOp.Add, Op(BinaryOp.Multiply, x[0], x[3]), Op(BinaryOp.Multiply, x[1], x[2])),
                };
            }
            case BinaryOp.Divide:
            {
                var x = StageDouble(new List<Expr> { a, b, c, d }, lift);
                var denominator = StageDouble(new List<Expr> { Op(BinaryOp.Add, Op(BinaryOp.Multiply, x[2], x[2]), Op(BinaryOp.Multiply, x[3], x[3])) }, lift)[0];
                return new List<Expr>
                {
                    Op(BinaryOp.Divide, Op(BinaryOp.Add, Op(BinaryOp.Multiply, x[0], x[2]), Op(BinaryOp.Multiply, x[1], x[3])), denominator),
                    Op(BinaryOp.Divide, Op(BinaryOp.Subtract, Op(BinaryOp.Multiply, x[1], x[2]), Op(BinaryOp.Multiply, x[0], x[3])), denominator),
                };
            }
            default:
                return UnsupportedComplex(site);
        }
    }

    /// <summary>The complex-valued statics of <c>Complex</c>.</summary>
    private List<Expr>? LowerComplexCall(IInvocationOperation call, List<Stmt>? lift)
    {
        var arguments = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        List<Expr>? Z(int i) => LowerComplex(arguments[i], lift) is { } z ? StageDouble(z, lift) : null;
        switch (call.TargetMethod.Name)
        {
            case "Add": return ComplexBinary(BinaryOp.Add, arguments[0], arguments[1], lift, call);
            case "Subtract": return ComplexBinary(BinaryOp.Subtract, arguments[0], arguments[1], lift, call);
            case "Multiply": return ComplexBinary(BinaryOp.Multiply, arguments[0], arguments[1], lift, call);
            case "Divide": return ComplexBinary(BinaryOp.Divide, arguments[0], arguments[1], lift, call);
            case "Negate" when Z(0) is { } z: return z.Select(c => (Expr)new UnaryExpr(UnaryOp.Negate, c, ScalarKind.Double)).ToList();
            case "Conjugate" when Z(0) is { } z: return new List<Expr> { z[0], new UnaryExpr(UnaryOp.Negate, z[1], ScalarKind.Double) };
            case "Exp" when Z(0) is { } z:
            {
                var scale = StageDouble(new List<Expr> { MathCall("Exp", call, z[0]) }, lift)[0];
                return new List<Expr> { Op(BinaryOp.Multiply, scale, MathCall("Cos", call, z[1])), Op(BinaryOp.Multiply, scale, MathCall("Sin", call, z[1])) };
            }
            case "Log" when arguments.Count == 1 && Z(0) is { } z:
                return new List<Expr> { MathCall("Log", call, MathCall("Hypot", call, z[0], z[1])), MathCall("Atan2", call, z[1], z[0]) };
            case "FromPolarCoordinates":
            {
                var polar = StageDouble(arguments.Select(a => Coerce(Lower(a, lift), ScalarKind.Double, a)).ToList(), lift);
                return new List<Expr> { Op(BinaryOp.Multiply, polar[0], MathCall("Cos", call, polar[1])), Op(BinaryOp.Multiply, polar[0], MathCall("Sin", call, polar[1])) };
            }
            default:
                return UnsupportedComplex(call);
        }
    }

    /// <summary>Real scalars of a complex value: <c>z.Real</c>, <c>z.Imaginary</c>, <c>z.Magnitude</c>, <c>z.Phase</c>, <c>Complex.Abs(z)</c>; null for anything else.</summary>
    private Expr? LowerComplexScalar(IOperation operation, List<Stmt>? lift)
    {
        IOperation? value = operation switch
        {
            IPropertyReferenceOperation { Instance: { } instance } when IsComplex(instance.Type) => instance,
            IInvocationOperation { TargetMethod.Name: "Abs", Arguments.Length: 1 } abs when IsComplex(abs.TargetMethod.ContainingType) => abs.Arguments[0].Value,
            _ => null,
        };
        if (value is null) return null;
        string name = operation is IPropertyReferenceOperation property ? property.Property.Name : "Magnitude";
        if (name is not ("Real" or "Imaginary" or "Magnitude" or "Phase")) return null;
        if (LowerComplex(value, lift) is not { } parts) return Invalid;
        return name switch
        {
            "Real" => parts[0],
            "Imaginary" => parts[1],
            "Magnitude" => MathCall("Hypot", operation, StageDouble(parts, lift).ToArray()),
            _ => MathCall("Atan2", operation, parts[1], parts[0]),
        };
    }
}
