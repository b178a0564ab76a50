using System;
using DiffGen;

namespace DiffGen.Benchmarks.Scalar;

/// <summary>Scalar functions of growing size, written as ordinary C# and differentiated by the generator.</summary>
public static partial class ScalarFunctions
{
    /// <summary>Four-dimensional Rosenbrock, about 20 operations, straight-line.</summary>
    [Differentiable]
    public static double Rosenbrock4(double a, double b, double c, double d)
    {
        double t1 = b - a * a, t2 = c - b * b, t3 = d - c * c;
        return 100 * t1 * t1 + (1 - a) * (1 - a) + 100 * t2 * t2 + (1 - b) * (1 - b) + 100 * t3 * t3 + (1 - c) * (1 - c);
    }

    /// <summary>A 3-4-1 tanh network with fixed weights, about 60 operations, straight-line.</summary>
    [Differentiable]
    public static double TinyNetwork(double x1, double x2, double x3)
    {
        double h1 = Math.Tanh(0.5 * x1 - 0.3 * x2 + 0.8 * x3 + 0.1);
        double h2 = Math.Tanh(-0.2 * x1 + 0.9 * x2 + 0.4 * x3 - 0.2);
        double h3 = Math.Tanh(0.7 * x1 + 0.1 * x2 - 0.6 * x3 + 0.3);
        double h4 = Math.Tanh(-0.4 * x1 - 0.5 * x2 + 0.2 * x3 + 0.05);
        double y = 1.2 * h1 - 0.7 * h2 + 0.5 * h3 + 0.9 * h4 - 0.1;
        double s = 1 / (1 + Math.Exp(-y));
        return -Math.Log(s) + 0.01 * (x1 * x1 + x2 * x2 + x3 * x3);
    }

    /// <summary>A nonlinear recurrence of 50 steps, about 200 operations, with a loop (uses the tape).</summary>
    [Differentiable]
    public static double Recurrence(double x, double a, double b)
    {
        for (int i = 0; i < 50; i++)
            x = x * a + Math.Sin(x) * b;
        return x;
    }
}
