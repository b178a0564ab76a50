using System;
using System.Collections.Generic;
using System.Linq;

namespace DiffGen.Samples.FiniteSums.App;

/// <summary>The objective of one method after each pass over the data.</summary>
/// <param name="Name">The method.</param>
/// <param name="Points">Effective passes and F(w) there.</param>
public sealed record Curve(string Name, IReadOnlyList<(double Passes, double Value)> Points)
{
    /// <summary>Least-squares slope of ln(F - F*) against passes, over the points whose gap is above
    /// <paramref name="floor"/> (below it the gap is rounding); NaN with fewer than three such points.</summary>
    /// <param name="optimum">F*.</param>
    /// <param name="floor">Smallest gap that counts.</param>
    /// <returns>The slope.</returns>
    public double LogGapSlope(double optimum, double floor)
    {
        var pts = Points.Where(p => p.Passes > 0 && p.Value - optimum > floor).Select(p => (X: p.Passes, Y: Math.Log(p.Value - optimum))).ToArray();
        if (pts.Length < 3) return double.NaN;
        double mx = pts.Average(p => p.X), my = pts.Average(p => p.Y);
        return pts.Sum(p => (p.X - mx) * (p.Y - my)) / pts.Sum(p => (p.X - mx) * (p.X - mx));
    }
}
