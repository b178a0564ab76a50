using System.Collections.Generic;
using System.Globalization;

namespace DiffGen.Generator.Stages;

/// <summary>Hands out identifiers for generated code that never collide with the user's names or each other.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;
    private int _nextTemp;

    public NameScope(IEnumerable<string> taken) => _taken = new HashSet<string>(taken);

    /// <summary><paramref name="preferred"/>, or it with a numeric suffix if already taken.</summary>
    public string Fresh(string preferred)
    {
        preferred = Helpers.Identifiers.Bare(preferred);
        string candidate = preferred;
        for (int i = 1; !_taken.Add(candidate) || _taken.Contains("@" + candidate); i++) candidate = preferred + "_" + i.ToString(CultureInfo.InvariantCulture);
        return Helpers.Identifiers.Escape(candidate);
    }

    /// <summary>A new temporary, <c>_t0</c>, <c>_t1</c>, ...</summary>
    public string Temp()
    {
        while (true)
        {
            string candidate = "_t" + (_nextTemp++).ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate)) return candidate;
        }
    }
}
