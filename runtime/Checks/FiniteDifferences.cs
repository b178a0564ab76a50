using System;

namespace DiffGen;

/// <summary>Finite-difference derivatives used as an independent reference for generated gradients.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// The derivative at 0 of <paramref name="f"/>(h), by the five-point central stencil (error O(h^4)).
    /// <paramref name="x"/> sets the step scale; single-precision functions need
    /// <paramref name="singlePrecision"/> for a step above their rounding noise.
    /// </summary>
    public static double Central(Func<double, double> f, double x, bool singlePrecision = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        double h = (singlePrecision ? 1e-2 : 1e-4) * Math.Max(1.0, Math.Abs(x));
        return (-f(2 * h) + 8 * f(h) - 8 * f(-h) + f(-2 * h)) / (12 * h);
    }
}
