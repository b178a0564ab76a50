using System.Collections.Generic;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Ir;
using DiffGen.Generator.Models;
using DiffGen.Generator.Stages;
using Microsoft.CodeAnalysis;

namespace DiffGen.Generator.FrontEnd;

/// <summary>
/// DG0014: arrays passed to a rule-backed call that reverse mode cannot give back to the call's pullback
/// as they were at the call. An array that changes after the call is saved there and restored
/// (<see cref="UnstableArrayArguments"/>) when its elements fit a tape (double, float, int); others are
/// refused, as is an array that is both an input and an output of one call.
/// </summary>
internal static class ArrayArgumentCheck
{
    public static void Run(EquatableArray<Stmt> body, IReadOnlyList<VariableInfo> variables, List<Location> sites, List<FrontEndProblem> problems)
    {
        var unstable = UnstableArrayArguments.Find(body, out var calls);
        foreach (var argument in unstable)
        {
            if (Savable(variables[argument.Variable].Kind)) continue;
            var call = calls.Find(c => c.Site == argument.Site);
            string name = Identifiers.Bare(variables[argument.Variable].Name);
            problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[argument.Site], argument.IsOutput
                ? $"'{name}', the output of '{Short(call.Rule.Target)}', is written again after the call, or the call runs in a loop, and its {variables[argument.Variable].Kind.Keyword()} elements cannot be saved for the pullback; give each call its own output array"
                : $"'{name}', passed to '{Short(call.Rule.Target)}', is written at or after the call, and its {variables[argument.Variable].Kind.Keyword()} elements cannot be saved for the pullback; finish writing the array before the call, or use separate arrays"));
        }
        foreach (var call in calls)
        {
            for (int k = 0; k < call.Arguments.Count; k++)
            {
                if (call.Rule.Roles[k] == ArgumentRole.Output || call.Arguments[k] is not ArrayRefExpr array) continue;
                if (UnstableArrayArguments.IsOutputOf(call.Arguments, call.Rule, array.Variable))
                    problems.Add(new FrontEndProblem(ProblemKind.UnstableArrayArgument, sites[call.Site], $"'{Identifiers.Bare(variables[array.Variable].Name)}' is both an input and an output of '{Short(call.Rule.Target)}'; use a separate output array"));
            }
        }
    }

    /// <summary>The element types the tapes hold.</summary>
    public static bool Savable(ScalarKind kind) => kind is ScalarKind.Double or ScalarKind.Float or ScalarKind.Int;

    private static string Short(string target) => target.Replace("global::", "");
}
