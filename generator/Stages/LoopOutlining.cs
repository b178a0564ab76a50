using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// Hot inner loops of the primal sweep rendered as methods of their own. A reverse body is one large
/// method, and the JIT allocates its registers as a whole: its loop variables live across the calls of the
/// outer loops (<c>Math.Exp</c>, the tape's growth path), where x64 Unix keeps no floating register, so an
/// innermost loop's accumulator and offsets go to the stack and back on every iteration (measured on the
/// GMM objective written with helpers: the primal of its triangle loop took as long as the whole value).
/// A loop that records nothing for its adjoint runs the same as plain code, so it can run in a small
/// method whose registers are its own: the values it reads go in as arguments, the scalars it assigns come
/// back as its result. Loops of fewer than <see cref="MinimumTrips"/> iterations stay inline, where the call
/// would cost more than the loop.
/// </summary>
public static class LoopOutlining
{
    /// <summary>The fewest iterations for which a loop runs in its outlined method.</summary>
    public const int MinimumTrips = 8;

    /// <summary>
    /// What an outlined loop exchanges with the body it came from: the variables it reads or writes, in
    /// variable order, those it assigns returned; the expression of its trip count.
    /// </summary>
    public sealed record Plan(IReadOnlyList<int> Parameters, IReadOnlyList<int> Results, string TripCount);

    /// <summary>
    /// The plan for a counted loop whose body is straight assignments and stores of plain expressions over
    /// scalars, arrays and spans, with a trip count the loop's test gives; null for any other loop.
    /// </summary>
    public static Plan? For(LoopStmt loop, IReadOnlyList<VariableInfo> variables, System.Func<int, string> name)
        => StructuredLoop.Analyze(loop) is { } counted ? For(loop, counted, variables, name) : null;

    /// <summary>The plan for a loop already analyzed as counted (<paramref name="counted"/>), as the emitter has it.</summary>
    internal static Plan? For(LoopStmt loop, StructuredLoop counted, IReadOnlyList<VariableInfo> variables, System.Func<int, string> name)
    {
        if (loop.Body.Any(s => s is not (AssignStmt or StoreStmt))) return null;
        var statements = loop.Body.Concat(loop.Increment).ToList();
        if (statements.OfType<AssignStmt>().Any(a => !variables[a.Variable].IsScalar)) return null;
        var expressions = IrTree.AllExpressions(statements).Append(loop.Condition!).ToList();
        if (!expressions.All(IsPlain)) return null;
        if (TripCount(loop, counted, name) is not { } trips) return null;

        var used = new SortedSet<int>();
        foreach (var expr in expressions) used.UnionWith(IrTree.VariablesRead(expr));
        foreach (var statement in statements)
            foreach (var write in Writes.Of(statement)) used.Add(write.Variable);
        if (used.Any(v => variables[v].ObjectType is not null)) return null;
        var results = statements.OfType<AssignStmt>().Select(a => a.Variable).Distinct().OrderBy(v => v).ToList();
        return new Plan(used.ToList(), results, trips);
    }

    /// <summary>Writes the call of the outlined loop, falling back to <paramref name="inline"/> for short loops.</summary>
    internal static void WriteCall(IndentedWriter w, Plan plan, string method, string inline, System.Func<int, string> name)
    {
        string arguments = string.Join(", ", plan.Parameters.Select(name));
        string call = $"{method}({arguments})";
        string statement = plan.Results.Count switch
        {
            0 => call + ";",
            1 => $"{name(plan.Results[0])} = {call};",
            _ => $"({string.Join(", ", plan.Results.Select(name))}) = {call};",
        };
        using (w.Block($"if ({plan.TripCount} >= {MinimumTrips.ToString(CultureInfo.InvariantCulture)})")) w.Line(statement);
        using (w.Block("else")) w.Lines(inline);
    }

    /// <summary>Writes the outlined method: the loop as plain code over its parameters.</summary>
    internal static void WriteMethod(IndentedWriter w, Plan plan, string method, LoopStmt loop, IReadOnlyList<VariableInfo> variables, int parameterCount, System.Func<int, string> name)
    {
        string Type(int variable) => variables[variable].Shape switch
        {
            // Span locals of the body are declared as Span<T> whatever their source type.
            Shape.ReadOnlySpan when variable >= parameterCount => "global::System.Span<" + variables[variable].Kind.Keyword() + ">",
            _ => variables[variable].TypeName,
        };
        string result = plan.Results.Count switch
        {
            0 => "void",
            1 => Type(plan.Results[0]),
            _ => "(" + string.Join(", ", plan.Results.Select(Type)) + ")",
        };
        string parameters = string.Join(", ", plan.Parameters.Select(v => Type(v) + " " + name(v)));
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (w.Block($"private static {result} {method}({parameters})"))
        {
            RegionRecompute.WritePlainLoop(w, loop, variables, name);
            if (plan.Results.Count == 1) w.Line($"return {name(plan.Results[0])};");
            else if (plan.Results.Count > 1) w.Line($"return ({string.Join(", ", plan.Results.Select(name))});");
        }
    }

    /// <summary>The number of iterations left, as code, for <c>c &lt; b</c>, <c>c &lt;= b</c> counting up or <c>c &gt; b</c>, <c>c &gt;= b</c> counting down.</summary>
    private static string? TripCount(LoopStmt loop, StructuredLoop counted, System.Func<int, string> name)
    {
        if (loop.Condition is not BinaryExpr { Left: VariableExpr tested } test || tested.Variable != counted.Counter) return null;
        string counter = name(counted.Counter);
        string bound = PrimalRenderer.Render(test.Right, name);
        return (test.Op, counted.Step) switch
        {
            (BinaryOp.Less, 1) => $"{bound} - {counter}",
            (BinaryOp.LessOrEqual, 1) => $"{bound} - {counter} + 1",
            (BinaryOp.Greater, -1) => $"{counter} - {bound}",
            (BinaryOp.GreaterOrEqual, -1) => $"{counter} - {bound} + 1",
            _ => null,
        };
    }

    /// <summary>Expressions a static method can evaluate from the loop's variables alone.</summary>
    private static bool IsPlain(Expr expr) => expr switch
    {
        LiteralExpr or VariableExpr or LengthExpr or OpaqueValueExpr => true,
        ElementExpr element => IsPlain(element.Index),
        UnaryExpr unary => IsPlain(unary.Operand),
        BinaryExpr binary => IsPlain(binary.Left) && IsPlain(binary.Right),
        ConvertExpr convert => IsPlain(convert.Operand),
        ConditionalExpr conditional => IsPlain(conditional.Condition) && IsPlain(conditional.WhenTrue) && IsPlain(conditional.WhenFalse),
        PrimitiveCallExpr call => call.Arguments.All(IsPlain),
        _ => false,
    };
}
