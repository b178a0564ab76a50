using System;

namespace DiffGen.Benchmarks.Scalar;

/// <summary>The same functions' gradients written by hand: the baseline the generated code is measured against.</summary>
public static class HandWrittenGradients
{
    public static double Rosenbrock4(double a, double b, double c, double d, out double da, out double db, out double dc, out double dd)
    {
        double t1 = b - a * a, t2 = c - b * b, t3 = d - c * c;
        double value = 100 * t1 * t1 + (1 - a) * (1 - a) + 100 * t2 * t2 + (1 - b) * (1 - b) + 100 * t3 * t3 + (1 - c) * (1 - c);
        da = -400 * t1 * a - 2 * (1 - a);
        db = 200 * t1 - 400 * t2 * b - 2 * (1 - b);
        dc = 200 * t2 - 400 * t3 * c - 2 * (1 - c);
        dd = 200 * t3;
        return value;
    }

    public static double TinyNetwork(double x1, double x2, double x3, out double d1, out double d2, out double d3)
    {
        double h1 = Math.Tanh(0.5 * x1 - 0.3 * x2 + 0.8 * x3 + 0.1);
        double h2 = Math.Tanh(-0.2 * x1 + 0.9 * x2 + 0.4 * x3 - 0.2);
        double h3 = Math.Tanh(0.7 * x1 + 0.1 * x2 - 0.6 * x3 + 0.3);
        double h4 = Math.Tanh(-0.4 * x1 - 0.5 * x2 + 0.2 * x3 + 0.05);
        double y = 1.2 * h1 - 0.7 * h2 + 0.5 * h3 + 0.9 * h4 - 0.1;
        double s = 1 / (1 + Math.Exp(-y));
        double value = -Math.Log(s) + 0.01 * (x1 * x1 + x2 * x2 + x3 * x3);
        double dy = s - 1; // d(-log sigmoid(y))/dy
        double g1 = dy * 1.2 * (1 - h1 * h1), g2 = dy * -0.7 * (1 - h2 * h2), g3 = dy * 0.5 * (1 - h3 * h3), g4 = dy * 0.9 * (1 - h4 * h4);
        d1 = 0.5 * g1 - 0.2 * g2 + 0.7 * g3 - 0.4 * g4 + 0.02 * x1;
        d2 = -0.3 * g1 + 0.9 * g2 + 0.1 * g3 - 0.5 * g4 + 0.02 * x2;
        d3 = 0.8 * g1 + 0.4 * g2 - 0.6 * g3 + 0.2 * g4 + 0.02 * x3;
        return value;
    }

    public static double Recurrence(double x, double a, double b, out double dx, out double da, out double db)
    {
        Span<double> xs = stackalloc double[50];
        for (int i = 0; i < 50; i++)
        {
            xs[i] = x;
            x = x * a + Math.Sin(x) * b;
        }
        double adjoint = 1, ga = 0, gb = 0;
        for (int i = 49; i >= 0; i--)
        {
            double xi = xs[i];
            ga += adjoint * xi;
            gb += adjoint * Math.Sin(xi);
            adjoint *= a + b * Math.Cos(xi);
        }
        dx = adjoint;
        da = ga;
        db = gb;
        return x;
    }
}
