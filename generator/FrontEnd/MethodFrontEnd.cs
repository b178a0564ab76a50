using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Rules;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// The shared front end: decides whether a <c>[Differentiable]</c> method can be differentiated and
/// lowers it to IR. The generator uses the IR; the analyzer reports the problems. One definition of
/// "differentiable" for both.
/// </summary>
public static class MethodFrontEnd
{
    public static FrontEndResult Analyze(IMethodSymbol method, MethodDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        // Half-typed code: let the compiler's errors speak first.
        foreach (var diagnostic in model.GetDiagnostics(declaration.Span, cancellationToken))
            if (diagnostic.Severity == DiagnosticSeverity.Error) return FrontEndResult.NotCompilable;

        // A generic-math method is lowered once per floating type; its problems and warnings are the
        // first instantiation's (the others differ only in precision).
        if (GenericMath.FloatingParameter(method) is not { } parameter) return Analyze(method, declaration, model, null, cancellationToken);
        var first = Analyze(method, declaration, model, new GenericMath(parameter, GenericMath.Instantiations[0]), cancellationToken);
        if (first.Ir is null) return first;
        var instances = ImmutableArray.CreateBuilder<MethodIr>();
        instances.Add(first.Ir);
        foreach (var kind in GenericMath.Instantiations.Skip(1))
            if (Analyze(method, declaration, model, new GenericMath(parameter, kind), cancellationToken).Ir is { } ir) instances.Add(ir);
        return new FrontEndResult(first.Ir, first.Problems, first.Warnings, instances.ToImmutable());
    }

