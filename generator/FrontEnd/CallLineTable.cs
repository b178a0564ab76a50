using System.Collections.Generic;
using System.Linq;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// The source lines the kink counters name: of each call of a primitive with kinks and of each rule call
/// (a rule may count the kinks it meets). Only those, so an edit above a method without them leaves its
/// IR, and everything cached after it, unchanged. A call in the body of a helper lowered in place is named
/// by the helper and its line, as the helper's own generated code would name it.
/// </summary>
internal static class CallLineTable
{
    public static EquatableArray<CallLine> Of(IReadOnlyList<Stmt> statements, IReadOnlyList<Location> sites, MethodDeclarationSyntax declaration)
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
            .Select(site => new CallLine(site, sites[site].GetLineSpan().StartLinePosition.Line + 1, Elsewhere(sites[site], declaration)))
            .ToArray());
    }

    /// <summary>For a location outside <paramref name="declaration"/>, the method around it as <c>N.T.F</c>; null inside.</summary>
    private static string? Elsewhere(Location location, MethodDeclarationSyntax declaration)
    {
        if (location.SourceTree == declaration.SyntaxTree && declaration.Span.Contains(location.SourceSpan)) return null;
        var node = location.SourceTree?.GetRoot().FindNode(location.SourceSpan);
        if (node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method) return null;
        var names = new List<string> { method.Identifier.ValueText };
        foreach (var ancestor in method.Ancestors())
        {
            switch (ancestor)
            {
                case TypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText + (type.TypeParameterList?.ToString() ?? ""));
                    break;
                case BaseNamespaceDeclarationSyntax space:
                    names.Add(space.Name.ToString());
                    break;
            }
        }
        names.Reverse();
        return string.Join(".", names);
    }
}
