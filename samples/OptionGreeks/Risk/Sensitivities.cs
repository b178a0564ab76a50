using System;
using System.Collections.Generic;

namespace DiffGen.Samples.OptionGreeks.Risk;

/// <summary>
/// A price and its first-order sensitivities, named as on a risk report. Theta is the calendar decay, -dV/dT.
/// </summary>
/// <param name="Price">Option value.</param>
/// <param name="Delta">dV/dS0.</param>
/// <param name="Rho">dV/dr.</param>
/// <param name="DividendRho">dV/dq.</param>
/// <param name="SkewSensitivity">dV/d(skew), the local-volatility model parameter.</param>
/// <param name="MaturitySensitivity">dV/dT (theta is its negative).</param>
/// <param name="StrikeSensitivity">dV/dK.</param>
/// <param name="Vega">dV/d(vol bucket i), one per bucket.</param>
public sealed record Sensitivities(double Price, double Delta, double Rho, double DividendRho, double SkewSensitivity,
                                   double MaturitySensitivity, double StrikeSensitivity, double[] Vega)
{
    /// <summary>Theta, -dV/dT (per year).</summary>
    public double Theta => -MaturitySensitivity;

    /// <summary>Sum of the bucket vegas: the sensitivity to a parallel shift of the term structure.</summary>
    public double ParallelVega
    {
        get
        {
            double sum = 0;
            foreach (double v in Vega) sum += v;
            return sum;
        }
    }

    /// <summary>Every sensitivity with its name, in report order (the price excluded).</summary>
    public IReadOnlyList<(string Name, double Value)> Named()
    {
        var list = new List<(string, double)>
        {
            ("delta", Delta), ("rho", Rho), ("dividend rho", DividendRho), ("skew", SkewSensitivity),
            ("theta", Theta), ("dV/dK", StrikeSensitivity),
        };
        for (int i = 0; i < Vega.Length; i++) list.Add(($"vega[{i + 1,2}]", Vega[i]));
        return list;
    }

    /// <summary>The named values of several results as columns: the mean and the standard error of the mean.</summary>
    public static (double[] Mean, double[] StandardError) MeanAndError(IReadOnlyList<Sensitivities> batches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches.Count, 2);
        int n = batches[0].Named().Count;
        var mean = new double[n];
        var error = new double[n];
        foreach (var b in batches)
        {
            var values = b.Named();
            for (int k = 0; k < n; k++) mean[k] += values[k].Value / batches.Count;
        }

        foreach (var b in batches)
        {
            var values = b.Named();
            for (int k = 0; k < n; k++) error[k] += (values[k].Value - mean[k]) * (values[k].Value - mean[k]);
        }

        for (int k = 0; k < n; k++) error[k] = Math.Sqrt(error[k] / (batches.Count - 1) / batches.Count);
        return (mean, error);
    }

    /// <summary>The standard error of the mean price over batches.</summary>
    public static double MeanAndErrorOfPrice(IReadOnlyList<Sensitivities> batches) => MeanAndErrorOf(batches, s => s.Price);

    /// <summary>The standard error of the mean of one derived value over batches.</summary>
    public static double MeanAndErrorOf(IReadOnlyList<Sensitivities> batches, Func<Sensitivities, double> value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches.Count, 2);
        double mean = 0, sum = 0;
        foreach (var b in batches) mean += value(b) / batches.Count;
        foreach (var b in batches) sum += (value(b) - mean) * (value(b) - mean);
        return Math.Sqrt(sum / (batches.Count - 1) / batches.Count);
    }
}
