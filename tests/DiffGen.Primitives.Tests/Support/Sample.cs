using System;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>Deterministic random inputs.</summary>
public static class Sample
{
    /// <summary>Uniform values in [lo, hi).</summary>
    public static double[] Uniform(Random rng, int n, double lo = -1, double hi = 1)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = lo + (hi - lo) * rng.NextDouble();
        }

        return x;
    }

    /// <summary>Values with magnitude in [lo, hi) and a random sign: away from 0 (for kinks and divisions).</summary>
    public static double[] AwayFromZero(Random rng, int n, double lo = 0.1, double hi = 1)
    {
        var x = Uniform(rng, n, lo, hi);
        for (int i = 0; i < n; i++)
        {
            if (rng.Next(2) == 0)
            {
                x[i] = -x[i];
            }
        }

        return x;
    }

    /// <summary>Converts to the element type under test.</summary>
    public static T[] To<T>(double[] x)
        where T : System.Numerics.INumberBase<T>
        => Array.ConvertAll(x, v => T.CreateChecked(v));

    /// <summary>Converts back to double.</summary>
    public static double[] ToDouble<T>(ReadOnlySpan<T> x)
        where T : System.Numerics.INumberBase<T>
    {
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = double.CreateChecked(x[i]);
        }

        return r;
    }
}
