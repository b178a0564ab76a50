using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Local functions as C# developers write them: static and capturing, expression- and block-bodied,
/// void ones accumulating into a captured variable, with loops and branches, calling each other,
/// declared after their use.
/// </summary>
public static partial class LocalFunctionFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7, -1.3)]
    [CheckGradientAt(-0.4, 2.1)]
    public static double StaticSquare(double x, double y)
    {
        static double Square(double v) => v * v;
        return Square(x) + Square(y * x) + Math.Sin(Square(y));
    }

    [Differentiable]
    [CheckGradientAt(0.3, 0.8, 1.5)]
    [CheckGradientAt(-1.1, 0.2, 0.6)]
    public static double Capturing(double a, double b, double x)
    {
        double Scaled(double v) => a * v + Math.Sin(b);
        return Scaled(x) * Scaled(2 * x) - Scaled(b);
    }

    [Differentiable]
    [CheckGradientAt(0.9, 0.4)]
    [CheckGradientAt(-1.3, 0.7)]
    public static double VoidAccumulator(double x, double y)
    {
        double total = 0;
        void Add(double v)
        {
            total += v * v;
            if (v > 0) total += Math.Exp(-v);
        }
        for (int i = 0; i < 4; i++) Add(x * i + y);
        Add(x * y);
        return total;
    }

    [Differentiable]
    [CheckGradientAt(0.6, -0.9)]
    [CheckGradientAt(1.4, 0.3)]
    public static double HornerInside(double x, double y)
    {
        double Poly(double t)
        {
            double r = 0;
            for (int k = 0; k < 4; k++) r = r * t + (k + 1);
            return r;
        }
        return Poly(x) - Poly(y) / 2 + Poly(x * y);
    }

    [Differentiable]
    [CheckGradientAt(0.5, 1.2)]
    [CheckGradientAt(-0.7, 0.4)]
    public static double DeclaredAfterUse(double x, double y)
    {
        double s = Cube(x) + Mix(x, y);
        return s * Cube(y);

        static double Cube(double v) => v * v * v;
        double Mix(double u, double v) => Cube(u - v) + Math.Tanh(u * v) * x;
    }

    [Differentiable]
    [CheckGradientAt(0.8, -0.6, 3)]
    [CheckGradientAt(-1.2, 0.9, 5)]
    public static double InLoopWithBranch(double x, double y, int n)
    {
        double Step(double v, int k) => k % 2 == 0 ? Math.Cos(v) * y : v * 0.5 + Math.Max(v, y);
        double v = x;
        for (int k = 0; k < n; k++) v = Step(v, k);
        return v;
    }
}
