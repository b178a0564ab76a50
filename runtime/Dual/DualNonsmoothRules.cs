using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// The partials of <see cref="NonsmoothRules"/> read from dual numbers, for the reverse sweep that
/// <c>{M}HessianVector</c> runs over <see cref="Dual"/>: all but RootN's are piecewise constant, so they read the
/// value only and their tangent is zero (H·v at a kink is the tangent of the gradient's chosen rule); RootN's
/// partial y / (n x) is smooth away from 0 and carries its tangent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DualNonsmoothRules
{
    /// <inheritdoc cref="NonsmoothRules.ReluPartial(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReluPartial(Dual x, double atZero) => NonsmoothRules.ReluPartial(x.Value, atZero);

    /// <inheritdoc cref="NonsmoothRules.ReluPartial(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReluPartial(DualF x, float atZero) => NonsmoothRules.ReluPartial(x.Value, atZero);

    /// <inheritdoc cref="NonsmoothRules.AbsPartial(double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AbsPartial(Dual x, double atZero) => NonsmoothRules.AbsPartial(x.Value, atZero);

    /// <inheritdoc cref="NonsmoothRules.AbsPartial(float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AbsPartial(DualF x, float atZero) => NonsmoothRules.AbsPartial(x.Value, atZero);

    /// <inheritdoc cref="NonsmoothRules.MaxPartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxPartialFirst(Dual a, Dual b, double tieShareFirst) => NonsmoothRules.MaxPartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MaxPartialFirst(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxPartialFirst(DualF a, DualF b, float tieShareFirst) => NonsmoothRules.MaxPartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MinPartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinPartialFirst(Dual a, Dual b, double tieShareFirst) => NonsmoothRules.MinPartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MinPartialFirst(float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinPartialFirst(DualF a, DualF b, float tieShareFirst) => NonsmoothRules.MinPartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.ClampRoute(double, double, double, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ClampRoute(Dual x, Dual lo, Dual hi, bool passesAtBound) => NonsmoothRules.ClampRoute(x.Value, lo.Value, hi.Value, passesAtBound);

    /// <inheritdoc cref="NonsmoothRules.ClampRoute(float, float, float, bool)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ClampRoute(DualF x, DualF lo, DualF hi, bool passesAtBound) => NonsmoothRules.ClampRoute(x.Value, lo.Value, hi.Value, passesAtBound);

    /// <inheritdoc cref="NonsmoothRules.CopySignPartial(double, double, double)"/>
    public static double CopySignPartial(Dual x, Dual y, double absAtZero) => NonsmoothRules.CopySignPartial(x.Value, y.Value, absAtZero);

    /// <inheritdoc cref="NonsmoothRules.CopySignPartial(float, float, float)"/>
    public static float CopySignPartial(DualF x, DualF y, float absAtZero) => NonsmoothRules.CopySignPartial(x.Value, y.Value, absAtZero);

    /// <inheritdoc cref="NonsmoothRules.MaxMagnitudePartialFirst(double, double, double)"/>
    public static double MaxMagnitudePartialFirst(Dual a, Dual b, double tieShareFirst) => NonsmoothRules.MaxMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MaxMagnitudePartialFirst(float, float, float)"/>
    public static float MaxMagnitudePartialFirst(DualF a, DualF b, float tieShareFirst) => NonsmoothRules.MaxMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MinMagnitudePartialFirst(double, double, double)"/>
    public static double MinMagnitudePartialFirst(Dual a, Dual b, double tieShareFirst) => NonsmoothRules.MinMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);

    /// <inheritdoc cref="NonsmoothRules.MinMagnitudePartialFirst(float, float, float)"/>
    public static float MinMagnitudePartialFirst(DualF a, DualF b, float tieShareFirst) => NonsmoothRules.MinMagnitudePartialFirst(a.Value, b.Value, tieShareFirst);

    /// <summary>RootN's partial y / (n x) over dual numbers (its tangent is the second derivative's); at x = 0 the constant of <see cref="NonsmoothRules.RootNPartial(double, int, double)"/>.</summary>
    public static Dual RootNPartial(Dual x, int n, Dual y) => x.Value != 0 ? y / (n * x) : NonsmoothRules.RootNPartial(x.Value, n, y.Value);

    /// <inheritdoc cref="RootNPartial(Dual, int, Dual)"/>
    public static DualF RootNPartial(DualF x, int n, DualF y) => x.Value != 0 ? y / (n * x) : NonsmoothRules.RootNPartial(x.Value, n, y.Value);
}
