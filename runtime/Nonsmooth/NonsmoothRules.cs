using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// The derivative rules of the nonsmooth primitives, called by generated code. One definition per
/// rule: reverse and forward mode use the partials (with the kink value chosen per assembly), and
/// directional mode uses the exact one-sided rules (Bolte and Pauwels; see docs/nonsmooth.md).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class NonsmoothRules
{
    /// <summary>relu'(x): 1 above 0, 0 below, <paramref name="atZero"/> at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReluPartial(double x, double atZero) => x > 0 ? 1.0 : x < 0 ? 0.0 : atZero;

    /// <inheritdoc cref="ReluPartial(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReluPartial(float x, float atZero) => x > 0 ? 1f : x < 0 ? 0f : atZero;

    /// <summary>|x|': sign of x away from 0, <paramref name="atZero"/> at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AbsPartial(double x, double atZero) => x > 0 ? 1.0 : x < 0 ? -1.0 : atZero;

    /// <inheritdoc cref="AbsPartial(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AbsPartial(float x, float atZero) => x > 0 ? 1f : x < 0 ? -1f : atZero;

    /// <summary>
    /// d max(a, b)/da: 1 when a is the larger, 0 when b is, <paramref name="tieShareFirst"/> at a tie
    /// (the partial in b is one minus this).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxPartialFirst(double a, double b, double tieShareFirst) => a > b ? 1.0 : a < b ? 0.0 : tieShareFirst;

    /// <inheritdoc cref="MaxPartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxPartialFirst(float a, float b, float tieShareFirst) => a > b ? 1f : a < b ? 0f : tieShareFirst;

    /// <summary>d min(a, b)/da: 1 when a is the smaller, 0 when b is, <paramref name="tieShareFirst"/> at a tie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinPartialFirst(double a, double b, double tieShareFirst) => a < b ? 1.0 : a > b ? 0.0 : tieShareFirst;

    /// <inheritdoc cref="MinPartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinPartialFirst(float a, float b, float tieShareFirst) => a < b ? 1f : a > b ? 0f : tieShareFirst;

    /// <summary>
    /// Which argument of <c>Math.Clamp(x, lo, hi)</c> the seed goes to: 0 for x, 1 for lo, 2 for hi.
    /// Strictly inside the bounds x; strictly outside the bound crossed; exactly at a bound x when
    /// <paramref name="passesAtBound"/> (PyTorch's choice), else the bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ClampRoute(double x, double lo, double hi, bool passesAtBound)
        => x < lo ? 1 : x > hi ? 2 : x == lo ? (passesAtBound ? 0 : 1) : x == hi ? (passesAtBound ? 0 : 2) : 0;

    /// <inheritdoc cref="ClampRoute(double, double, double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ClampRoute(float x, float lo, float hi, bool passesAtBound)
        => ClampRoute((double)x, lo, hi, passesAtBound);

    // ---- Exact one-sided directional derivatives f'(x; d) (used by {M}Directional). ----

    /// <summary>relu'(x; d): d above 0, 0 below, max(d, 0) at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReluDirectional(double x, double d) => x > 0 ? d : x < 0 ? 0.0 : (d > 0 ? d : 0.0);

    /// <inheritdoc cref="ReluDirectional(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReluDirectional(float x, float d) => x > 0 ? d : x < 0 ? 0f : (d > 0 ? d : 0f);

    /// <summary>|x|'(x; d): sign(x) d away from 0, |d| at 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AbsDirectional(double x, double d) => x > 0 ? d : x < 0 ? -d : System.Math.Abs(d);

    /// <inheritdoc cref="AbsDirectional(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AbsDirectional(float x, float d) => x > 0 ? d : x < 0 ? -d : System.MathF.Abs(d);

    /// <summary>max(a, b)'((a, b); (da, db)): the tangent of the larger argument, max(da, db) at a tie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxDirectional(double a, double da, double b, double db) => a > b ? da : a < b ? db : System.Math.Max(da, db);

    /// <inheritdoc cref="MaxDirectional(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxDirectional(float a, float da, float b, float db) => a > b ? da : a < b ? db : System.MathF.Max(da, db);

    /// <summary>min(a, b)'((a, b); (da, db)): the tangent of the smaller argument, min(da, db) at a tie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinDirectional(double a, double da, double b, double db) => a < b ? da : a > b ? db : System.Math.Min(da, db);

    /// <inheritdoc cref="MinDirectional(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinDirectional(float a, float da, float b, float db) => a < b ? da : a > b ? db : System.MathF.Min(da, db);

    /// <summary>clamp(x, lo, hi) = max(lo, min(x, hi)), differentiated by the rules above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ClampDirectional(double x, double dx, double lo, double dlo, double hi, double dhi)
        => MaxDirectional(lo, dlo, System.Math.Min(x, hi), MinDirectional(x, dx, hi, dhi));

    /// <inheritdoc cref="ClampDirectional(double, double, double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ClampDirectional(float x, float dx, float lo, float dlo, float hi, float dhi)
        => MaxDirectional(lo, dlo, System.MathF.Min(x, hi), MinDirectional(x, dx, hi, dhi));

    /// <summary>
    /// The comparison a &gt; b at the point moved by an infinitesimal step along the direction: compares
    /// (a, da) with (b, db) lexicographically, so a branch on a kink takes the side the direction enters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterAlong(double a, double da, double b, double db) => a > b || (a == b && da > db);

    /// <inheritdoc cref="GreaterAlong(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterAlong(float a, float da, float b, float db) => a > b || (a == b && da > db);

    /// <summary>a &gt;= b along the direction (see <see cref="GreaterAlong(double, double, double, double)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterOrEqualAlong(double a, double da, double b, double db) => a > b || (a == b && da >= db);

    /// <inheritdoc cref="GreaterOrEqualAlong(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterOrEqualAlong(float a, float da, float b, float db) => a > b || (a == b && da >= db);

    /// <summary>a == b along the direction: equal values and equal tangents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualAlong(double a, double da, double b, double db) => a == b && da == db;

    /// <inheritdoc cref="EqualAlong(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualAlong(float a, float da, float b, float db) => a == b && da == db;
}
