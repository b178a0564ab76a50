using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// <c>switch</c> statements, switch expressions and <c>is</c> patterns, lowered to the if/else chains and
/// comparisons they mean: sections in source order, the default section last, the governing value
/// evaluated once. Constant, relational, <c>and</c>/<c>or</c>/<c>not</c>, discard and <c>var</c> patterns
/// and <c>when</c> guards are supported.
/// </summary>
internal sealed partial class BodyLowering
{
    private void LowerSwitch(ISwitchOperation switchOperation, List<Stmt> into)
    {
        var governing = Govern(switchOperation.Value, into);
        if (governing is null) return;
        List<Stmt>? defaultBody = null;
        var arms = new List<(Expr Condition, List<Stmt> Bindings, List<Stmt> Body)>();
        // goto case / goto default: the section a label belongs to.
        var sectionOf = new Dictionary<ILabelSymbol, int>(SymbolEqualityComparer.Default);
        for (int s = 0; s < switchOperation.Cases.Length; s++)
            foreach (var clause in switchOperation.Cases[s].Clauses)
                if (clause.Label is { } label) sectionOf[label] = s;
        for (int s = 0; s < switchOperation.Cases.Length; s++)
        {
            var section = switchOperation.Cases[s];
            var body = new List<Stmt>();
            if (!LowerSection(switchOperation, s, sectionOf, body, new HashSet<int>())) return;
            Expr? condition = null;
            var bindings = new List<Stmt>();
            foreach (var clause in section.Clauses)
            {
                Expr? test = clause switch
                {
                    IDefaultCaseClauseOperation => null,
                    ISingleValueCaseClauseOperation single => new BinaryExpr(BinaryOp.Equal, governing, LowerCondition(single.Value), ScalarKind.Bool),
                    IPatternCaseClauseOperation pattern => Guarded(Pattern(pattern.Pattern, governing, bindings), pattern.Guard),
                    _ => Unsupported(clause),
                };
                if (clause is IDefaultCaseClauseOperation)
                {
                    defaultBody = body;
                    continue;
                }
                if (test is null) return;
                condition = condition is null ? test : new BinaryExpr(BinaryOp.ConditionalOr, condition, test, ScalarKind.Bool);
            }
            if (condition is not null) arms.Add((condition, bindings, body));
        }
        into.AddRange(Chain(arms, defaultBody ?? new List<Stmt>()));
    }

    /// <summary>
    /// The statements of section <paramref name="index"/> into <paramref name="body"/>: without its
    /// closing <c>break</c>; a closing <c>goto case</c>/<c>goto default</c> continues with the target
    /// section's statements (lowered there again), unless the jumps go round in a cycle (reported).
    /// </summary>
    private bool LowerSection(ISwitchOperation switchOperation, int index, Dictionary<ILabelSymbol, int> sectionOf, List<Stmt> body, HashSet<int> chain)
    {
        var operations = switchOperation.Cases[index].Body;
        int count = operations.Length;
        int? next = null;
        if (count > 0 && operations[count - 1] is IBranchOperation { BranchKind: BranchKind.Break } closing
            && SymbolEqualityComparer.Default.Equals(closing.Target, switchOperation.ExitLabel))
            count--;
        else if (count > 0 && operations[count - 1] is IBranchOperation { BranchKind: BranchKind.GoTo } jump && jump.Target is { } label && sectionOf.TryGetValue(label, out int target))
        {
            if (!chain.Add(index) || chain.Contains(target))
            {
                Report(ProblemKind.UnsupportedStatement, jump, "a goto case or goto default that comes back to a section it left (a loop: write it as a loop)");
                return false;
            }
            next = target;
            count--;
        }
        for (int i = 0; i < count; i++)
        {
            if (ContainsSwitchBreak(operations[i], switchOperation.ExitLabel) || ContainsSectionJump(operations[i], sectionOf))
            {
                Report(ProblemKind.UnsupportedStatement, operations[i], "a break, goto case or goto default before the end of a switch section (end the section with it, or use if/else)");
                return false;
            }
            LowerStatement(operations[i], body);
        }
        return next is not int following || LowerSection(switchOperation, following, sectionOf, body, chain);
    }

