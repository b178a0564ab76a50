using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using DiffGen.RandomPrograms.Tests.Generation;

namespace DiffGen.RandomPrograms.Tests;

/// <summary>
/// The knobs of the random-program run, read from the environment:
/// <list type="bullet">
/// <item><c>DIFFGEN_RANDOM_PROGRAMS</c>: how many functions (default 200, what CI runs; 10000 locally).</item>
/// <item><c>DIFFGEN_RANDOM_SEED</c>: the run's seed (default fixed, so CI is reproducible).</item>
/// <item><c>DIFFGEN_RANDOM_BATCH</c>: functions per compilation (default 50).</item>
/// <item><c>DIFFGEN_RANDOM_POINTS</c>: random points per function (default 3).</item>
/// <item><c>DIFFGEN_RANDOM_EXCLUDE</c>: constructs to leave out, comma-separated <see cref="Construct"/> names.</item>
/// <item><c>DIFFGEN_RANDOM_DUMP</c>: a folder to write each batch's functions to (batch{k}.cs).</item>
/// <item><c>DIFFGEN_RANDOM_ONLY_BATCHES</c>: comma-separated batch numbers to run alone (reproducing a failure of a long
/// run: function F<c>n</c> is in batch <c>n / DIFFGEN_RANDOM_BATCH</c>; the other batches are skipped, not generated).</item>
/// <item><c>DIFFGEN_RANDOM_KNOWN_BUGS=include</c>: also generate the constructs of <see cref="KnownBugs.Excluded"/>.</item>
/// </list>
/// </summary>
public sealed record RandomProgramSettings(int Programs, int Seed, int BatchSize, int Points, Construct Excluded)
{
    /// <summary>The batches to run, or null for all of them.</summary>
    public IReadOnlyCollection<int>? OnlyBatches { get; init; }

    public const int DefaultPrograms = 200;
    public const int DefaultSeed = 20261202;

    public Construct Allowed => Construct.All & ~Excluded;

    public static RandomProgramSettings FromEnvironment()
    {
        var excluded = KnownBugs.Excluded;
        if (string.Equals(Environment.GetEnvironmentVariable("DIFFGEN_RANDOM_KNOWN_BUGS"), "include", StringComparison.OrdinalIgnoreCase))
            excluded = Construct.None;
        foreach (string name in (Environment.GetEnvironmentVariable("DIFFGEN_RANDOM_EXCLUDE") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            excluded |= Enum.Parse<Construct>(name, ignoreCase: true);
        return new RandomProgramSettings(
            Integer("DIFFGEN_RANDOM_PROGRAMS", DefaultPrograms),
            Integer("DIFFGEN_RANDOM_SEED", DefaultSeed),
            Integer("DIFFGEN_RANDOM_BATCH", 50),
            Integer("DIFFGEN_RANDOM_POINTS", 3),
            excluded)
        {
            OnlyBatches = Environment.GetEnvironmentVariable("DIFFGEN_RANDOM_ONLY_BATCHES") is { Length: > 0 } batches
                ? batches.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToHashSet()
                : null,
        };
    }

    private static int Integer(string name, int fallback)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
