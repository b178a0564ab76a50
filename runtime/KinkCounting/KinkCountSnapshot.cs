using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DiffGen;

/// <summary>The kink counts at one moment (<see cref="KinkCounters.Snapshot"/>): by call site, by primitive, in total.</summary>
public sealed class KinkCountSnapshot
{
    internal KinkCountSnapshot(IEnumerable<(KinkSite Site, long Count)> counts)
    {
        Sites = counts.OrderBy(c => c.Site.Method, System.StringComparer.Ordinal).ThenBy(c => c.Site.Line)
            .ThenBy(c => c.Site.Primitive, System.StringComparer.Ordinal)
            .ToDictionary(c => c.Site, c => c.Count);
        ByPrimitive = Sites.GroupBy(pair => pair.Key.Primitive)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(pair => pair.Value));
        Total = Sites.Values.Sum();
    }

    /// <summary>Hits per call site (sites without hits are absent), ordered by method, line and primitive.</summary>
    public IReadOnlyDictionary<KinkSite, long> Sites { get; }

    /// <summary>Hits per primitive, summed over its call sites.</summary>
    public IReadOnlyDictionary<string, long> ByPrimitive { get; }

    /// <summary>All hits.</summary>
    public long Total { get; }

    /// <summary>The hits of <paramref name="primitive"/> (0 when none).</summary>
    public long Of(string primitive) => ByPrimitive.TryGetValue(primitive, out long count) ? count : 0;

    /// <summary>The hits at one call site (0 when none).</summary>
    public long At(string primitive, string method, int line) => Sites.TryGetValue(new KinkSite(primitive, method, line), out long count) ? count : 0;

    /// <summary>One line per call site: count, primitive, method and line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var pair in Sites)
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,12:N0}  {1} at {2}:{3}", pair.Value, pair.Key.Primitive, pair.Key.Method, pair.Key.Line));
        return text.ToString();
    }
}