    /// <param name="inlineHelpers">
    /// Whether small helpers called in loops are lowered in place (<see cref="BodyLowering"/>). A body that
    /// inlining makes fail a check run after lowering is lowered again with every helper called.
    /// </param>
    private static FrontEndResult Analyze(IMethodSymbol method, MethodDeclarationSyntax declaration, SemanticModel model, GenericMath? generic, CancellationToken cancellationToken, bool inlineHelpers = true)
    {
        var problems = new List<FrontEndProblem>();
        var nameLocation = declaration.Identifier.GetLocation();
        CheckSignature(method, generic, nameLocation, problems, cancellationToken);
        // A type parameter that promises no floating-point math: everything typed by it would only repeat DG0009.
        if (method.IsGenericMethod && generic is null) return new FrontEndResult(null, problems.ToImmutableArray());
        // A tuple result of other elements: every return in the body would only repeat DG0007.
        if (method.ReturnType is INamedTypeSymbol { IsTupleType: true } && TupleResult(method, generic) is null) return new FrontEndResult(null, problems.ToImmutableArray());

        var lowering = new BodyLowering(cancellationToken, generic, inlineHelpers) { ContainingType = method.ContainingType };
        foreach (var parameter in method.Parameters) lowering.AddParameter(parameter);
        // An instance method reads its object's state as inputs after its own parameters.
        var receiver = method.IsStatic ? null : lowering.AddReceiver(method.ContainingType, DifferentiableTypes.Hierarchy(method.ContainingType));
        var tupleResult = TupleResult(method, generic);
        if (tupleResult is { } tuple) lowering.AddTupleResult(tuple.Kind);

        List<Stmt> body = new();
        if (model.GetOperation(declaration, cancellationToken) is IMethodBodyOperation operation
            && (operation.BlockBody ?? operation.ExpressionBody) is { } block)
        {
            lowering.AddStaticTables(block);
            body = lowering.LowerBody(block);
        }
        else
        {
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, nameLocation, "a method without a body"));
        }
        problems.AddRange(lowering.Problems);
        if (lowering.Layouts.Count > 0 && (receiver is not null || tupleResult is not null || lowering.ObjectLayouts.Count > 0))
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, nameLocation, "2-D or jagged array parameters of an instance method, a method returning a tuple or a method taking objects (take them in a static method returning a number or void)"));
        if (tupleResult is not null && (receiver is not null || lowering.Variables.Any(v => v.ObjectType is not null)))
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, nameLocation, $"return type '{method.ReturnType.ToDisplayString()}' of a method reading objects, vectors or tuple parameters (tuple results are supported on static methods taking numbers, arrays and spans: pass the elements as parameters of their own, or return one value per method)"));

        var checkPoints = ReadCheckPoints(method, generic, nameLocation, problems);
        if (problems.Count > 0) return new FrontEndResult(null, problems.ToImmutableArray());

        var statements = LoopAllocations.Hoist(body.ToArray());
        var active = Activity.ActiveVariables(lowering.Variables, statements);
        CheckActiveUses(statements, active, lowering.Sites, problems);
        ArrayArgumentCheck.Run(statements, lowering.Variables, lowering.Sites, problems);
        if (problems.Count > 0 && inlineHelpers && lowering.InlinedCalls > 0) return Analyze(method, declaration, model, generic, cancellationToken, inlineHelpers: false);
        if (problems.Count > 0) return new FrontEndResult(null, problems.ToImmutableArray());

        var variables = lowering.Variables.Select((v, i) => v with { IsActive = active[i] }).ToArray();
        var useful = Usefulness.UsefulVariables(variables, statements);
        var advisories = Warnings(method, variables, LiveDerivatives.AtEntry(variables, statements), lowering.Layouts)
            .AddRange(DerivativeCutCheck.Run(statements, variables, active, useful, lowering.Sites, lowering.ComparisonSites, lowering.SyntheticVariables))
            .AddRange(NonsmoothSites(statements, active, lowering.Sites))
            // Sites in an inlined helper's body are the helper's own analysis's to report.
            .RemoveAll(a => lowering.InlinedBodies.Any(b => b.SourceTree == a.Location.SourceTree && b.SourceSpan.Contains(a.Location.SourceSpan)));

        var ir = new MethodIr(
            DifferentiableTypes.Hierarchy(method.ContainingType),
            method.Name,
            SymbolFacts.AccessibilityKeyword(method.DeclaredAccessibility),
            tupleResult is null ? SymbolFacts.KindOf(method.ReturnType, generic) : ScalarKind.Other,
            variables,
            lowering.Variables.Count(v => v.IsParameter),
            statements,
            checkPoints,
            method.ContainingType.ToDisplayString() + "." + method.Name + (generic is null ? "" : "<" + generic.Kind.Keyword() + ">"),
            HintName(method) + (generic is null ? "" : "_" + generic.Kind.Keyword()),
            HasForwardMode: !UsesRuleWithoutTangent(statements),
            ReturnsVoid: method.ReturnsVoid || tupleResult is not null,
            Receiver: receiver,
            ObjectTypes: lowering.ObjectLayouts.ToArray(),
            CallLines: CallLineTable.Of(statements, lowering.Sites, declaration),
            Layouts: lowering.Layouts.ToArray(),
            TupleResult: tupleResult?.Names ?? default,
            TypeParameterUses: TypeParameterUses(method, generic, lowering.Variables.Count(v => v.IsParameter)));
        return new FrontEndResult(ir, ImmutableArray<FrontEndProblem>.Empty, advisories);
    }

    /// <summary>DG2001: every nonsmooth primitive applied to a differentiable value (its Detail is the primitive).</summary>
    private static ImmutableArray<FrontEndProblem> NonsmoothSites(EquatableArray<Stmt> statements, bool[] active, List<Location> sites)
        => IrTree.AllExpressions(statements)
            .OfType<PrimitiveCallExpr>()
            .Where(p => PrimitiveRegistry.Rule(p.Primitive).IsNonsmooth && Activity.IsActive(p, active))
            .Select(p => new FrontEndProblem(ProblemKind.NonsmoothSite, sites[p.Site], p.Primitive.ToString()))
            .ToImmutableArray();

    /// <summary>DG1001: differentiable parameters whose value on entry never reaches the result: their gradient is zero whatever the arguments.</summary>
    private static ImmutableArray<FrontEndProblem> Warnings(IMethodSymbol method, VariableInfo[] variables, bool[] useful, IReadOnlyList<ArrayLayout> layouts)
    {
        var warnings = ImmutableArray.CreateBuilder<FrontEndProblem>();
        // The method's parameters are the parameter variables that are not object members nor the shapes of 2-D and jagged arrays, in order.
        var own = Enumerable.Range(0, variables.Length)
            .Where(v => variables[v].IsParameter && variables[v].Member is null && !layouts.Any(l => l.Rows == v || l.Columns == v))
            .ToArray();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            int v = own[i];
            if (!variables[v].IsDifferentiableParameter || useful[v]) continue;
            var location = method.Parameters[i].Locations.FirstOrDefault() ?? Location.None;
            warnings.Add(new FrontEndProblem(ProblemKind.ParameterWithoutInfluence, location, method.Parameters[i].Name));
        }
        return warnings.ToImmutable();
    }

    /// <summary>
    /// For a generic-math instantiation whose parameters each lower to one variable: whether each parameter, then the
    /// result, is typed by the type parameter (what the generated <c>Half</c> members widen and round). Empty otherwise.
    /// </summary>
    private static EquatableArray<bool> TypeParameterUses(IMethodSymbol method, GenericMath? generic, int parameterVariables)
    {
        if (generic is null || parameterVariables != method.Parameters.Length) return default;
        bool TypedBy(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol parameter => SymbolEqualityComparer.Default.Equals(parameter, generic.Parameter),
            IArrayTypeSymbol { Rank: 1 } array => TypedBy(array.ElementType),
            INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span => TypedBy(span.TypeArguments[0]),
            _ => false,
        };
        return method.Parameters.Select(p => TypedBy(p.Type)).Append(TypedBy(method.ReturnType)).ToArray();
    }

    /// <summary>
    /// The element kind and names of a tuple result of two or more elements, all <c>double</c> or all <c>float</c>
    /// (unnamed elements are <c>Item1</c>, <c>Item2</c>, ...); null for any other return type.
    /// </summary>
    private static (ScalarKind Kind, EquatableArray<string> Names)? TupleResult(IMethodSymbol method, GenericMath? generic)
    {
        if (method.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple || tuple.TupleElements.Length < 2) return null;
        var kind = SymbolFacts.KindOf(tuple.TupleElements[0].Type, generic);
        if (!kind.IsFloating() || tuple.TupleElements.Any(e => SymbolFacts.KindOf(e.Type, generic) != kind)) return null;
        return (kind, tuple.TupleElements.Select(e => e.Name).ToArray());
    }

    private static void CheckSignature(IMethodSymbol method, GenericMath? generic, Location location, List<FrontEndProblem> problems, CancellationToken cancellationToken)
    {
        // Instance methods of classes, structs and records read their object's state; an interface or
        // ref struct has no state the generated members could bind.
        if (!method.IsStatic && (method.ContainingType.TypeKind == TypeKind.Interface || method.ContainingType.IsRefLikeType))
            problems.Add(new FrontEndProblem(ProblemKind.MethodNotStatic, location, method.Name));
        if (method.IsGenericMethod && generic is null)
        {
            problems.Add(new FrontEndProblem(ProblemKind.GenericMethod, location, method.Name));
            return;
        }
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            if (!SymbolFacts.IsPartial(type, cancellationToken))
                problems.Add(new FrontEndProblem(ProblemKind.TypeNotPartial, location, type.Name));
        if (method.ReturnsVoid ? !method.Parameters.Any(p => SymbolFacts.IsOutputParameter(p, generic))
            : !SymbolFacts.KindOf(method.ReturnType, generic).IsFloating() && TupleResult(method, generic) is null)
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, location, $"return type '{method.ReturnType.ToDisplayString()}' (a [Differentiable] method returns double or float, a tuple of doubles or of floats, or returns void and writes Span<double> or Span<float> outputs)"));
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault() ?? location;
            if (parameter.RefKind != RefKind.None)
                problems.Add(new FrontEndProblem(ProblemKind.ByReferenceParameter, parameterLocation, parameter.Name));
            else if (SymbolFacts.ShapeOf(parameter.Type, generic).Kind == ScalarKind.Other && DifferentiableTypes.IsDifferentiableType(parameter.Type, cancellationToken) is null && DifferentiableTypes.VectorComponents(parameter.Type) is null
                     && SymbolFacts.TupleElementKinds(parameter.Type, generic) is null && (generic is not null || ArrayLayoutTypes.Of(parameter.Type) is null))
                problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, parameterLocation, $"parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}'{(parameter.Type is INamedTypeSymbol { IsTupleType: true } ? " (a tuple parameter has elements of type double, float, int, long or bool)" : ArrayLayoutTypes.Refusal(parameter.Type, generic is not null) ?? DifferentiableTypes.WhyNot(parameter.Type, cancellationToken))}"));
            else if ((SymbolFacts.ShapeOf(parameter.Type, generic).Shape != Shape.Scalar || SymbolFacts.ShapeOf(parameter.Type, generic).Kind == ScalarKind.Other) && HasCheckPoints(method))
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, parameterLocation, $"[CheckGradientAt] takes scalar values only, and '{parameter.Name}' is an array or span; call {method.Name}GradientCheck from a test instead"));
        }
    }

    /// <summary>Problems that need activity: opaque calls fed a derivative, and silent float/double mixing.</summary>
    private static void CheckActiveUses(EquatableArray<Stmt> statements, bool[] active, List<Location> sites, List<FrontEndProblem> problems)
    {
        void CheckDataArguments(IReadOnlyList<Expr> arguments, System.Func<int, bool> isData, int site, string target)
        {
            for (int i = 0; i < arguments.Count; i++)
                if (isData(i) && Activity.IsActive(arguments[i], active))
                    problems.Add(new FrontEndProblem(ProblemKind.ActiveArgumentToNoDerivative, sites[site], $"argument {i + 1} of '{target.Replace("global::", "")}'"));
        }

        foreach (var expr in IrTree.AllExpressions(statements))
        {
            switch (expr)
            {
                case OpaqueCallExpr call when call.Kind.IsFloating() && call.Arguments.Any(a => Activity.IsActive(a, active)):
                    problems.Add(new FrontEndProblem(ProblemKind.NonDifferentiableCall, sites[call.Site], call.Target.Replace("global::", "")));
                    break;
                case ConvertExpr { IsImplicit: true, Kind: ScalarKind.Double, Operand.Kind: ScalarKind.Float } convert when Activity.IsActive(convert.Operand, active):
                    problems.Add(new FrontEndProblem(ProblemKind.ImplicitPrecisionMix, sites[convert.Site], "a float value widened to double"));
                    break;
                case RuleCallExpr rule:
                    CheckDataArguments(rule.Arguments, i => rule.Rule.Roles[i] == ArgumentRole.Data, rule.Site, rule.Rule.Target);
                    break;
                case UserCallExpr user:
                    CheckDataArguments(user.Arguments, i => !user.Callee.Differentiable[i], user.Site, user.Callee.Target);
                    break;
            }
        }

        foreach (var statement in IrTree.AllStatements(statements))
            if (statement is RuleCallStmt call)
                CheckDataArguments(call.Arguments, i => call.Rule.Roles[i] == ArgumentRole.Data, call.Site, call.Rule.Target);

        // Allocations LoopAllocations could not move before their loop: the adjoint sweep would read
        // the shadow of the array's last allocation only.
        foreach (var loop in IrTree.AllStatements(statements).OfType<LoopStmt>())
            foreach (var allocation in IrTree.AllStatements(loop.Body.Concat(loop.Increment)).OfType<AllocateStmt>())
                if (active[allocation.Variable])
                    problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, sites[allocation.Site], "an allocation of a differentiable array inside a loop with a length that changes between iterations (compute the length before the loop from values the loop does not change, or allocate once before the loop)"));
    }

    private static bool UsesRuleWithoutTangent(EquatableArray<Stmt> statements)
        => IrTree.AllExpressions(statements).Any(e => e is RuleCallExpr { Rule.Tangent: null })
           || IrTree.AllStatements(statements).Any(s => s is RuleCallStmt { Rule.Tangent: null });

    private static EquatableArray<CheckPoint> ReadCheckPoints(IMethodSymbol method, GenericMath? generic, Location location, List<FrontEndProblem> problems)
    {
        var points = new List<CheckPoint>();
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != SymbolFacts.CheckGradientAtAttribute) continue;
            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? location;
            if (!VisibleToModule(method.ContainingType))
            {
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, attributeLocation, "[CheckGradientAt] needs every containing type to be public or internal (its check is registered at module load); call {M}GradientCheck from a test instead"));
                continue;
            }
            if (!method.IsStatic)
            {
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, attributeLocation, "[CheckGradientAt] takes a static method's arguments only (an instance method's object is not an attribute value); call {M}GradientCheck on an object from a test instead (it checks the object's differentiable members too)"));
                continue;
            }
            if (AnyGeneric(method.ContainingType))
            {
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, attributeLocation, "[CheckGradientAt] cannot register a method of a generic type; call {M}GradientCheck from a test instead"));
                continue;
            }
            var values = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                ? attribute.ConstructorArguments[0].Values.Select(v => v.Value).ToArray()
                : attribute.ConstructorArguments.Select(v => v.Value).ToArray();
            if (values.Length != method.Parameters.Length)
            {
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, attributeLocation, $"{values.Length} values given for {method.Parameters.Length} parameters"));
                continue;
            }
            var arguments = new string[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                double value = values[i] is double d ? d : Convert.ToDouble(values[i] ?? 0.0, CultureInfo.InvariantCulture);
                var kind = SymbolFacts.KindOf(method.Parameters[i].Type, generic);
                if (kind is ScalarKind.Int or ScalarKind.Long or ScalarKind.Bool && value != Math.Floor(value))
                {
                    problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, attributeLocation, $"value {value.ToString(CultureInfo.InvariantCulture)} for integer parameter '{method.Parameters[i].Name}'"));
                    continue;
                }
                arguments[i] = kind switch
                {
                    ScalarKind.Double => ScalarKind.Double.Literal(value),
                    ScalarKind.Float => ScalarKind.Float.Literal((float)value),
                    ScalarKind.Bool => value != 0 ? "true" : "false",
                    ScalarKind.Long => ((long)value).ToString(CultureInfo.InvariantCulture) + "L",
                    _ => ((int)value).ToString(CultureInfo.InvariantCulture),
                };
                if (arguments[i].StartsWith("-", StringComparison.Ordinal)) arguments[i] = "(" + arguments[i] + ")";
            }
            points.Add(new CheckPoint(arguments));
        }
        // A generic-math method registers its double instantiation: central differences in float are too
        // coarse for the tolerances checks are asserted with (its float GradientCheck stays callable).
        return generic is { Kind: not ScalarKind.Double } ? EquatableArray<CheckPoint>.Empty : points.ToArray();
    }

    private static bool HasCheckPoints(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SymbolFacts.CheckGradientAtAttribute);

    private static bool VisibleToModule(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
            if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)) return false;
        return true;
    }

    private static bool AnyGeneric(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.ContainingType)
            if (type.IsGenericType) return true;
        return false;
    }

    /// <summary>
    /// File stem of the generated source: the type and method name, then a hash of the parameter types
    /// that tells overloads apart while keeping the name short (a file name component is at most 255 bytes).
    /// </summary>
    private static string HintName(IMethodSymbol method)
    {
        string type = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "");
        string signature = string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()));
        var safe = new StringBuilder();
        foreach (char c in type + "." + method.Name) safe.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        return safe.Append('_').Append(StableHash.Of(signature)).ToString();
    }
}
