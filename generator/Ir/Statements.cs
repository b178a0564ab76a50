using DiffGen.Generator.Helpers;

namespace DiffGen.Generator.Ir;

/// <summary>An IR statement: structured control flow over scalar assignments.</summary>
public abstract record Stmt;

/// <summary><c>variable = value</c>; compound assignments and increments are lowered to this.</summary>
public sealed record AssignStmt(int Variable, Expr Value) : Stmt;

/// <summary><c>variable[index] = value</c> into an array or span variable (compound forms are lowered to this).</summary>
public sealed record StoreStmt(int Variable, Expr Index, Expr Value) : Stmt;

/// <summary>
/// Gives an array or span local its storage: <c>new T[length]</c>, <c>stackalloc T[length]</c> when
/// <paramref name="OnStack"/>, or <c>ArrayPool&lt;T&gt;.Shared.Rent(length)</c> when <paramref name="Pooled"/>
/// (an array at least <paramref name="Length"/> long, holding whatever its last user left in it). Generated code
/// allocates the local's tangent or adjoint beside it, zeroed and as long as the storage itself.
/// </summary>
/// <param name="Site">Index of the declaration's location in the front end's site table (for diagnostics).</param>
/// <param name="Pooled">Rented from <c>ArrayPool&lt;T&gt;.Shared</c> at the method's top level.</param>
public sealed record AllocateStmt(int Variable, Expr Length, bool OnStack, int Site, bool Pooled = false) : Stmt;

/// <summary>
/// The user's <c>ArrayPool&lt;T&gt;.Shared.Return(variable[, clearArray])</c> of an array the method rented
/// (<see cref="AllocateStmt.Pooled"/>), at the method's top level. Forward mode returns it where it stands;
/// reverse mode only notes it there and returns it after the adjoint sweep, which may still read the values.
/// </summary>
/// <param name="ClearArray">The constant <c>clearArray</c> argument the user passed (false when omitted).</param>
public sealed record ReleaseStmt(int Variable, bool ClearArray) : Stmt;

/// <summary>
/// Sets every element of an array local to zero: what remains, inside a loop, of an allocation whose
/// storage was moved before the loop (<c>Stages.LoopAllocations</c>), so each iteration starts from a
/// zeroed array of the same length, as with a fresh allocation, without allocating again.
/// </summary>
public sealed record ClearStmt(int Variable) : Stmt;

/// <summary>A call of a rule-backed method that writes its results into <see cref="ArgumentRole.Output"/> arrays.</summary>
/// <summary>
/// A statement run for its effect only, in the primal and in forward mode, never differentiated: a call
/// whose result is discarded and whose arguments are values (logging, <c>Debug.Assert</c>), or, with
/// <paramref name="Throws"/>, a guard's <c>throw new E(...)</c> (the exception's construction is the call).
/// It writes nothing the method reads.
/// </summary>
public sealed record EffectStmt(Expr Call, bool Throws, int Site) : Stmt;

public sealed record RuleCallStmt(RuleInfo Rule, EquatableArray<Expr> Arguments, int Site) : Stmt;

public sealed record IfStmt(Expr Condition, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else) : Stmt;

/// <summary>
/// A loop: <c>while</c>/<c>for</c> test <paramref name="Condition"/> before the body, <c>do</c> after it
/// (<paramref name="ConditionAtEnd"/>); <paramref name="Increment"/> runs after the body and on
/// <c>continue</c>. A missing condition loops until <c>break</c> or <c>return</c>.
/// </summary>
public sealed record LoopStmt(int LoopId, Expr? Condition, bool ConditionAtEnd, EquatableArray<Stmt> Body, EquatableArray<Stmt> Increment) : Stmt;

public sealed record BreakStmt(int LoopId) : Stmt;

public sealed record ContinueStmt(int LoopId) : Stmt;

/// <summary><c>return value;</c>, or <c>return;</c> (null) in a method that writes Span outputs.</summary>
public sealed record ReturnStmt(Expr? Value) : Stmt;
