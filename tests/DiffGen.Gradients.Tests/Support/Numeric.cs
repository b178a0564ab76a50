using System;
using System.Globalization;
using Xunit;

namespace DiffGen.Gradients.Tests.Support;

/// <summary>Independent numerical references and tolerance checks shared by the tests.</summary>
internal static class Numeric
{
    /// <summary>
    /// The partial derivative of <paramref name="f"/> in coordinate <paramref name="i"/> at
    /// <paramref name="x"/>, by the five-point central stencil with h = 1e-4 max(1, |x_i|).
    /// </summary>
    public static double CentralDifference(Func<double[], double> f, double[] x, int i)
    {
        double h = 1e-4 * Math.Max(1.0, Math.Abs(x[i]));
        double At(double offset)
        {
            var moved = (double[])x.Clone();
            moved[i] = x[i] + offset;
            return f(moved);
        }
        return (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
    }

    /// <summary>|a - b| within <paramref name="relative"/> of the larger magnitude, or within <paramref name="absolute"/>.</summary>
    public static bool Close(double a, double b, double relative, double absolute)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return false;
        double error = Math.Abs(a - b);
        return error <= absolute || error <= relative * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    public static void AssertClose(double expected, double actual, double relative, double absolute, string what)
    {
        if (!Close(expected, actual, relative, absolute))
        {
            Assert.Fail(string.Format(CultureInfo.InvariantCulture,
                "{0}: expected {1:R}, got {2:R} (relative error {3:E3}, tolerance {4:E1} relative / {5:E1} absolute)",
                what, expected, actual, Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), Math.Abs(actual)),
                relative, absolute));
        }
    }

    /// <summary>A seed that depends only on <paramref name="text"/> (string.GetHashCode is randomized per process).</summary>
    public static int StableSeed(string text)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash ^= c;
                hash *= 16777619;
            }
            return (int)(hash & 0x7fffffff);
        }
    }

    /// <summary>A direction with entries uniform in [-1, 1], none of them tiny.</summary>
    public static double[] RandomDirection(Random random, int arity)
    {
        var v = new double[arity];
        for (int i = 0; i < arity; i++)
        {
            double d = 2 * random.NextDouble() - 1;
            v[i] = Math.Abs(d) < 0.1 ? d + Math.Sign(d + 1e-300) * 0.1 : d;
        }
        return v;
    }

    public static string Format(double[] x)
    {
        var parts = new string[x.Length];
        for (int i = 0; i < x.Length; i++) parts[i] = x[i].ToString("R", CultureInfo.InvariantCulture);
        return "(" + string.Join(", ", parts) + ")";
    }
}
