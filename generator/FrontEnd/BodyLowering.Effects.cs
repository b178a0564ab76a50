using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// Code that runs for its effect and carries no derivative: logging and assertion calls with value
/// arguments (<c>Console.WriteLine</c>, <c>Debug.Assert</c>), and guard clauses that throw a new exception.
/// They run in the primal once per generated call and get no adjoint code.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>
    /// A static call whose result is discarded, as an effect statement, when every argument is a value (a
    /// number, a bool, a string): nothing it is given can be written. Null when some argument is an array
    /// or span (the call might write it).
    /// </summary>
    private EffectStmt? EffectCall(IInvocationOperation invocation, List<Stmt> into)
    {
        var method = invocation.TargetMethod;
        // An interpolated message bound to a handler (Debug.Assert(c, $"...") binds to a ref handler) is passed as the string it builds.
        if (!method.IsStatic || invocation.Arguments.Any(a => a.Parameter?.RefKind is not (null or RefKind.None) && a.Value is not IInterpolatedStringHandlerCreationOperation)) return null;
        var arguments = new List<Expr>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues) arguments.Add(EffectValue(element, into));
                continue;
            }
            var value = argument.Value;
            if (value is IInterpolatedStringHandlerCreationOperation { Content: IInterpolatedStringOperation message })
            {
                arguments.Add(EffectValue(message, into));
                continue;
            }
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            if (ArrayVariable(value) is not null || SymbolFacts.ShapeOf(value.Type, _generic).Shape != Shape.Scalar) return null;
            arguments.Add(EffectValue(argument.Value, into));
        }
        string target = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
        return new EffectStmt(new OpaqueCallExpr(target, arguments.ToArray(), ScalarKind.Other, AddSite(invocation)), Throws: false, AddSite(invocation));
    }

    /// <summary><c>throw new E(values...)</c>: an effect statement that ends the method with that exception.</summary>
    private void LowerThrow(IThrowOperation throwOperation, List<Stmt> into)
    {
        var exception = throwOperation.Exception;
        while (exception is IConversionOperation { IsImplicit: true } conversion) exception = conversion.Operand;
        if (exception is not IObjectCreationOperation { Type: { } type, Initializer: null } creation)
        {
            Report(ProblemKind.UnsupportedStatement, throwOperation, Describe(throwOperation) + " (throw a new exception: throw new ArgumentException(...))");
            return;
        }
        var arguments = creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => EffectValue(a.Value, into)).ToArray();
        string constructor = "new " + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        into.Add(new EffectStmt(new OpaqueCallExpr(constructor, arguments, ScalarKind.Other, AddSite(creation)), Throws: true, AddSite(throwOperation)));
    }

    /// <summary>Whether an effect's arguments are being lowered (boxing and string conversions are allowed there).</summary>
    private bool _inEffect;

    /// <summary>A value handed to an effect: any expression of the subset, a string, or an interpolated string.</summary>
    private Expr EffectValue(IOperation value, List<Stmt> into)
    {
        bool outer = _inEffect;
        _inEffect = true;
        try
        {
            return EffectValueCore(value, into);
        }
        finally
        {
            _inEffect = outer;
        }
    }

    private Expr EffectValueCore(IOperation value, List<Stmt> into)
    {
        if (value is IInterpolatedStringOperation interpolated)
        {
            // $"x = {x}" is string.Concat of its parts (format specifiers are not supported).
            var parts = new List<Expr>();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        parts.Add(Lower(text.Text, into));
                        break;
                    case IInterpolationOperation { FormatString: null, Alignment: null } hole:
                        parts.Add(Lower(hole.Expression, into));
                        break;
                    // The same parts as calls of a handler: AppendLiteral("x = "), AppendFormatted(x).
                    case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendLiteral, AppendCall: IInvocationOperation { Arguments.Length: 1 } literal }:
                        parts.Add(Lower(literal.Arguments[0].Value, into));
                        break;
                    case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments.Length: 1 } formatted }:
                        parts.Add(Lower(formatted.Arguments[0].Value, into));
                        break;
                    default:
                        Report(ProblemKind.UnsupportedExpression, part, "an interpolation with a format or alignment (format the value before, or concatenate)");
                        return Invalid;
                }
            }
            return new OpaqueCallExpr("global::System.String.Concat", parts.Select(p => (Expr)new ConvertExpr(p, ScalarKind.Other, "object", IsImplicit: true, AddSite(value))).ToArray(), ScalarKind.Other, AddSite(value));
        }
        return Lower(value, into);
    }
}
