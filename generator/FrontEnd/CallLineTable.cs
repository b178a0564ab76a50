using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// The source lines the kink counters name: of each call of a primitive with kinks and of each rule call
/// (a rule may count the kinks it meets). Only those, so an edit above a method without them leaves its
/// IR, and everything cached after it, unchanged.
/// </summary>
internal static class CallLineTable
{
    public static EquatableArray<CallLine> Of(IReadOnlyList<Stmt> statements, IReadOnlyList<Location> sites)
    {
        var counted = new SortedSet<int>();
        foreach (var expr in IrTree.AllExpressions(statements))
        {
            if (expr is PrimitiveCallExpr p && PrimitiveRegistry.Rule(p.Primitive).KinkHit is not null) counted.Add(p.Site);
            if (expr is RuleCallExpr r) counted.Add(r.Site);
        }
        foreach (var statement in IrTree.AllStatements(statements))
            if (statement is RuleCallStmt call) counted.Add(call.Site);
        return new EquatableArray<CallLine>(counted
            .Where(site => site >= 0 && site < sites.Count)
            .Select(site => new CallLine(site, sites[site].GetLineSpan().StartLinePosition.Line + 1))
            .ToArray());
    }
}
