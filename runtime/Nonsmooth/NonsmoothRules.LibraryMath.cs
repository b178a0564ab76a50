using System.Runtime.CompilerServices;

namespace DiffGen;

// The rules of the nonsmooth library functions CopySign, MaxMagnitude, MinMagnitude and of RootN at 0
// (see docs/nonsmooth.md). Each is the registry entry's partial or directional rule; the float overloads
// are the same rule in float.
public static partial class NonsmoothRules
{
    /// <summary>
    /// d CopySign(x, y)/dx = s · abs'(x), with s = -1 when y's sign bit is set (CopySign(x, -0.0) = -|x|) and
    /// +1 otherwise, and abs'(0) = <paramref name="absAtZero"/> (the assembly's <c>AbsAtZero</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CopySignPartial(double x, double y, double absAtZero) => (double.IsNegative(y) ? -1.0 : 1.0) * AbsPartial(x, absAtZero);

    /// <inheritdoc cref="CopySignPartial(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CopySignPartial(float x, float y, float absAtZero) => (float.IsNegative(y) ? -1f : 1f) * AbsPartial(x, absAtZero);

    /// <summary>
    /// CopySign'((x, y); (dx, dy)) = s · |.|'(x; dx), where s is the sign of y, or at y = 0 the sign the
    /// direction gives it (dy's, and y's own sign bit when dy = 0): the piece s|x| the direction enters,
    /// as a branch does. The sign is piecewise constant, so dy contributes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CopySignDirectional(double x, double dx, double y, double dy)
        => (y > 0 ? 1.0 : y < 0 ? -1.0 : dy > 0 ? 1.0 : dy < 0 ? -1.0 : double.IsNegative(y) ? -1.0 : 1.0) * AbsDirectional(x, dx);

    /// <inheritdoc cref="CopySignDirectional(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CopySignDirectional(float x, float dx, float y, float dy)
        => (y > 0 ? 1f : y < 0 ? -1f : dy > 0 ? 1f : dy < 0 ? -1f : float.IsNegative(y) ? -1f : 1f) * AbsDirectional(x, dx);

    /// <summary>
    /// d MaxMagnitude(a, b)/da: 1 when |a| &gt; |b|, 0 when |a| &lt; |b|; at a tie a = b (a kink, like
    /// max's) <paramref name="tieShareFirst"/>; at a tie a = -b ≠ 0 (a jump between a and b) 1 when a is
    /// the argument returned (the positive one), else 0. The partial in b is one minus this.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxMagnitudePartialFirst(double a, double b, double tieShareFirst)
    {
        double ma = System.Math.Abs(a), mb = System.Math.Abs(b);
        return ma > mb ? 1.0 : ma < mb ? 0.0 : a == b ? tieShareFirst : a > 0 ? 1.0 : 0.0;
    }

    /// <inheritdoc cref="MaxMagnitudePartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxMagnitudePartialFirst(float a, float b, float tieShareFirst)
    {
        float ma = System.MathF.Abs(a), mb = System.MathF.Abs(b);
        return ma > mb ? 1f : ma < mb ? 0f : a == b ? tieShareFirst : a > 0 ? 1f : 0f;
    }

    /// <summary>d MinMagnitude(a, b)/da: as <see cref="MaxMagnitudePartialFirst(double, double, double)"/> with the smaller magnitude, and at a = -b ≠ 0 the negative argument (the one returned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinMagnitudePartialFirst(double a, double b, double tieShareFirst)
    {
        double ma = System.Math.Abs(a), mb = System.Math.Abs(b);
        return ma < mb ? 1.0 : ma > mb ? 0.0 : a == b ? tieShareFirst : a < 0 ? 1.0 : 0.0;
    }

    /// <inheritdoc cref="MinMagnitudePartialFirst(double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinMagnitudePartialFirst(float a, float b, float tieShareFirst)
    {
        float ma = System.MathF.Abs(a), mb = System.MathF.Abs(b);
        return ma < mb ? 1f : ma > mb ? 0f : a == b ? tieShareFirst : a < 0 ? 1f : 0f;
    }