    private static bool ContainsSectionJump(IOperation operation, Dictionary<ILabelSymbol, int> sectionOf)
        => operation.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => b.BranchKind == BranchKind.GoTo && b.Target is { } label && sectionOf.ContainsKey(label));

    private Expr? Unsupported(IOperation clause)
    {
        Report(ProblemKind.UnsupportedStatement, clause, Describe(clause) + " (a case label other than a constant or a pattern)");
        return null;
    }

    /// <summary>if (c1) {b1} else if (c2) {b2} ... else {last}, each arm's pattern variables bound just before its test.</summary>
    private static List<Stmt> Chain(List<(Expr Condition, List<Stmt> Bindings, List<Stmt> Body)> arms, List<Stmt> last)
    {
        var result = last;
        for (int i = arms.Count - 1; i >= 0; i--)
        {
            var chained = new List<Stmt>(arms[i].Bindings) { new IfStmt(arms[i].Condition, arms[i].Body.ToArray(), result.ToArray()) };
            result = chained;
        }
        return result;
    }

    private static bool ContainsSwitchBreak(IOperation operation, ILabelSymbol exit)
        => operation.DescendantsAndSelf().OfType<IBranchOperation>().Any(b => SymbolEqualityComparer.Default.Equals(b.Target, exit));

    /// <summary>The governing value as an expression read more than once: a variable, or a fresh local holding it.</summary>
    private Expr? Govern(IOperation value, List<Stmt>? into)
    {
        var lowered = Lower(value, into);
        if (lowered is VariableExpr or LiteralExpr) return lowered;
        if (into is null)
        {
            Report(ProblemKind.UnsupportedExpression, value, "a computed value switched on in a condition (compute it into a local first)");
            return null;
        }
        int staged = AddSyntheticVariable(lowered.Kind, "switched");
        into.Add(new AssignStmt(staged, lowered));
        return new VariableExpr(staged, lowered.Kind);
    }

    private Expr? Guarded(Expr? pattern, IOperation? guard)
        => pattern is null ? null : guard is null ? pattern : new BinaryExpr(BinaryOp.ConditionalAnd, pattern, LowerCondition(guard), ScalarKind.Bool);

    /// <summary>A pattern tested on <paramref name="value"/> as a condition; <c>var</c> designations go to <paramref name="bindings"/>.</summary>
    private Expr? Pattern(IPatternOperation pattern, Expr value, List<Stmt> bindings)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return new BinaryExpr(BinaryOp.Equal, value, Coerce(LowerCondition(constant.Value), value.Kind, constant), ScalarKind.Bool);
            case IRelationalPatternOperation relational when MapBinary(relational.OperatorKind, relational) is BinaryOp op:
                return new BinaryExpr(op, value, Coerce(LowerCondition(relational.Value), value.Kind, relational), ScalarKind.Bool);
            case IBinaryPatternOperation binary when Pattern(binary.LeftPattern, value, bindings) is { } left && Pattern(binary.RightPattern, value, bindings) is { } right:
                return new BinaryExpr(binary.OperatorKind == BinaryOperatorKind.And ? BinaryOp.ConditionalAnd : BinaryOp.ConditionalOr, left, right, ScalarKind.Bool);
            case INegatedPatternOperation negated when Pattern(negated.Pattern, value, bindings) is { } inner:
                return new UnaryExpr(UnaryOp.Not, inner, ScalarKind.Bool);
            case IDiscardPatternOperation:
                return new LiteralExpr("true", ScalarKind.Bool);
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } declaration
                when SymbolFacts.KindOf(local.Type, _generic) == value.Kind && SymbolEqualityComparer.Default.Equals(declaration.InputType, declaration.NarrowedType):
            {
                int bound = AddVariable(local, local.Name, value.Kind, isParameter: false, differentiable: false);
                bindings.Add(new AssignStmt(bound, value));
                return new LiteralExpr("true", ScalarKind.Bool);
            }
            case IDeclarationPatternOperation { DeclaredSymbol: null }:
                return new LiteralExpr("true", ScalarKind.Bool);
            default:
                Report(ProblemKind.UnsupportedExpression, pattern, Describe(pattern) + " (patterns: constants, <, <=, >, >=, and, or, not, _, var x)");
                return null;
        }
    }

    /// <summary><c>x is pattern</c> in a condition or value.</summary>
    private Expr LowerIsPattern(IIsPatternOperation isPattern, List<Stmt>? lift)
    {
        var bindings = new List<Stmt>();
        // A pattern with one test reads the value once: no local needed.
        var value = SingleTest(isPattern.Pattern) ? Lower(isPattern.Value, lift) : Govern(isPattern.Value, lift);
        if (value is null) return Invalid;
        var test = Pattern(isPattern.Pattern, value, bindings);
        if (bindings.Count > 0)
        {
            if (lift is null)
            {
                Report(ProblemKind.UnsupportedExpression, isPattern, "a pattern that declares a variable inside a loop condition (declare the variable before)");
                return Invalid;
            }
            lift.AddRange(bindings);
        }
        return test ?? Invalid;
    }

    private static bool SingleTest(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation or IRelationalPatternOperation or IDiscardPatternOperation => true,
        INegatedPatternOperation negated => SingleTest(negated.Pattern),
        _ => false,
    };

    /// <summary>
    /// <c>value switch { pattern => result, ... }</c> in a value position: an if/else chain assigning a
    /// fresh local. Needs a last arm that always matches (<c>_ =></c>): the chain cannot throw C#'s
    /// exception for an unmatched value.
    /// </summary>
    private Expr LowerSwitchExpression(ISwitchExpressionOperation switchExpression, List<Stmt>? lift, ScalarKind kind)
    {
        if (lift is null)
        {
            Report(ProblemKind.UnsupportedExpression, switchExpression, "a switch expression in a loop condition (compute it into a local first)");
            return Invalid;
        }
        var governing = Govern(switchExpression.Value, lift);
        if (governing is null) return Invalid;
        var lastArm = switchExpression.Arms.LastOrDefault();
        if (lastArm is null || lastArm.Guard is not null || lastArm.Pattern is not (IDiscardPatternOperation or IDeclarationPatternOperation { DeclaredSymbol: null }))
        {
            Report(ProblemKind.UnsupportedExpression, switchExpression, "a switch expression without a final '_ =>' arm (add one: an unmatched value would otherwise throw)");
            return Invalid;
        }
        int result = AddSyntheticVariable(kind, "switched");
        var arms = new List<(Expr Condition, List<Stmt> Bindings, List<Stmt> Body)>();
        List<Stmt> Arm(ISwitchExpressionArmOperation arm)
        {
            var body = new List<Stmt>();
            body.Add(new AssignStmt(result, Coerce(Lower(arm.Value, body), kind, arm.Value)));
            return body;
        }
        foreach (var arm in switchExpression.Arms.Take(switchExpression.Arms.Length - 1))
        {
            var bindings = new List<Stmt>();
            if (Guarded(Pattern(arm.Pattern, governing, bindings), arm.Guard) is not { } condition) return Invalid;
            arms.Add((condition, bindings, Arm(arm)));
        }
        lift.AddRange(Chain(arms, Arm(lastArm)));
        return new VariableExpr(result, kind);
    }
}
