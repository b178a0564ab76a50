using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Generator.Ir;

/// <summary>How a statement writes a variable.</summary>
public enum WriteKind
{
    /// <summary><c>v = value</c>: the whole variable.</summary>
    Assign,
    /// <summary><c>a[i] = value</c>: one element.</summary>
    Store,
    /// <summary>An array local gets its storage (zeroed, or whatever a pool holds).</summary>
    Allocate,
    /// <summary>A rule-backed call writes its result into an output array.</summary>
    CallOutput,
    /// <summary>Every element set to zero (<see cref="ClearStmt"/>).</summary>
    Clear,
}

/// <summary>One write of a variable.</summary>
/// <param name="Value">The value written: the assigned or stored expression, the call for an output (it depends on every input), a zero for a clear, null for an allocation.</param>
public readonly record struct Write(int Variable, WriteKind Kind, Expr? Value);

/// <summary>Which variables statements write: the one definition every analysis uses.</summary>
public static class Writes
{
    /// <summary>The writes <paramref name="statement"/> makes itself (not those of statements nested in it).</summary>
    public static IEnumerable<Write> Of(Stmt statement)
    {
        switch (statement)
        {
            case AssignStmt a:
                yield return new Write(a.Variable, WriteKind.Assign, a.Value);
                break;
            case StoreStmt s:
                yield return new Write(s.Variable, WriteKind.Store, s.Value);
                break;
            case AllocateStmt a:
                yield return new Write(a.Variable, WriteKind.Allocate, null);
                break;
            case ClearStmt c:
                yield return new Write(c.Variable, WriteKind.Clear, new LiteralExpr("0", Models.ScalarKind.Int));
                break;
            case RuleCallStmt call:
                for (int i = 0; i < call.Arguments.Count; i++)
                    if (call.Rule.Roles[i] == ArgumentRole.Output && call.Arguments[i] is ArrayRefExpr output)
                        yield return new Write(output.Variable, WriteKind.CallOutput, new RuleCallExpr(call.Rule, call.Arguments, output.Kind, call.Site));
                break;
        }
    }

    /// <summary>Every write of <paramref name="statements"/>, nested statements included, in program order.</summary>
    public static IEnumerable<Write> Within(IEnumerable<Stmt> statements) => IrTree.AllStatements(statements).SelectMany(Of);

    /// <summary>The variables <paramref name="statement"/>, with everything nested in it, writes (allocations included).</summary>
    public static HashSet<int> VariablesWithin(Stmt statement) => new(Within(new[] { statement }).Select(w => w.Variable));
}