    /// <summary>
    /// MaxMagnitude'((a, b); (da, db)): the tangent of the argument whose magnitude is larger after an
    /// infinitesimal step along the direction: magnitudes compared, then at a tie their rates
    /// (sign(a)·da, or |da| at a = 0); when the tie persists, the argument the function returns there (the
    /// non-negative one, the first when both have one sign). Exact where MaxMagnitude is continuous
    /// (max(da, db) at a = b &gt; 0, min at a = b &lt; 0, MaxMagnitude(da, db) at the origin); at a jump
    /// (a = -b) the derivative of the side the direction enters, as a branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxMagnitudeDirectional(double a, double da, double b, double db)
    {
        double ma = System.Math.Abs(a), mb = System.Math.Abs(b);
        if (ma != mb) return ma > mb ? da : db;
        double ra = MagnitudeRate(a, da), rb = MagnitudeRate(b, db);
        if (ra != rb) return ra > rb ? da : db;
        return a < 0 || (a == 0 && da < 0) ? db : da;
    }

    /// <inheritdoc cref="MaxMagnitudeDirectional(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxMagnitudeDirectional(float a, float da, float b, float db)
    {
        float ma = System.MathF.Abs(a), mb = System.MathF.Abs(b);
        if (ma != mb) return ma > mb ? da : db;
        float ra = MagnitudeRate(a, da), rb = MagnitudeRate(b, db);
        if (ra != rb) return ra > rb ? da : db;
        return a < 0 || (a == 0 && da < 0) ? db : da;
    }

    /// <summary>MinMagnitude'((a, b); (da, db)): as <see cref="MaxMagnitudeDirectional(double, double, double, double)"/> with the smaller magnitude; a persisting tie returns the negative argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinMagnitudeDirectional(double a, double da, double b, double db)
    {
        double ma = System.Math.Abs(a), mb = System.Math.Abs(b);
        if (ma != mb) return ma < mb ? da : db;
        double ra = MagnitudeRate(a, da), rb = MagnitudeRate(b, db);
        if (ra != rb) return ra < rb ? da : db;
        return a < 0 || (a == 0 && da < 0) ? da : db;
    }

    /// <inheritdoc cref="MinMagnitudeDirectional(double, double, double, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinMagnitudeDirectional(float a, float da, float b, float db)
    {
        float ma = System.MathF.Abs(a), mb = System.MathF.Abs(b);
        if (ma != mb) return ma < mb ? da : db;
        float ra = MagnitudeRate(a, da), rb = MagnitudeRate(b, db);
        if (ra != rb) return ra < rb ? da : db;
        return a < 0 || (a == 0 && da < 0) ? da : db;
    }

    /// <summary>
    /// d RootN(x, n)/dx = y / (n x) with y = RootN(x, n); at x = 0, 1 for n = 1 and +∞ for n ≥ 2 (the
    /// vertical tangent, as sqrt'(0) = ∞), NaN for n ≤ 0 (a pole, or no function at all for n = 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RootNPartial(double x, int n, double y)
        => x != 0 ? y / (n * x) : n == 1 ? 1.0 : n > 1 ? double.PositiveInfinity : double.NaN;

    /// <inheritdoc cref="RootNPartial(double, int, double)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RootNPartial(float x, int n, float y)
        => x != 0 ? y / (n * x) : n == 1 ? 1f : n > 1 ? float.PositiveInfinity : float.NaN;

    /// <summary>How fast |v| changes along dv: sign(v)·dv, or |dv| at v = 0.</summary>
    private static double MagnitudeRate(double v, double dv) => v > 0 ? dv : v < 0 ? -dv : System.Math.Abs(dv);

    private static float MagnitudeRate(float v, float dv) => v > 0 ? dv : v < 0 ? -dv : System.MathF.Abs(dv);
}
