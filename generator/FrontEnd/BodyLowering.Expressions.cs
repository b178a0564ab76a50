using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

internal sealed partial class BodyLowering
{
    private static readonly Expr Invalid = new LiteralExpr("0", ScalarKind.Other);

    /// <summary>
    /// Lowers an expression in a value position. Floating conditional expressions are lifted into
    /// <see cref="IfStmt"/>s appended to <paramref name="into"/>, with each branch lowered inside its own
    /// arm, so the reverse sweep only ever differentiates the arm that ran.
    /// </summary>
    private Expr LowerValue(IOperation operation, List<Stmt> into) => Lower(operation, into);

    /// <summary>Lowers a condition (a passive boolean): nothing is lifted; conditionals stay expressions.</summary>
    private Expr LowerCondition(IOperation operation) => Lower(operation, null);

    private Expr Lower(IOperation operation, List<Stmt>? lift)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var kind = SymbolFacts.KindOf(operation.Type, _generic);
        if (operation.ConstantValue.HasValue && operation.Type is not null)
            return Literal(operation.ConstantValue.Value, kind, operation.Type);

        if (LowerArrayShape(operation, lift) is { } shape) return shape;
        if (ElementReference(operation) is var (array, index, offset))
            return new ElementExpr(array, Offset(offset, Lower(index, lift)), _variables[array].Kind); // a[i++]: the step is lifted
        if (operation is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } lengthOf } && ArrayVariable(lengthOf) is int measured)
            return new LengthExpr(measured);
        if (operation is IPropertyReferenceOperation { Property.Name: "Length", Instance: { } viewed } && View(viewed) is { } view)
            return view.Length;

        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation when ArrayVariable(operation) is int whole:
                Report(ProblemKind.UnsupportedExpression, operation, $"use of the whole array '{_variables[whole].Name}' (read its elements or Length)");
                return Invalid;
            case IFieldReferenceOperation when TupleElement(operation) is int element:
                return new VariableExpr(element, _variables[element].Kind);
            case IFieldReferenceOperation when VectorLocalComponent(operation) is int component:
                return new VariableExpr(component, ScalarKind.Float);
            case IParameterReferenceOperation parameter when _variableIndex.TryGetValue(parameter.Parameter, out int o) && _variables[o].ObjectType is not null:
                Report(ProblemKind.UnsupportedExpression, operation, $"use of the object '{parameter.Parameter.Name}' itself (read its members or call its [Differentiable] methods)");
                return Invalid;
            case ILocalReferenceOperation local when _variableIndex.TryGetValue(local.Local, out int l):
                return new VariableExpr(l, _variables[l].Kind);
            case IParameterReferenceOperation parameter when _variableIndex.TryGetValue(parameter.Parameter, out int p):
                return new VariableExpr(p, _variables[p].Kind);
            case IPropertyReferenceOperation when ReceiverVariable(operation) is null && LowerComplexScalar(operation, lift) is { } complexPart:
                return complexPart;
            case IPropertyReferenceOperation property when ReceiverVariable(operation) is null && InlineComputedProperty(property, lift) is { } inlined:
                return inlined;
            case IFieldReferenceOperation when ReceiverVariable(operation) is null && LowerVectorScalar(operation, lift) is { } component:
                return component;
            case IFieldReferenceOperation or IPropertyReferenceOperation when ReceiverVariable(operation) is int member:
                if (_variables[member].IsScalar) return new VariableExpr(member, _variables[member].Kind);
                Report(ProblemKind.UnsupportedExpression, operation, $"use of the whole array '{_variables[member].Member!.Name}' (read its elements or Length)");
                return Invalid;
            case IConversionOperation conversion:
                return LowerConversion(conversion, lift);
            case IUnaryOperation unary when IsBuiltinOperator(unary.OperatorMethod):
                return LowerUnary(unary, lift);
            case IBinaryOperation binary when IsBuiltinOperator(binary.OperatorMethod):
                return LowerBinary(binary, lift, kind);
            case IIsPatternOperation isPattern:
                return LowerIsPattern(isPattern, lift);
            case ISwitchExpressionOperation switchExpression:
                return LowerSwitchExpression(switchExpression, lift, kind);
            case IConditionalOperation conditional when conditional.Type is not null:
                return LowerConditional(conditional, lift, kind);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, lift, kind);
            case IPropertyReferenceOperation { Instance: null } constant when _generic is not null && GenericMath.IsInterfaceMember(constant.Property):
                return GenericConstant(constant, kind);
            case IFieldReferenceOperation { Instance: null } field when kind != ScalarKind.Other:
                return new OpaqueValueExpr(field.Field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Field.Name, kind);
            case IPropertyReferenceOperation { Instance: null, Arguments.Length: 0 } property when kind != ScalarKind.Other:
                return new OpaqueValueExpr(property.Property.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + property.Property.Name, kind);
            case IParenthesizedOperation parenthesized:
                return Lower(parenthesized.Operand, lift);
            case IIncrementOrDecrementOperation step when lift is not null && InlineStep(step, lift) is { } stepped:
                return stepped;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                Report(ProblemKind.UnsupportedExpression, operation, Describe(operation) + " (an assignment inside an expression; assign in its own statement)");
                return Invalid;
            default:
                Report(ProblemKind.UnsupportedExpression, operation, Describe(operation));
                return Invalid;
        }
    }

    private Expr LowerConversion(IConversionOperation conversion, List<Stmt>? lift)
    {
        var operand = Lower(conversion.Operand, lift);
        var target = SymbolFacts.KindOf(conversion.Type, _generic);
        if (conversion.Conversion.IsIdentity) return operand;
        // Inside an effect (a log line), values may be boxed or formatted: string + x converts x to object.
        if (_inEffect && conversion.OperatorMethod is null && conversion.Type is { IsReferenceType: true } reference)
            return new ConvertExpr(operand, ScalarKind.Other, reference.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), conversion.IsImplicit, AddSite(conversion));
        if (!conversion.Conversion.IsNumeric || target == ScalarKind.Other || conversion.OperatorMethod is not null)
        {
            // An operand already reported is the problem to fix; its conversion would only repeat it.
            if (ReferenceEquals(operand, Invalid)) return Invalid;
            Report(ProblemKind.UnsupportedExpression, conversion, $"conversion to '{conversion.Type?.ToDisplayString()}'");
            return Invalid;
        }
        return new ConvertExpr(operand, target, target.Keyword(), conversion.IsImplicit, AddSite(conversion));
    }

    private Expr LowerUnary(IUnaryOperation unary, List<Stmt>? lift)
    {
        UnaryOp? op = unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus => UnaryOp.Negate,
            UnaryOperatorKind.Plus => UnaryOp.Plus,
            UnaryOperatorKind.Not => UnaryOp.Not,
            UnaryOperatorKind.BitwiseNegation => UnaryOp.BitwiseNot,
            _ => null,
        };
        if (op is null)
        {
            Report(ProblemKind.UnsupportedExpression, unary, $"unary operator {unary.OperatorKind}");
            return Invalid;
        }
        return new UnaryExpr(op.Value, Lower(unary.Operand, lift), SymbolFacts.KindOf(unary.Type, _generic));
    }

    private Expr LowerBinary(IBinaryOperation binary, List<Stmt>? lift, ScalarKind kind)
    {
        if (MapBinary(binary.OperatorKind, binary) is not BinaryOp op) return Invalid;
        if (op is BinaryOp.ConditionalAnd or BinaryOp.ConditionalOr && lift is not null && NeedsStatements(binary.RightOperand))
            return LowerShortCircuit(binary, op, lift);
        var left = Lower(binary.LeftOperand, lift);
        // The right side of && and || runs only sometimes: it must not lift anything out of that guard.
        var right = Lower(binary.RightOperand, op is BinaryOp.ConditionalAnd or BinaryOp.ConditionalOr ? null : lift);
        if (op == BinaryOp.Remainder && kind.IsFloating())
        {
            Report(ProblemKind.UnsupportedExpression, binary, "floating-point remainder (%); use Math.IEEERemainder-free code or Math.Floor");
            return Invalid;
        }
        var result = new BinaryExpr(op, left, right, kind);
        if (op is BinaryOp.Equal or BinaryOp.NotEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual)
            ComparisonSites[result] = binary.Syntax.GetLocation();
        return result;
    }

    /// <summary>
    /// Whether lowering <paramref name="operation"/> may need statements before it: a pattern, a switch
    /// expression, a local function's body, or a computed property's (lowered in place). Conditions without
    /// them keep the expression form, so a hot loop's <c>i &lt; a.Length &amp;&amp; ...</c> gains no branch.
    /// </summary>
    private static bool NeedsStatements(IOperation operation)
        => operation.DescendantsAndSelf().Any(o => o is IIsPatternOperation or ISwitchExpressionOperation
            or IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }
            || o is IPropertyReferenceOperation { Property: { IsIndexer: false, GetMethod: { } getter } } && HasSourceBody(getter));

    /// <summary>A getter written in source with a body (an arrow or a block): not an auto-property, not metadata.</summary>
    private static bool HasSourceBody(IMethodSymbol getter)
        => getter.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: not null } or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { ExpressionBody: not null });

    /// <summary>
    /// <c>a &amp;&amp; F(x) &gt; 0</c> with statements needed on the right (a local function, a switch
    /// expression): they may run only when the right side is evaluated, so the value goes through a flag
    /// set under an if.
    /// </summary>
    private Expr LowerShortCircuit(IBinaryOperation binary, BinaryOp op, List<Stmt> lift)
    {
        int flag = AddSyntheticVariable(ScalarKind.Bool, "condition");
        lift.Add(new AssignStmt(flag, Lower(binary.LeftOperand, lift)));
        var right = new List<Stmt>();
        right.Add(new AssignStmt(flag, Lower(binary.RightOperand, right)));
        var test = new VariableExpr(flag, ScalarKind.Bool);
        lift.Add(new IfStmt(op == BinaryOp.ConditionalAnd ? test : new UnaryExpr(UnaryOp.Not, test, ScalarKind.Bool), right.ToArray(), EquatableArray<Stmt>.Empty));
        return test;
    }

    private BinaryOp? MapBinary(BinaryOperatorKind kind, IOperation site)
    {
        BinaryOp? op = kind switch
        {
            BinaryOperatorKind.Add => BinaryOp.Add,
            BinaryOperatorKind.Subtract => BinaryOp.Subtract,
            BinaryOperatorKind.Multiply => BinaryOp.Multiply,
            BinaryOperatorKind.Divide => BinaryOp.Divide,
            BinaryOperatorKind.Remainder => BinaryOp.Remainder,
            BinaryOperatorKind.Equals => BinaryOp.Equal,
            BinaryOperatorKind.NotEquals => BinaryOp.NotEqual,
            BinaryOperatorKind.LessThan => BinaryOp.Less,
            BinaryOperatorKind.LessThanOrEqual => BinaryOp.LessOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOp.Greater,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOp.GreaterOrEqual,
            BinaryOperatorKind.ConditionalAnd => BinaryOp.ConditionalAnd,
            BinaryOperatorKind.ConditionalOr => BinaryOp.ConditionalOr,
            BinaryOperatorKind.And => BinaryOp.And,
            BinaryOperatorKind.Or => BinaryOp.Or,
            BinaryOperatorKind.ExclusiveOr => BinaryOp.ExclusiveOr,
            _ => null,
        };
        if (op is null) Report(ProblemKind.UnsupportedExpression, site, $"binary operator {kind}");
        return op;
    }

    private Expr LowerConditional(IConditionalOperation conditional, List<Stmt>? lift, ScalarKind kind)
    {
        var condition = Lower(conditional.Condition, lift);
        if (lift is null || !kind.IsFloating())
        {
            // Conditions and passive values keep the expression form; each arm is lowered without lifting.
            return new ConditionalExpr(condition, Lower(conditional.WhenTrue, null), Lower(conditional.WhenFalse!, null), kind);
        }
        int result = AddSyntheticVariable(kind);
        var then = new List<Stmt>();
        then.Add(new AssignStmt(result, Coerce(Lower(conditional.WhenTrue, then), kind, conditional.WhenTrue)));
        var otherwise = new List<Stmt>();
        otherwise.Add(new AssignStmt(result, Coerce(Lower(conditional.WhenFalse!, otherwise), kind, conditional.WhenFalse!)));
        lift.Add(new IfStmt(condition, then.ToArray(), otherwise.ToArray()));
        return new VariableExpr(result, kind);
    }

    private Expr LowerInvocation(IInvocationOperation invocation, List<Stmt>? lift, ScalarKind kind)
    {
        var method = invocation.TargetMethod;
        if (PoolMethod(invocation) is { } poolMethod)
        {
            ReportMisplacedPoolCall(invocation, poolMethod);
            return Invalid;
        }
        if (LowerReceiverCall(invocation, lift, kind) is { } receiverCall) return receiverCall;
        if (LowerObjectArgumentCall(invocation, lift, kind) is { } objectCall) return objectCall;
        if (LowerVectorScalar(invocation, lift) is { } vectorScalar) return vectorScalar;
        if (LowerComplexScalar(invocation, lift) is { } complexScalar) return complexScalar;
        if (LowerGenericMathCall(invocation, lift, kind) is { } genericCall) return genericCall;
        if (LowerLocalFunctionCall(invocation, lift, kind) is { } local) return local;
        if (InlineCall(invocation, lift, kind) is { } inlined) return inlined;
        if (LowerArguments(invocation, lift) is not { } arguments) return Invalid;

        if (PrimitiveLookup.TryGet(method, out var primitive) && !arguments.Any(a => a is ArrayRefExpr))
            return new PrimitiveCallExpr(primitive, method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name, arguments.ToArray(), kind, AddSite(invocation));

        string target = Target(method);
        if (SymbolFacts.HasAttribute(method, SymbolFacts.DifferentiableAttribute))
        {
            if (CalleeProblem(method) is string problem)
            {
                Report(ProblemKind.InvalidCallee, invocation, $"'{method.Name}' {problem}");
                return Invalid;
            }
            if (method.Parameters.Any(p => SymbolFacts.ShapeOf(p.Type, _generic).Shape != Shape.Scalar || ArrayLayoutTypes.Of(p.Type) is not null))
            {
                // Array arguments: the callee's generated pullback takes the seed and accumulates into shadows
                // (2-D and jagged arrays in their flat form, BodyLowering.LayoutCalls.cs).
                var roles = method.Parameters.SelectMany(ArgumentRoles).ToArray();
                return new RuleCallExpr(new RuleInfo(target, target + ReverseEmitter.UncheckedPullbackSuffix, target + "Tangent", roles), arguments.ToArray(), kind, AddSite(invocation));
            }
            var differentiable = method.Parameters.Select(p => SymbolFacts.IsDifferentiableParameter(p, _generic)).ToArray();
            return new UserCallExpr(new CalleeInfo(target, differentiable), arguments.ToArray(), kind, AddSite(invocation));
        }
        if (RuleLookup.Find(method, _cancellationToken) is { } rule)
        {
            if (kind.IsFloating()) return new RuleCallExpr(rule, arguments.ToArray(), kind, AddSite(invocation));
            Report(ProblemKind.UnsupportedExpression, invocation, $"call of '{method.Name}' with derivative rules inside an expression (call it as a statement)");
            return Invalid;
        }
        if (method.IsGenericMethod || kind == ScalarKind.Other)
        {
            Report(ProblemKind.UnsupportedExpression, invocation, $"call of '{method.Name}' ({(method.IsGenericMethod ? "generic method" : "result type " + method.ReturnType.ToDisplayString())})");
            return Invalid;
        }
        if (EscapesToOpaqueCall(invocation, arguments)) return Invalid;
        return new OpaqueCallExpr(target, arguments.ToArray(), kind, AddSite(invocation));
    }

    private static string Target(IMethodSymbol method)
        => method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;

    /// <summary>
    /// <c>a.AsSpan(start[, length])</c> on an array variable or <c>s.Slice(start[, length])</c> on a span
    /// variable, passed as an argument: an <see cref="ArrayRefExpr"/> for that part of the variable.
    /// Null when <paramref name="value"/> is something else.
    /// </summary>
    private Expr? SliceArgument(IOperation value, List<Stmt>? lift)
    {
        if (value is not IInvocationOperation call || call.TargetMethod.Parameters.Length == 0) return null;
        var method = call.TargetMethod;
        IOperation? receiver;
        IEnumerable<IArgumentOperation> bounds;
        if (method.Name == "AsSpan" && method.IsStatic && method.ContainingType.ToDisplayString() == "System.MemoryExtensions")
        {
            var ordered = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            receiver = ordered[0].Value;
            bounds = ordered.Skip(1);
        }
        else if (method.Name == "Slice" && !method.IsStatic && method.ContainingType.OriginalDefinition.ToDisplayString() is "System.Span<T>" or "System.ReadOnlySpan<T>")
        {
            receiver = call.Instance;
            bounds = call.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0);
        }
        else
        {
            return null;
        }
        while (receiver is IConversionOperation { IsImplicit: true } conversion) receiver = conversion.Operand;
        var view = receiver is null ? null : View(receiver) ?? JaggedRow(receiver, lift, steadyVariables: true);
        // a.AsSpan(i).Slice(0, n): a slice of a slice is one part of the array.
        if (view is null && receiver is IInvocationOperation && SliceArgument(receiver, lift) is ArrayRefExpr inner)
            view = new ArrayView(inner.Variable, inner.Start, inner.Length ?? (inner.Start is null ? new LengthExpr(inner.Variable) : new BinaryExpr(BinaryOp.Subtract, new LengthExpr(inner.Variable), inner.Start, ScalarKind.Int)));
        if (view is null && (receiver is null || ArrayVariable(receiver) is null)) return null;
        int variable = view?.Array ?? ArrayVariable(receiver!)!.Value;
        var lowered = new List<Expr>();
        foreach (var bound in bounds)
        {
            if (bound.Parameter?.Type.SpecialType != SpecialType.System_Int32)
            {
                Report(ProblemKind.UnsupportedExpression, call, $"slice of '{_variables[variable].Name}' by index or range (use {method.Name}(start, length) with int bounds)");
                return Invalid;
            }
            lowered.Add(Lower(bound.Value, lift));
        }
        if (view is not null)
        {
            // A slice of a view: the same part of its array, the view's offset added.
            if (lowered.Count == 0) return ViewArgument(view);
            var length = lowered.Count > 1 ? lowered[1] : new BinaryExpr(BinaryOp.Subtract, view.Length, lowered[0], ScalarKind.Int);
            return new ArrayRefExpr(variable, _variables[variable].Kind, Offset(view.Offset, lowered[0]), length, _variables[variable].Shape == Shape.Array);
        }
        if (lowered.Count == 0) return new ArrayRefExpr(variable, _variables[variable].Kind);
        return new ArrayRefExpr(variable, _variables[variable].Kind, lowered[0], lowered.Count > 1 ? lowered[1] : null, _variables[variable].Shape == Shape.Array);
    }

    /// <summary>
    /// Lowers a static call's arguments in parameter order; whole array or span variables become
    /// <see cref="ArrayRefExpr"/>. Null (after reporting) for instance calls and by-reference arguments.
    /// </summary>
    private List<Expr>? LowerArguments(IInvocationOperation invocation, List<Stmt>? lift)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || invocation.Instance is not null)
        {
            Report(ProblemKind.UnsupportedExpression, invocation, $"call of instance method '{method.Name}'");
            return null;
        }
        var arguments = new List<Expr>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.Parameter is { RefKind: not RefKind.None } || argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                Report(ProblemKind.UnsupportedExpression, argument, $"argument passed by reference or as a params array to '{method.Name}'");
                return null;
            }
            var value = argument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
            if (ArrayLayoutTypes.Of(argument.Parameter?.Type) is not null && SymbolFacts.HasAttribute(method, SymbolFacts.DifferentiableAttribute))
            {
                if (!TryAddLayoutArguments(argument, value, arguments)) return null;
            }
            else if (ArrayVariable(value) is int array) arguments.Add(new ArrayRefExpr(array, _variables[array].Kind));
            else if (View(value) is { } view) arguments.Add(ViewArgument(view));
            else if (JaggedRow(value, lift, steadyVariables: true) is { } row)
            {
                if (SymbolFacts.ShapeOf(argument.Parameter?.Type, _generic).Shape == Shape.Array)
                {
                    Report(ProblemKind.UnsupportedExpression, argument, $"a row of a jagged array passed to '{method.Name}', whose parameter is an array (take ReadOnlySpan<T> in the helper; helpers small enough to be lowered in place take arrays too)");
                    return null;
                }
                arguments.Add(ViewArgument(row));
            }
            else if (SliceArgument(value, lift) is { } slice) arguments.Add(slice);
            else arguments.Add(Lower(argument.Value, lift));
        }
        return arguments;
    }

    /// <summary>
    /// A void call as a statement: a rule-backed method writing its results into Span outputs
    /// (<c>MatVec(w, x, h)</c>).
    /// </summary>
    private void LowerRuleStatement(IInvocationOperation invocation, List<Stmt> into)
    {
        var callee = invocation.TargetMethod;
        if (ObjectCall(invocation, into, statement: true) is var (objectRule, objectArguments))
        {
            if (objectRule is not null && CheckOutputs(objectRule, objectArguments, invocation))
                into.Add(new RuleCallStmt(objectRule, objectArguments.ToArray(), AddSite(invocation)));
            return;
        }
        if (TryLowerObjectArgumentStatement(invocation, into)) return;
        RuleInfo? found = RuleLookup.Find(callee, _cancellationToken);
        if (found is null && SymbolFacts.HasAttribute(callee, SymbolFacts.DifferentiableAttribute))
        {
            if (CalleeProblem(callee) is string problem)
            {
                Report(ProblemKind.InvalidCallee, invocation, $"'{callee.Name}' {problem}");
                return;
            }
            // A [Differentiable] method writing Span outputs: its generated pullback and tangent.
            string target = Target(callee);
            found = new RuleInfo(target, target + ReverseEmitter.UncheckedPullbackSuffix, target + "Tangent", callee.Parameters.Select(p => RuleLookup.Role(p, _generic)).ToArray());
        }
        if (found is null && !SymbolFacts.HasAttribute(callee, SymbolFacts.DifferentiableAttribute) && EffectCall(invocation, into) is { } effect)
        {
            into.Add(effect);
            return;
        }
        if (found is not { } rule || !rule.Roles.Contains(ArgumentRole.Output))
        {
            Report(ProblemKind.UnsupportedStatement, invocation, Describe(invocation) + " (a call whose result is discarded; only methods with [DerivativeOf] rules that write Span outputs can be called as statements)");
            return;
        }
        if (LowerArguments(invocation, into) is not { } arguments) return;
        if (CheckOutputs(rule, arguments, invocation)) into.Add(new RuleCallStmt(rule, arguments.ToArray(), AddSite(invocation)));
    }

    /// <summary>Outputs of a rule call must be local arrays (reported otherwise).</summary>
    private bool CheckOutputs(RuleInfo rule, List<Expr> arguments, IInvocationOperation invocation)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            if (rule.Roles[i] != ArgumentRole.Output) continue;
            if (arguments[i] is not ArrayRefExpr output || _variables[output.Variable].IsParameter)
            {
                Report(ProblemKind.UnsupportedWrite, invocation, $"output argument {i + 1} of '{invocation.TargetMethod.Name}' (pass a local array)");
                return false;
            }
        }
        return true;
    }

    /// <summary>Why the generated members of a [Differentiable] callee will not exist, or null.</summary>
    private string? CalleeProblem(IMethodSymbol callee)
    {
        if (!callee.IsStatic) return "is not static";
        // A generic-math callee instantiated with this method's own type parameter: its derivatives are
        // overloads for the same floating type.
        if (callee.IsGenericMethod && !(_generic is not null && callee.TypeArguments.Length == 1
                && SymbolEqualityComparer.Default.Equals(callee.TypeArguments[0], _generic.Parameter)
                && GenericMath.FloatingParameter(callee.OriginalDefinition) is not null))
            return "is generic (a generic [Differentiable] callee takes this method's floating type parameter)";
        if (callee.ReturnsVoid ? !callee.Parameters.Any(p => SymbolFacts.IsOutputParameter(p, _generic)) : !SymbolFacts.KindOf(callee.ReturnType, _generic).IsFloating())
            return "neither returns double or float nor writes Span outputs";
        foreach (var parameter in callee.Parameters)
            if (ArrayLayoutTypes.Of(parameter.Type) is not null)
            {
                if (LayoutCalleeProblem(callee, parameter) is string layoutProblem) return layoutProblem;
            }
            else if (parameter.RefKind != RefKind.None || SymbolFacts.ShapeOf(parameter.Type, _generic).Kind == ScalarKind.Other)
                return $"has unsupported parameter '{parameter.Name}'";
        for (var type = callee.ContainingType; type is not null; type = type.ContainingType)
            if (!SymbolFacts.IsPartial(type, _cancellationToken)) return $"is declared in type '{type.Name}', which is not partial";
        return null;
    }

    private Expr Literal(object? value, ScalarKind kind, ITypeSymbol type)
    {
        switch (kind)
        {
            case ScalarKind.Double:
                return new LiteralExpr(FloatingLiteral(System.Convert.ToDouble(value, CultureInfo.InvariantCulture), "double", ""), kind);
            case ScalarKind.Float:
                return new LiteralExpr(FloatingLiteral(System.Convert.ToSingle(value, CultureInfo.InvariantCulture), "float", "f"), kind);
            case ScalarKind.Bool:
                return new LiteralExpr(true.Equals(value) ? "true" : "false", kind);
            case ScalarKind.Int:
            case ScalarKind.Long:
                return new LiteralExpr(SymbolDisplay.FormatPrimitive(value!, quoteStrings: false, useHexadecimalNumbers: false) + (kind == ScalarKind.Long ? "L" : ""), kind);
            default:
                string primitive = value is null ? "default" : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
                return new LiteralExpr($"(({type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){primitive})", kind);
        }
    }

    private static string FloatingLiteral(double value, string keyword, string suffix)
    {
        if (double.IsNaN(value)) return keyword + ".NaN";
        if (double.IsPositiveInfinity(value)) return keyword + ".PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return keyword + ".NegativeInfinity";
        string text = suffix == "f"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E' }) < 0) text += ".0";
        return text + suffix;
    }
}
