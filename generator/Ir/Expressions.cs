using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Ir;

/// <summary>An IR expression. Every node knows its type; activity is derived by <c>Stages.Activity</c>.</summary>
public abstract record Expr(ScalarKind Kind);

/// <summary>A constant, already rendered as C# (e.g. <c>2.5</c>, <c>3</c>, <c>true</c>).</summary>
public sealed record LiteralExpr(string Code, ScalarKind Kind) : Expr(Kind);

/// <summary>A read of a parameter or local (an index into <see cref="MethodIr.Variables"/>).</summary>
public sealed record VariableExpr(int Variable, ScalarKind Kind) : Expr(Kind);

/// <summary><c>array[index]</c> of an array or span variable; <paramref name="Kind"/> is the element type.</summary>
public sealed record ElementExpr(int Variable, Expr Index, ScalarKind Kind) : Expr(Kind);

/// <summary><c>array.Length</c> of an array or span variable (an <c>int</c>, passive).</summary>
public sealed record LengthExpr(int Variable) : Expr(ScalarKind.Int);

/// <summary>A value read from a static field or property, passive, rendered as C#.</summary>
public sealed record OpaqueValueExpr(string Code, ScalarKind Kind) : Expr(Kind);

public enum UnaryOp { Negate, Plus, Not, BitwiseNot }

public sealed record UnaryExpr(UnaryOp Op, Expr Operand, ScalarKind Kind) : Expr(Kind);

public enum BinaryOp
{
    Add, Subtract, Multiply, Divide, Remainder,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    ConditionalAnd, ConditionalOr, And, Or, ExclusiveOr,
}

public sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, ScalarKind Kind) : Expr(Kind);

/// <summary>A numeric conversion to <paramref name="Kind"/>; <paramref name="TypeName"/> is the target's C# name.</summary>
/// <param name="Site">Index of the source location in the front end's site table (for diagnostics).</param>
public sealed record ConvertExpr(Expr Operand, ScalarKind Kind, string TypeName, bool IsImplicit, int Site) : Expr(Kind);

/// <summary><c>c ? a : b</c>. In value positions the front end lifts active ones into <see cref="IfStmt"/>.</summary>
public sealed record ConditionalExpr(Expr Condition, Expr WhenTrue, Expr WhenFalse, ScalarKind Kind) : Expr(Kind);

/// <summary>A call of a known primitive. Arguments past the differentiable ones (e.g. rounding digits) are passive.</summary>
/// <param name="Site">Index of the call's location in the front end's site table (for the nonsmooth-site note).</param>
public sealed record PrimitiveCallExpr(Primitive Primitive, string Target, EquatableArray<Expr> Arguments, ScalarKind Kind, int Site) : Expr(Kind);

/// <summary>A call of another <c>[Differentiable]</c> method, differentiated through its generated members.</summary>
/// <param name="Site">Index of the call's location in the front end's site table (for diagnostics).</param>
public sealed record UserCallExpr(CalleeInfo Callee, EquatableArray<Expr> Arguments, ScalarKind Kind, int Site) : Expr(Kind);

/// <summary>A call of any other static method; allowed only while every argument is passive.</summary>
public sealed record OpaqueCallExpr(string Target, EquatableArray<Expr> Arguments, ScalarKind Kind, int Site) : Expr(Kind);

/// <summary>
/// An array or span variable passed as an argument (to a rule or a [Differentiable] callee): the whole
/// variable, or the slice from <paramref name="Start"/> (of <paramref name="Length"/> elements, or to
/// the end when null) written <c>a.AsSpan(start, length)</c> or <c>s.Slice(start, length)</c>.
/// <paramref name="OnArray"/>: the variable is a <c>T[]</c> (sliced with AsSpan) rather than a span.
/// </summary>
public sealed record ArrayRefExpr(int Variable, ScalarKind Kind, Expr? Start = null, Expr? Length = null, bool OnArray = false) : Expr(Kind);

/// <summary>
/// A call of a method differentiated through its pullback and tangent: a <c>[DerivativeOf]</c> rule, or
/// the generated <c>{M}Pullback</c>/<c>{M}Tangent</c> of a [Differentiable] method with array parameters.
/// </summary>
/// <param name="Site">Index of the call's location in the front end's site table (for diagnostics).</param>
public sealed record RuleCallExpr(RuleInfo Rule, EquatableArray<Expr> Arguments, ScalarKind Kind, int Site) : Expr(Kind);

/// <summary>How a callee uses one argument.</summary>
public enum ArgumentRole
{
    /// <summary>No derivative: integers, flags, [NoDerivative] values.</summary>
    Data,
    /// <summary>A differentiable input: gets a shadow in the pullback and a tangent in forward mode.</summary>
    Input,
    /// <summary>A <c>Span&lt;T&gt;</c> the callee writes: gets a seed in the pullback and a tangent output.</summary>
    Output,
}

/// <summary>The derivative members of a callee.</summary>
/// <param name="Target">The primal method, fully qualified.</param>
/// <param name="Pullback">The pullback method, fully qualified.</param>
/// <param name="Tangent">The tangent method, or null when the callee has none (then the caller gets no forward mode).</param>
/// <param name="Roles">Per parameter.</param>
/// <param name="Implicit">
/// Per argument, for calls that read objects: whether no call passes its value. A call of an object's
/// method, or of a method taking an object, lists the object's members as arguments (for their shadows
/// and tangents), while the callee reads their values from the object itself. Empty: every value is passed.
/// </param>
/// <param name="DualTarget">
/// The second-order rule's primal: the overload of the target over dual numbers (<c>DiffGen.Dual</c> for
/// <c>double</c>, <c>DiffGen.DualF</c> for <c>float</c>), fully qualified, called by name so overload resolution
/// picks it from dual arguments; null when the callee has no second-order rule (then it blocks H·v, DG1005).
/// </param>
/// <param name="DualPullback">The second-order rule's pullback: the pullback's overload over dual numbers; null with <paramref name="DualTarget"/>.</param>
public sealed record RuleInfo(string Target, string Pullback, string? Tangent, EquatableArray<ArgumentRole> Roles, EquatableArray<bool> Implicit = default,
                              string? DualTarget = null, string? DualPullback = null)
{
    /// <summary>The arguments whose values calls pass: all but the implicit ones.</summary>
    public IEnumerable<T> PrimalArguments<T>(IReadOnlyList<T> arguments) => arguments.Where((_, i) => Implicit.Count == 0 || !Implicit[i]);

    /// <summary>Whether the callee has a second-order rule (overloads of its primal and pullback over dual numbers).</summary>
    public bool HasSecondOrderRule => DualTarget is not null && DualPullback is not null;
}

/// <summary>What a caller needs to know about a <c>[Differentiable]</c> callee.</summary>
/// <param name="Target">Fully qualified containing type plus method name, e.g. <c>global::N.T.F</c>.</param>
/// <param name="Differentiable">Per parameter: whether the callee's generated members give it a derivative.</param>
public sealed record CalleeInfo(string Target, EquatableArray<bool> Differentiable);
