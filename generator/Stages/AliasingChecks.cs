using System.Collections.Generic;
using DiffGen.Generator.Helpers;
using DiffGen.Generator.Models;

namespace DiffGen.Generator.Stages;

/// <summary>
/// The aliasing guard at the top of generated methods that write spans while reading others: every written span
/// is checked against the spans it must not share memory with, and a shared one throws <c>ArgumentException</c>
/// naming the written span before anything is written. One definition for reverse mode (shadows and outputs) and
/// forward mode (outputs and output tangents).
/// </summary>
internal static class AliasingChecks
{
    /// <summary>A span argument of the generated method: its name and element type.</summary>
    public readonly record struct SpanArgument(string Name, ScalarKind Kind);

    /// <summary>
    /// Emits one overlap check per pair (written span, other span) of the same element type, naming the written
    /// one. A pair already checked the other way round (two written spans that each list the other) is skipped.
    /// </summary>
    public static void Write(IndentedWriter w, IEnumerable<SpanArgument> written, IReadOnlyList<SpanArgument> others)
    {
        var done = new HashSet<(string, string)>();
        foreach (var span in written)
        {
            foreach (var other in others)
            {
                if (other.Kind != span.Kind || other.Name == span.Name || done.Contains((other.Name, span.Name))) continue;
                done.Add((span.Name, other.Name));
                SourceEmitter.WriteOverlapCheck(w, span.Kind.Keyword(), span.Name, other.Name);
            }
        }
    }
}
