using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Loops over scalar state: Horner evaluation, running powers, fixed-point iterations, series with
/// a data-dependent break, while/do-while loops with continue, nested loops, early returns.
/// </summary>
public static partial class LoopFunctions
{
    /// <summary>The polynomial sum over i = 0..degree of x^i / (i + 1), by Horner's rule.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 5)]
    [CheckGradientAt(-1.2, 8)]
    public static double Horner(double x, int degree)
    {
        double acc = 0;
        for (int i = degree; i >= 0; i--)
        {
            acc = acc * x + 1.0 / (i + 1);
        }
        return acc;
    }

    /// <summary>The sum over i = 0..n of (i + 1) x^i, with a running power.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, 6)]
    [CheckGradientAt(-1.1, 4)]
    public static double PowerSeriesWithRunningPower(double x, int n)
    {
        double sum = 0;
        double power = 1;
        for (int i = 0; i <= n; i++)
        {
            sum += power * (i + 1);
            power *= x;
        }
        return sum;
    }

    /// <summary>Newton's iteration for sqrt(a) with a fixed iteration count.</summary>
    [Differentiable]
    [CheckGradientAt(2.0)]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(13.0)]
    public static double NewtonSqrt(double a)
    {
        double x = a;
        for (int i = 0; i < 30; i++)
        {
            x = 0.5 * (x + a / x);
        }
        return x;
    }

    /// <summary>The exponential series, stopped when a term becomes negligible.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-1.6)]
    public static double ExpSeries(double x)
    {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 200; k++)
        {
            term *= x / k;
            sum += term;
            if (Math.Abs(term) < 1e-18)
            {
                break;
            }
        }
        return sum;
    }

    /// <summary>The arctangent series x - x^3/3 + x^5/5 - ..., stopped when a term becomes negligible.</summary>
    [Differentiable]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(-0.55)]
    public static double ArcTangentSeries(double x)
    {
        double sum = 0;
        double power = x;
        double x2 = x * x;
        int k = 0;
        while (k < 500)
        {
            sum += power / (2 * k + 1);
            power *= -x2;
            k++;
            if (Math.Abs(power) < 1e-17) break;
        }
        return sum;
    }

    /// <summary>The sum of sin(i x) / i over i = 1..n with i not a multiple of 3 (a while loop with continue).</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 10)]
    [CheckGradientAt(-1.3, 7)]
    public static double WhileWithContinue(double x, int n)
    {
        int i = 0;
        double s = 0;
        while (i < n)
        {
            i++;
            if (i % 3 == 0)
            {
                continue;
            }
            s += Math.Sin(i * x) / i;
        }
        return s;
    }

    [Differentiable]
    [CheckGradientAt(0.3, 0.7, 4)]
    [CheckGradientAt(-0.5, 0.2, 3)]
    public static double NestedLoops(double x, double y, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s += Math.Sin(x * i + y * j) * 0.1;
            }
        }
        return s;
    }

    /// <summary>x^n by repeated multiplication: the trip count is an int parameter.</summary>
    [Differentiable]
    [CheckGradientAt(1.1, 7)]
    [CheckGradientAt(-0.8, 4)]
    [CheckGradientAt(2.0, 0)]
    public static double IntegerPower(double x, int n)
    {
        double p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= x;
        }
        return p;
    }

    /// <summary>sin applied n times: a loop that overwrites the parameter every iteration.</summary>
    [Differentiable]
    [CheckGradientAt(1.2, 10)]
    [CheckGradientAt(-0.7, 3)]
    public static double RepeatedSine(double x, int n)
    {
        for (int i = 0; i < n; i++)
        {
            x = Math.Sin(x);
        }
        return x;
    }

    /// <summary>Newton's iteration for cbrt(a) that returns from inside the loop once converged.</summary>
    [Differentiable]
    [CheckGradientAt(2.0)]
    [CheckGradientAt(7.5)]
    [CheckGradientAt(0.6)]
    public static double NewtonCbrtEarlyExit(double a)
    {
        double x = a;
        for (int i = 0; i < 100; i++)
        {
            double next = x - (x * x * x - a) / (3 * x * x);
            if (Math.Abs(next - x) < 1e-14 * x)
            {
                return next;
            }
            x = next;
        }
        return x;
    }

    /// <summary>Adds x / i until the sum passes 3, then returns its square; -s if it never does.</summary>
    [Differentiable]
    [CheckGradientAt(1.25)]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-0.5)]
    public static double ReturnFromLoopOnThreshold(double x)
    {
        double s = 0;
        for (int i = 1; i <= 50; i++)
        {
            s += x / i;
            if (s > 3)
            {
                return s * s;
            }
        }
        return -s;
    }

    [Differentiable]
    [CheckGradientAt(0.9)]
    [CheckGradientAt(-2.3)]
    public static double DoWhileFixedCount(double x)
    {
        double y = x;
        int k = 0;
        do
        {
            y = y * 0.5 + Math.Sin(y) * 0.25;
            k++;
        }
        while (k < 6);
        return y;
    }

    [Differentiable]
    [CheckGradientAt(0.6, 10)]
    [CheckGradientAt(-1.4, 5)]
    public static double ForWithBreakAndContinue(double x, int n)
    {
        double s = 1;
        for (int i = 0; i < n; i++)
        {
            if (i == 2)
            {
                continue;
            }
            if (i > 6)
            {
                break;
            }
            s = s * Math.Cos(x) + i * x;
        }
        return s;
    }

    /// <summary>The fixed point t = a cos(t), reached by 400 iterations of a contraction.</summary>
    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(0.65)]
    public static double FixedPointOfScaledCosine(double a)
    {
        double t = 0;
        for (int i = 0; i < 400; i++)
        {
            t = a * Math.Cos(t);
        }
        return t;
    }

    [Differentiable]
    [CheckGradientAt(0.4, 0.3, 6)]
    [CheckGradientAt(-0.3, 1.2, 9)]
    public static double CompoundAssignmentsInLoop(double x, double y, int n)
    {
        double s = 1;
        for (int i = 0; i < n; i++)
        {
            s *= 1 + x / (i + 1);
            s -= y * 0.01;
            s /= 1.01;
            s += 0.001 * s * y;
        }
        return s;
    }

    /// <summary>A while loop whose condition reads an active value (stops when the sum passes a bound).</summary>
    [Differentiable]
    [CheckGradientAt(0.37)]
    [CheckGradientAt(0.83)]
    public static double WhileOnActiveCondition(double x)
    {
        double s = 0;
        int i = 0;
        while (s < 2 && i < 100)
        {
            s += x * x + 0.01 * i;
            i++;
        }
        return s * Math.Exp(-x);
    }

    /// <summary>A loop-carried pair of values (a damped rotation).</summary>
    [Differentiable]
    [CheckGradientAt(0.3, 0.8, 12)]
    [CheckGradientAt(1.1, -0.4, 5)]
    public static double LoopCarriedPair(double x, double y, int n)
    {
        double c = Math.Cos(0.3);
        double s = Math.Sin(0.3);
        for (int i = 0; i < n; i++)
        {
            double nx = 0.95 * (c * x - s * y) + 0.01 * x * y;
            y = 0.95 * (s * x + c * y);
            x = nx;
        }
        return x * x + 2 * y;
    }
}
