using System;
using System.Numerics;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>Methods returning tuples of numbers, written as a C# user writes them: named and unnamed elements, tuple locals, loops, early returns, generic math.</summary>
public static partial class TupleResultFunctions
{
    [Differentiable]
    public static (double R, double Theta) Polar(double x, double y)
    {
        double r = Math.Sqrt(x * x + y * y);
        return (r, Math.Atan2(y, x));
    }

    [Differentiable]
    public static (double X, double Y) Rotate(double x, double y, double angle)
    {
        var (sin, cos) = (Math.Sin(angle), Math.Cos(angle));
        return (x * cos - y * sin, x * sin + y * cos);
    }

    [Differentiable]
    public static (double, double) Swapped(double a, double b) => (b * b, a - 3 * b);

    /// <summary>Three statistics of a sample, the last one through a kink; an early return and a tuple local returned.</summary>
    [Differentiable]
    public static (double, double, double) Stats(ReadOnlySpan<double> a, double scale)
    {
        double sum = 0, squares = 0, largest = a[0];
        for (int i = 0; i < a.Length; i++)
        {
            sum += scale * a[i];
            squares += a[i] * a[i];
            if (a[i] > largest) largest = a[i];
        }
        if (sum > 100) return (0.0, squares, largest);
        var t = (sum / a.Length, Math.Sqrt(squares), largest * scale);
        return t;
    }

    /// <summary>Welford's running mean and variance.</summary>
    [Differentiable]
    public static (double Mean, double Variance) MeanAndVariance(double[] samples)
    {
        double mean = 0, m2 = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            double delta = samples[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (samples[i] - mean);
        }
        return (mean, m2 / (samples.Length - 1));
    }

    /// <summary>A projectile with quadratic drag, integrated by explicit Euler steps: the state after the last step.</summary>
    [Differentiable]
    public static (double X, double Y, double Vx, double Vy) Projectile(double speed, double angle, double drag, int steps)
    {
        double x = 0, y = 0, vx = speed * Math.Cos(angle), vy = speed * Math.Sin(angle);
        const double dt = 0.05, gravity = 9.81;
        for (int i = 0; i < steps; i++)
        {
            double v = Math.Sqrt(vx * vx + vy * vy);
            double ax = -drag * v * vx, ay = -gravity - drag * v * vy;
            x += dt * vx;
            y += dt * vy;
            vx += dt * ax;
            vy += dt * ay;
            if (y < 0) break;
        }
        return (x, y, vx, vy);
    }

    /// <summary>Eight elements: the tuple nests (Item8 is in its rest).</summary>
    [Differentiable]
    public static (double, double, double, double, double, double, double, double) Powers(double x)
    {
        double p = x;
        double x2 = p * x, x3 = x2 * x, x4 = x3 * x, x5 = x4 * x, x6 = x5 * x, x7 = x6 * x;
        return (p, x2, x3, x4, x5, x6, x7, x7 * x);
    }

    /// <summary>Generic math, instantiated for double and float.</summary>
    [Differentiable]
    public static (T Low, T High) Spread<T>(T x, T y) where T : IFloatingPointIeee754<T>
        => (T.Min(x, y) * x, T.Max(x, y) + T.Exp(y));

    [Differentiable]
    public static (float Sum, float Product) FloatPair(float x, ReadOnlySpan<float> w)
    {
        float sum = 0, product = 1;
        for (int i = 0; i < w.Length; i++)
        {
            sum += w[i] * x;
            product *= MathF.Tanh(w[i] + x);
        }
        return (sum, product);
    }
}
