using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace DiffGen;

/// <summary>
/// Opt-in counters of exact kink hits: how often the gradient and tangent passes (the generated
/// <c>{M}Gradient</c>, <c>{M}Pullback</c> and <c>{M}Tangent</c>, and the span primitives' pullbacks and
/// tangents) met a nonsmooth primitive exactly at the point where its derivative is a choice (relu at 0,
/// abs at 0, a max or min tie, clamp at a bound, ...; see docs/nonsmooth.md). These are the hits where the
/// assembly's <see cref="NonsmoothDerivativesAttribute"/> setting changes the gradient.
/// </summary>
/// <remarks>
/// Counts are keyed by primitive and call site (method and source line of the call). Off by default;
/// when off, generated code pays one predictable branch on <see cref="IsEnabled"/> where a kink rule is
/// applied (hits add to locals of the generated method, given to the counters when it returns), and nothing
/// is recorded. Counting is thread-safe: data-parallel workers add to the same
/// counters. <c>{M}Directional</c> is exact at kinks and does not count.
/// </remarks>
public static class KinkCounters
{
    private static bool s_enabled;
    private static readonly ConcurrentDictionary<KinkSite, StrongBox<long>> s_counts = new();

    [ThreadStatic]
    private static KinkCallSite t_site;

    /// <summary>Whether hits are being counted.</summary>
    public static bool IsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_enabled;
    }

    /// <summary>Starts counting (the counts so far are kept; see <see cref="Reset"/>).</summary>
    public static void Enable() => Volatile.Write(ref s_enabled, true);

    /// <summary>Stops counting; the counts are kept until <see cref="Reset"/>.</summary>
    public static void Disable() => Volatile.Write(ref s_enabled, false);

    /// <summary>Sets every count to zero. A hit counted by another thread while this runs lands before or after the reset.</summary>
    public static void Reset() => s_counts.Clear();

    /// <summary>The counts now, by call site and by primitive.</summary>
    public static KinkCountSnapshot Snapshot()
        => new(s_counts.Select(pair => (pair.Key, Interlocked.Read(ref pair.Value.Value))).Where(c => c.Item2 > 0));

    /// <summary>
    /// Counts <paramref name="hits"/> hits of <paramref name="primitive"/> at the current call site: for
    /// rules (span primitives, a user's <c>[DerivativeOf]</c> rules) whose caller, generated code, names the
    /// site. Does nothing while counting is off.
    /// </summary>
    /// <param name="primitive">The primitive's name, e.g. <c>SpanOps.Relu</c>.</param>
    /// <param name="hits">How many elements sat exactly at the kink.</param>
    public static void Record(string primitive, long hits)
    {
        if (!s_enabled || hits <= 0) return;
        var site = t_site;
        Add(new KinkSite(primitive, site.Method ?? KinkSite.OutsideGeneratedCode, site.Line), hits);
    }

    /// <summary>The hits of a scalar primitive at a call site during one call of a generated method (generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Hit(string primitive, string method, int line, int hits) => Add(new KinkSite(primitive, method, line), hits);

    /// <summary>Makes a rule call (generated code) the call site of the hits the rule records; returns what <see cref="Exit"/> restores.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KinkCallSite Enter(string method, int line) => s_enabled ? EnterSlow(method, line) : default;

    /// <summary>Ends the call site <see cref="Enter"/> began.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(KinkCallSite previous)
    {
        if (previous.Entered) t_site = previous.Previous();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KinkCallSite EnterSlow(string method, int line)
    {
        var previous = t_site;
        t_site = new KinkCallSite(method, line, entered: false);
        return new KinkCallSite(previous.Method, previous.Line, entered: true);
    }

    private static void Add(KinkSite site, long hits)
    {
        if (!s_enabled) return;
        var count = s_counts.GetOrAdd(site, static _ => new StrongBox<long>());
        Interlocked.Add(ref count.Value, hits);
    }
}
