using System.Linq;
using Spectre.Console;

namespace DiffGen.Samples.FashionMnist.App;

/// <summary><c>--count-kinks</c>: the exact kink hits of an epoch's gradient passes, per call site, then a fresh count.</summary>
public static class KinkReport
{
    /// <summary>Starts counting when <paramref name="enabled"/>.</summary>
    /// <param name="enabled">Whether <c>--count-kinks</c> was given.</param>
    public static void Start(bool enabled)
    {
        KinkCounters.Reset();
        if (enabled) KinkCounters.Enable();
    }

    /// <summary>Prints the epoch's counts (every counted call site, zeros included as one line) and resets them.</summary>
    /// <param name="enabled">Whether <c>--count-kinks</c> was given.</param>
    /// <param name="samples">Training samples seen in the epoch (each sends 256 + 128 values through the rectifiers).</param>
    public static void EndEpoch(bool enabled, long samples)
    {
        if (!enabled) return;
        var counts = KinkCounters.Snapshot();
        KinkCounters.Reset();
        if (counts.Total == 0)
        {
            AnsiConsole.MarkupLine($"          kinks: none (0 exact hits in {samples:N0} samples' gradient passes)");
            return;
        }

        foreach (var (site, count) in counts.Sites.Select(pair => (pair.Key, pair.Value)))
            AnsiConsole.MarkupLine(Markup.Escape($"          kinks: {count,10:N0}  {site.Primitive} at {site.Method}, line {site.Line}"));
    }
}
