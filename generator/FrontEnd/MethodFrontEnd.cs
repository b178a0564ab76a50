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

        var problems = new List<FrontEndProblem>();
        var nameLocation = declaration.Identifier.GetLocation();
        CheckSignature(method, nameLocation, problems, cancellationToken);

        var lowering = new BodyLowering(cancellationToken);
        foreach (var parameter in method.Parameters) lowering.AddParameter(parameter);

        List<Stmt> body = new();
        if (model.GetOperation(declaration, cancellationToken) is IMethodBodyOperation operation
            && (operation.BlockBody ?? operation.ExpressionBody) is { } block)
        {
            body = lowering.LowerBody(block);
        }
        else
        {
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, nameLocation, "a method without a body"));
        }
        problems.AddRange(lowering.Problems);

        var checkPoints = ReadCheckPoints(method, nameLocation, problems);
        if (problems.Count > 0) return new FrontEndResult(null, problems.ToImmutableArray());

        EquatableArray<Stmt> statements = body.ToArray();
        var active = Activity.ActiveVariables(lowering.Variables, statements);
        CheckActiveUses(statements, active, lowering.Sites, problems);
        ArrayArgumentCheck.Run(statements, lowering.Variables, lowering.Sites, problems);
        if (problems.Count > 0) return new FrontEndResult(null, problems.ToImmutableArray());

        var variables = lowering.Variables.Select((v, i) => v with { IsActive = active[i] }).ToArray();
        var ir = new MethodIr(
            Hierarchy(method.ContainingType),
            method.Name,
            SymbolFacts.AccessibilityKeyword(method.DeclaredAccessibility),
            SymbolFacts.KindOf(method.ReturnType),
            variables,
            method.Parameters.Length,
            statements,
            checkPoints,
            method.ContainingType.ToDisplayString() + "." + method.Name,
            HintName(method),
            HasForwardMode: !UsesRuleWithoutTangent(statements),
            ReturnsVoid: method.ReturnsVoid);
        var advisories = Warnings(method, variables, statements).AddRange(NonsmoothSites(statements, active, lowering.Sites));
        return new FrontEndResult(ir, ImmutableArray<FrontEndProblem>.Empty, advisories);
    }

    /// <summary>DG2001: every nonsmooth primitive applied to a differentiable value (its Detail is the primitive).</summary>
    private static ImmutableArray<FrontEndProblem> NonsmoothSites(EquatableArray<Stmt> statements, bool[] active, List<Location> sites)
    {
        var notes = ImmutableArray.CreateBuilder<FrontEndProblem>();
        void Visit(Expr expr)
        {
            if (expr is PrimitiveCallExpr { Primitive: Primitive.Abs or Primitive.Max or Primitive.Min or Primitive.Clamp or Primitive.Relu } p
                && Activity.IsActive(p, active))
                notes.Add(new FrontEndProblem(ProblemKind.NonsmoothSite, sites[p.Site], p.Primitive.ToString()));
            foreach (var child in Children(expr)) Visit(child);
        }
        void VisitAll(EquatableArray<Stmt> list)
        {
            foreach (var statement in list)
            {
                switch (statement)
                {
                    case AssignStmt a: Visit(a.Value); break;
                    case StoreStmt s: Visit(s.Value); break;
                    case ReturnStmt { Value: { } value }: Visit(value); break;
                    case IfStmt i: VisitAll(i.Then); VisitAll(i.Else); break;
                    case LoopStmt l: VisitAll(l.Body); VisitAll(l.Increment); break;
                }
            }
        }
        VisitAll(statements);
        return notes.ToImmutable();
    }

    private static IEnumerable<Expr> Children(Expr expr) => expr switch
    {
        UnaryExpr u => new[] { u.Operand },
        BinaryExpr b => new[] { b.Left, b.Right },
        ConvertExpr c => new[] { c.Operand },
        ConditionalExpr c => new[] { c.Condition, c.WhenTrue, c.WhenFalse },
        PrimitiveCallExpr p => p.Arguments,
        UserCallExpr u => u.Arguments,
        RuleCallExpr r => r.Arguments,
        OpaqueCallExpr o => o.Arguments,
        ElementExpr e => new[] { e.Index },
        _ => Enumerable.Empty<Expr>(),
    };

    /// <summary>DG1001: differentiable parameters whose gradient is zero whatever the arguments.</summary>
    private static ImmutableArray<FrontEndProblem> Warnings(IMethodSymbol method, VariableInfo[] variables, EquatableArray<Stmt> statements)
    {
        var useful = Usefulness.UsefulVariables(variables, statements);
        var warnings = ImmutableArray.CreateBuilder<FrontEndProblem>();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (!variables[i].IsDifferentiableParameter || useful[i]) continue;
            var location = method.Parameters[i].Locations.FirstOrDefault() ?? Location.None;
            warnings.Add(new FrontEndProblem(ProblemKind.ParameterWithoutInfluence, location, method.Parameters[i].Name));
        }
        return warnings.ToImmutable();
    }

    private static void CheckSignature(IMethodSymbol method, Location location, List<FrontEndProblem> problems, CancellationToken cancellationToken)
    {
        if (!method.IsStatic)
            problems.Add(new FrontEndProblem(ProblemKind.MethodNotStatic, location, method.Name));
        if (method.IsGenericMethod)
            problems.Add(new FrontEndProblem(ProblemKind.GenericMethod, location, method.Name));
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            if (!SymbolFacts.IsPartial(type, cancellationToken))
                problems.Add(new FrontEndProblem(ProblemKind.TypeNotPartial, location, type.Name));
        if (method.ReturnsVoid ? !method.Parameters.Any(SymbolFacts.IsOutputParameter) : !SymbolFacts.KindOf(method.ReturnType).IsFloating())
            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, location, $"return type '{method.ReturnType.ToDisplayString()}' (a [Differentiable] method returns double or float, or returns void and writes Span<double> or Span<float> outputs)"));
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault() ?? location;
            if (parameter.RefKind != RefKind.None)
                problems.Add(new FrontEndProblem(ProblemKind.ByReferenceParameter, parameterLocation, parameter.Name));
            else if (SymbolFacts.ShapeOf(parameter.Type).Kind == ScalarKind.Other)
                problems.Add(new FrontEndProblem(ProblemKind.UnsupportedType, parameterLocation, $"parameter '{parameter.Name}' of type '{parameter.Type.ToDisplayString()}'"));
            else if (SymbolFacts.ShapeOf(parameter.Type).Shape != Shape.Scalar && HasCheckPoints(method))
                problems.Add(new FrontEndProblem(ProblemKind.InvalidCheckPoint, parameterLocation, $"[CheckGradientAt] takes scalar values only, and '{parameter.Name}' is an array or span; call {method.Name}GradientCheck from a test instead"));
        }
    }

    /// <summary>Problems that need activity: opaque calls fed a derivative, and silent float/double mixing.</summary>
    private static void CheckActiveUses(EquatableArray<Stmt> statements, bool[] active, List<Location> sites, List<FrontEndProblem> problems)
    {
        void VisitExpr(Expr expr)
        {
            switch (expr)
            {
                case OpaqueCallExpr call:
                    if (call.Kind.IsFloating() && call.Arguments.Any(a => Activity.IsActive(a, active)))
                        problems.Add(new FrontEndProblem(ProblemKind.NonDifferentiableCall, sites[call.Site], call.Target.Replace("global::", "")));
                    foreach (var argument in call.Arguments) VisitExpr(argument);
                    break;
                case ConvertExpr convert:
                    if (convert.IsImplicit && convert.Kind == ScalarKind.Double && convert.Operand.Kind == ScalarKind.Float && Activity.IsActive(convert.Operand, active))
                        problems.Add(new FrontEndProblem(ProblemKind.ImplicitPrecisionMix, sites[convert.Site], "a float value widened to double"));
                    VisitExpr(convert.Operand);
                    break;
                case UnaryExpr u: VisitExpr(u.Operand); break;
                case BinaryExpr b: VisitExpr(b.Left); VisitExpr(b.Right); break;
                case ConditionalExpr c: VisitExpr(c.Condition); VisitExpr(c.WhenTrue); VisitExpr(c.WhenFalse); break;
                case PrimitiveCallExpr p: foreach (var a in p.Arguments) VisitExpr(a); break;
                case ElementExpr e: VisitExpr(e.Index); break;
                case RuleCallExpr r:
                    CheckRuleArguments(r.Rule, r.Arguments, r.Site);
                    break;
                case UserCallExpr u:
                    for (int i = 0; i < u.Arguments.Count; i++)
                    {
                        if (!u.Callee.Differentiable[i] && Activity.IsActive(u.Arguments[i], active))
                            problems.Add(new FrontEndProblem(ProblemKind.ActiveArgumentToNoDerivative, sites[u.Site], $"argument {i + 1} of '{u.Callee.Target.Replace("global::", "")}'"));
                        VisitExpr(u.Arguments[i]);
                    }
                    break;
            }
        }

        void CheckRuleArguments(RuleInfo rule, EquatableArray<Expr> arguments, int site)
        {
            for (int i = 0; i < arguments.Count; i++)
            {
                if (rule.Roles[i] == ArgumentRole.Data && Activity.IsActive(arguments[i], active))
                    problems.Add(new FrontEndProblem(ProblemKind.ActiveArgumentToNoDerivative, sites[site], $"argument {i + 1} of '{rule.Target.Replace("global::", "")}'"));
                VisitExpr(arguments[i]);
            }
        }

        void VisitStatements(EquatableArray<Stmt> list, bool inLoop)
        {
            foreach (var statement in list)
            {
                switch (statement)
                {
                    case AssignStmt a: VisitExpr(a.Value); break;
                    case ReturnStmt { Value: { } returned }: VisitExpr(returned); break;
                    case StoreStmt st: VisitExpr(st.Index); VisitExpr(st.Value); break;
                    case RuleCallStmt call: CheckRuleArguments(call.Rule, call.Arguments, call.Site); break;
                    case AllocateStmt al:
                        // The adjoint sweep reads the shadow of the last allocation only.
                        if (inLoop && active[al.Variable])
                            problems.Add(new FrontEndProblem(ProblemKind.UnsupportedStatement, sites[al.Site], "allocation of a differentiable array inside a loop (allocate it once, before the loop)"));
                        VisitExpr(al.Length);
                        break;
                    case IfStmt i: VisitExpr(i.Condition); VisitStatements(i.Then, inLoop); VisitStatements(i.Else, inLoop); break;
                    case LoopStmt l:
                        if (l.Condition is not null) VisitExpr(l.Condition);
                        VisitStatements(l.Body, true);
                        VisitStatements(l.Increment, true);
                        break;
                }
            }
        }

        VisitStatements(statements, false);
    }

    private static bool UsesRuleWithoutTangent(EquatableArray<Stmt> statements)
    {
        bool InExpr(Expr e) => e switch
        {
            RuleCallExpr r => r.Rule.Tangent is null || r.Arguments.Any(InExpr),
            UnaryExpr u => InExpr(u.Operand),
            BinaryExpr b => InExpr(b.Left) || InExpr(b.Right),
            ConvertExpr c => InExpr(c.Operand),
            ConditionalExpr c => InExpr(c.Condition) || InExpr(c.WhenTrue) || InExpr(c.WhenFalse),
            PrimitiveCallExpr p => p.Arguments.Any(InExpr),
            UserCallExpr u => u.Arguments.Any(InExpr),
            _ => false,
        };
        foreach (var statement in statements)
        {
            bool found = statement switch
            {
                AssignStmt a => InExpr(a.Value),
                ReturnStmt { Value: { } returned } => InExpr(returned),
                StoreStmt s => InExpr(s.Value),
                RuleCallStmt c => c.Rule.Tangent is null,
                IfStmt i => InExpr(i.Condition) || UsesRuleWithoutTangent(i.Then) || UsesRuleWithoutTangent(i.Else),
                LoopStmt l => UsesRuleWithoutTangent(l.Body) || UsesRuleWithoutTangent(l.Increment),
                _ => false,
            };
            if (found) return true;
        }
        return false;
    }

    private static EquatableArray<CheckPoint> ReadCheckPoints(IMethodSymbol method, Location location, List<FrontEndProblem> problems)
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
                var kind = SymbolFacts.KindOf(method.Parameters[i].Type);
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
        return points.ToArray();
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

    private static HierarchyInfo Hierarchy(INamedTypeSymbol type)
    {
        var chain = new List<ContainingTypeInfo>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            string keyword = current.TypeKind switch
            {
                TypeKind.Struct => current.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => current.IsRecord ? "record" : "class",
            };
            string name = current.TypeParameters.Length == 0
                ? current.Name
                : current.Name + "<" + string.Join(", ", current.TypeParameters.Select(p => p.Name)) + ">";
            chain.Add(new ContainingTypeInfo(keyword, name, current.IsStatic, current.TypeParameters.Length > 0));
        }
        chain.Reverse();
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new HierarchyInfo(ns, chain.ToArray(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static string HintName(IMethodSymbol method)
    {
        var text = new StringBuilder();
        text.Append(method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", ""));
        text.Append('.').Append(method.Name);
        if (method.Parameters.Length > 0)
            text.Append('(').Append(string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString()))).Append(')');
        var safe = new StringBuilder();
        foreach (char c in text.ToString()) safe.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        return safe.ToString();
    }
}
