using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Tuples as C# developers write them: tuple locals, named elements, deconstruction, swaps.</summary>
public static partial class TupleFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7, -1.3)]
    [CheckGradientAt(-0.4, 2.1)]
    public static double Polar(double x, double y)
    {
        var (radius, angle) = (Math.Sqrt(x * x + y * y), Math.Atan2(y, x));
        return radius * Math.Cos(angle / 2) + angle;
    }

    [Differentiable]
    [CheckGradientAt(0.3, 0.8, 1.5)]
    [CheckGradientAt(-1.1, 0.2, 0.6)]
    public static double Stats(double a, double b, double c)
    {
        (double Mean, double Spread) stats = ((a + b + c) / 3, 0.0);
        stats.Spread = Math.Sqrt(((a - stats.Mean) * (a - stats.Mean) + (b - stats.Mean) * (b - stats.Mean) + (c - stats.Mean) * (c - stats.Mean)) / 3);
        var copy = stats;
        return copy.Mean * copy.Item2 + stats.Spread;
    }

    [Differentiable]
    [CheckGradientAt(0.9, 0.4, 5)]
    [CheckGradientAt(1.3, -0.2, 7)]
    public static double Fibonacci(double x, double y, int steps)
    {
        double a = x, b = y;
        for (int i = 0; i < steps; i++) (a, b) = (b, 0.5 * a + Math.Sin(b));
        return a * b;
    }

    [Differentiable]
    [CheckGradientAt(1.2, -0.5)]
    [CheckGradientAt(-0.8, 0.9)]
    public static double Discards(double x, double y)
    {
        var (sum, _) = (x + y, x * y);
        (double p, double q) = (sum * x, y);
        (p, q) = (q, p);
        return p * q + sum;
    }
}
