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
    /// <summary>A local function called in the argument of another call of itself (through a second one), and in an if condition.</summary>
    [Differentiable]
    [CheckGradientAt(0.8, -0.6)]
    [CheckGradientAt(-1.2, 0.9)]
    public static double NestedSameFunction(double x, double y)
    {
        double Mix(double u, double w) => u * Math.Sin(w) + w;
        double Through(double u) => Mix(y, u) * 0.5 + u;
        double s = Mix(x, Through(0.625 * x)) + Mix(Mix(x, y), x);
        double m = Mix(x, y);
#pragma warning disable DG1004 // a case split on a value used only here: intended
        if (Mix(x, y) > 5) s += x * m;
#pragma warning restore DG1004
        return s;
    }
    /// <summary>Local functions on the right of &amp;&amp; and ||, one reading an array only where the left side allows it.</summary>
    [Differentiable]
    [CheckGradientAt(0.8, -0.6)]
    [CheckGradientAt(-1.2, 0.9)]
    [CheckGradientAt(0.3, 0.4)]
    public static double ShortCircuit(double x, double y)
    {
        double[] table = { x, y };
        double Scaled(double u) => u * Math.Cos(y);
        double At(int i) => table[i] * x;
        double s = x * y;
#pragma warning disable DG1004 // case splits on values used only here: intended
        if (x > 0 && Scaled(x) > 0.1) s += x * x;
        if (y < 0 || Scaled(y) < 0.2) s -= Math.Sin(y);
        for (int i = 0; i < 3; i++)
            if (i < table.Length && At(i) > -0.5) s += At(i); // At(2) would be out of range
#pragma warning restore DG1004
        return s;
    }
}
