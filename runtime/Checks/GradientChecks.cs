using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DiffGen;

/// <summary>
/// The gradient checks registered at build time by <see cref="CheckGradientAtAttribute"/>; generated
/// module initializers add one entry per attribute when their assembly loads.
/// </summary>
public static class GradientChecks
{
    private static readonly object Gate = new();
    private static readonly List<(string Name, Func<GradientCheckResult> Check)> Registered = new();

    /// <summary>Adds a check. Called by generated code.</summary>
    public static void Register(string name, Func<GradientCheckResult> check)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(check);
        lock (Gate) Registered.Add((name, check));
    }

    /// <summary>Runs every registered check and returns the results, in registration order.</summary>
    public static IReadOnlyList<(string Name, GradientCheckResult Result)> RunAll()
    {
        (string Name, Func<GradientCheckResult> Check)[] checks;
        lock (Gate) checks = Registered.ToArray();
        return checks.Select(c => (c.Name, c.Check())).ToArray();
    }

    /// <summary>
    /// Runs every registered check and throws <see cref="GradientCheckException"/> listing those that
    /// disagree beyond the tolerances (or hit NaN or infinity). Returns the number of checks run.
    /// </summary>
    public static int AssertAll(double relativeTolerance = 1e-6, double absoluteTolerance = 1e-8)
    {
        var results = RunAll();
        var failures = results.Where(r => !r.Result.Passed(relativeTolerance, absoluteTolerance)).ToList();
        if (failures.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(failures.Count).Append(" of ").Append(results.Count)
                   .Append(" gradient checks failed (relative tolerance ").Append(relativeTolerance)
                   .Append(", absolute ").Append(absoluteTolerance).AppendLine("):");
            foreach (var (name, result) in failures) message.Append(name).Append(" -> ").Append(result);
            throw new GradientCheckException(message.ToString());
        }
        return results.Count;
    }
}

/// <summary>Thrown by <see cref="GradientChecks.AssertAll"/> when a gradient disagrees with its references.</summary>
public sealed class GradientCheckException : Exception
{
    /// <summary>Creates the exception with a report of the failing checks.</summary>
    public GradientCheckException(string message) : base(message) { }
}
