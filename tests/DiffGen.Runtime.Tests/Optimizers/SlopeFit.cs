using System;
using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Runtime.Tests.Optimizers;

/// <summary>Least-squares slopes for rate tests.</summary>
internal static class SlopeFit
{
    /// <summary>Slope of log(y) against log(x): -1 for 1/k, -2 for 1/k^2.</summary>
    public static double LogLog(IReadOnlyList<(double X, double Y)> points) =>
        Linear(points.Select(p => (Math.Log(p.X), Math.Log(p.Y))).ToArray());

    /// <summary>Slope of log(y) against x: the log-rate of a linearly converging sequence.</summary>
    public static double SemiLog(IReadOnlyList<(double X, double Y)> points) =>
        Linear(points.Select(p => (p.X, Math.Log(p.Y))).ToArray());

    /// <summary>Least-squares slope of y against x.</summary>
    public static double Linear(IReadOnlyList<(double X, double Y)> points)
    {
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxy = points.Sum(p => (p.X - mx) * (p.Y - my)), sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxy / sxx;
    }
}
