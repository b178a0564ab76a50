using System;
using System.Globalization;
using System.Linq;

namespace DiffGen.Gradients.Tests.Arrays.Support;

/// <summary>Independent numerical references for the array corpus.</summary>
internal static class ArrayNumeric
{
    /// <summary>
    /// ∂f/∂x_i at <paramref name="x"/> by the five-point central stencil
    /// (-f(x+2h) + 8 f(x+h) - 8 f(x-h) + f(x-2h)) / 12h with h = <paramref name="relativeStep"/> max(1, |x_i|).
    /// </summary>
    public static double CentralDifference(Func<double[], double> f, double[] x, int i, double relativeStep = 1e-4)
    {
        double h = relativeStep * Math.Max(1.0, Math.Abs(x[i]));
        var moved = (double[])x.Clone();
        double At(double offset)
        {
            moved[i] = x[i] + offset;
            return f(moved);
        }
        double result = (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
        moved[i] = x[i];
        return result;
    }

    /// <summary>Uniform data in [lo, hi] from a fixed seed (for the [NoDerivative] arguments a case binds).</summary>
    public static double[] Data(int seed, int length, double lo, double hi)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = lo + (hi - lo) * random.NextDouble();
        return values;
    }

    public static float[] ToFloat(double[] x) => x.Select(v => (float)v).ToArray();

    /// <summary>The smallest distance between two entries (ties make sorting and maxima nondifferentiable).</summary>
    public static double MinGap(double[] x)
    {
        double gap = double.PositiveInfinity;
        for (int i = 0; i < x.Length; i++)
            for (int j = i + 1; j < x.Length; j++) gap = Math.Min(gap, Math.Abs(x[i] - x[j]));
        return gap;
    }

    /// <summary>A direction with entries uniform in ±[0.1, 1].</summary>
    public static double[][] RandomDirection(Random random, Slot[] slots, bool roundToFloat)
    {
        var v = new double[slots.Length][];
        for (int k = 0; k < slots.Length; k++)
        {
            v[k] = new double[slots[k].Length];
            for (int i = 0; i < v[k].Length; i++)
            {
                double d = 0.1 + 0.9 * random.NextDouble();
                d = random.Next(2) == 0 ? d : -d;
                v[k][i] = roundToFloat ? (float)d : d;
            }
        }
        return v;
    }

    public static string Format(double[] x)
        => "(" + string.Join(", ", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";

    public static string Format(double[][] x) => "[" + string.Join(", ", x.Select(Format)) + "]";

    /// <summary>|a - b| / max(|a|, |b|), 0 when both are 0.</summary>
    public static double RelativeError(double a, double b)
    {
        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        return scale == 0 ? 0 : Math.Abs(a - b) / scale;
    }
}
