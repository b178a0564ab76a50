using System.ComponentModel;

namespace DiffGen;

/// <summary>
/// The call site a rule's kink hits are attributed to, as generated code passes it between
/// <see cref="KinkCounters.Enter"/> and <see cref="KinkCounters.Exit"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct KinkCallSite
{
    internal KinkCallSite(string? method, int line, bool entered)
    {
        Method = method;
        Line = line;
        Entered = entered;
    }

    internal string? Method { get; }

    internal int Line { get; }

    /// <summary>Whether <see cref="KinkCounters.Enter"/> changed the site (counting was on), so that Exit restores this one.</summary>
    internal bool Entered { get; }

    internal KinkCallSite Previous() => new(Method, Line, entered: false);
}
