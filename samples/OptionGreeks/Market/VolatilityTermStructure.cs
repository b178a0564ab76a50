using System;

namespace DiffGen.Samples.OptionGreeks.Market;

/// <summary>
/// A piecewise-constant volatility term structure: <see cref="Vols"/>[i] is the volatility over the i-th of
/// <see cref="Buckets"/> equal slices of the option's life. These are the "vega buckets" a risk report shows.
/// </summary>
public sealed class VolatilityTermStructure
{
    /// <summary>Creates the curve from one volatility per bucket.</summary>
    public VolatilityTermStructure(double[] vols)
    {
        ArgumentNullException.ThrowIfNull(vols);
        if (vols.Length == 0) throw new ArgumentException("At least one volatility bucket is required.", nameof(vols));
        foreach (double v in vols)
        {
            if (!(v > 0)) throw new ArgumentException($"Invalid volatility: {v}", nameof(vols));
        }

        Vols = (double[])vols.Clone();
    }

    /// <summary>Volatility per bucket (annualised).</summary>
    public double[] Vols { get; }

    /// <summary>Number of buckets.</summary>
    public int Buckets => Vols.Length;

    /// <summary>The same volatility in every bucket (the Black-Scholes case).</summary>
    public static VolatilityTermStructure Flat(double vol, int buckets)
    {
        var vols = new double[buckets];
        Array.Fill(vols, vol);
        return new VolatilityTermStructure(vols);
    }

    /// <summary>A humped curve: short-dated volatility above the long-run level, as on most equity surfaces.</summary>
    public static VolatilityTermStructure Humped(double shortVol, double longVol, int buckets)
    {
        var vols = new double[buckets];
        for (int i = 0; i < buckets; i++)
        {
            double t = (i + 0.5) / buckets;
            vols[i] = longVol + (shortVol - longVol) * Math.Exp(-4 * t) + 0.01 * Math.Sin(6 * t);
        }

        return new VolatilityTermStructure(vols);
    }
}
