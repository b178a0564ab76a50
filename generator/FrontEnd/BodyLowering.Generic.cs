using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Generic math, lowered for one instantiation (see <see cref="GenericMath"/>): the interfaces' operators
/// are the built-in ones, <c>T.Exp(x)</c> is the primitive <c>double.Exp(x)</c> (or <c>float.Exp</c>),
/// <c>T.CreateChecked(0.5)</c> is a literal, <c>T.Pi</c> a constant.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>A built-in operator, or one of the generic-math interfaces' on the method's type parameter.</summary>
    private bool IsBuiltinOperator(IMethodSymbol? method) => method is null || (_generic is not null && GenericMath.IsInterfaceMember(method));

    /// <summary>A call of a generic-math interface's static member; null when the call is something else.</summary>
    private Expr? LowerGenericMathCall(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        var method = invocation.TargetMethod;
        if (_generic is null || !method.IsStatic || !GenericMath.IsInterfaceMember(method)) return null;
        if (method.Name is "CreateChecked" or "CreateTruncating" or "CreateSaturating" && invocation.Arguments.Length == 1)
        {
            var value = invocation.Arguments[0].Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            if (value.ConstantValue.HasValue) return Literal(value.ConstantValue.Value, kind, invocation.Type!);
            return Coerce(Lower(value, lift), kind, invocation, isImplicit: false);
        }
        if (kind.IsFloating() && PrimitiveRegistry.Find(MethodLibrary.FloatingPoint, method.Name, method.Parameters.Length) is { } rule
            && LowerArguments(invocation, lift) is { } arguments)
            return new PrimitiveCallExpr(new Primitive(rule.Name), kind.Keyword() + "." + method.Name, arguments.ToArray(), kind, AddSite(invocation));
        if (kind.IsFloating())
        {
            Report(ProblemKind.NonDifferentiableCall, invocation, $"T.{method.Name} (no derivative rule for it)");
            return Invalid;
        }
        // A passive result (T.IsNaN(x), T.Sign(x)): the concrete type's own static.
        if (LowerArguments(invocation, lift) is not { } passive) return Invalid;
        return new OpaqueCallExpr(_generic.Kind.Keyword() + "." + method.Name, passive.ToArray(), kind, AddSite(invocation));
    }

    /// <summary><c>T.One</c>, <c>T.Zero</c>, <c>T.Pi</c> and the like, for the instantiated type.</summary>
    private Expr GenericConstant(IPropertyReferenceOperation constant, ScalarKind kind)
    {
        string keyword = _generic!.Kind.Keyword();
        switch (constant.Property.Name)
        {
            case "One": return new LiteralExpr(kind.Literal(1), kind);
            case "Zero": return new LiteralExpr(kind.Literal(0), kind);
            case "NegativeOne": return new LiteralExpr(kind.Literal(-1), kind);
            case "Pi" or "E" or "Tau" or "PositiveInfinity" or "NegativeInfinity" or "NaN" or "Epsilon" or "MaxValue" or "MinValue" or "NegativeZero":
                return new OpaqueValueExpr(keyword + "." + constant.Property.Name, kind);
            default:
                Report(ProblemKind.UnsupportedExpression, constant, $"T.{constant.Property.Name}");
                return Invalid;
        }
    }
}
