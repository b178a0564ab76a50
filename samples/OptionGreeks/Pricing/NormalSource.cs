using System;

namespace DiffGen.Samples.OptionGreeks.Pricing;

/// <summary>
/// Seeded standard normal numbers (Box-Muller over <see cref="Random"/>): the same seed gives the same paths, which
/// is what makes bump-and-revalue with common random numbers, and a reproducible risk run, possible.
/// </summary>
public static class NormalSource
{
    /// <summary>Fills a new array with <paramref name="count"/> standard normal draws.</summary>
    public static double[] Draw(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i += 2)
        {
            double u1 = 1.0 - random.NextDouble(); // in (0, 1]: the logarithm stays finite
            double u2 = random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            values[i] = r * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < count) values[i + 1] = r * Math.Sin(2 * Math.PI * u2);
        }

        return values;
    }
}
