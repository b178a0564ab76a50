using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Branches on active values: if/else chains, early returns, nested conditionals.</summary>
public static partial class BranchFunctions
{
    /// <summary>2x^2 below -1, sin(x) on [-1, 1), exp(x - 1) from 1 on.</summary>
    [Differentiable]
    [CheckGradientAt(-1.8)]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(2.1)]
    public static double Piecewise(double x)
    {
        if (x < -1)
        {
            return 2 * x * x;
        }
        if (x < 1)
        {
            return Math.Sin(x);
        }
        return Math.Exp(x - 1);
    }

    [Differentiable]
    [CheckGradientAt(0.4, 1.0)]
    [CheckGradientAt(-2.5, 1.0)]
    [CheckGradientAt(3.0, 1.5)]
    public static double Huber(double r, [NoDerivative] double delta)
    {
        if (Math.Abs(r) <= delta)
        {
            return 0.5 * r * r;
        }
        else
        {
            return delta * (Math.Abs(r) - 0.5 * delta);
        }
    }

    /// <summary>x^2 below 1 and 2x - 1 above: continuously differentiable at the joint.</summary>
    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(2.5)]
    public static double SmoothJointSpline(double x)
    {
        double result;
        if (x < 1)
        {
            result = x * x;
        }
        else
        {
            result = 2 * x - 1;
        }
        return result;
    }

    /// <summary>The smoothstep 3x^2 - 2x^3 on [0, 1], constant outside.</summary>
    [Differentiable]
    [CheckGradientAt(0.35)]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(1.6)]
    public static double SmoothStep(double x)
    {
        if (x <= 0) return 0.0;
        if (x >= 1) return 1.0;
        return x * x * (3 - 2 * x);
    }

    [Differentiable]
    [CheckGradientAt(0.5, 0.8)]
    [CheckGradientAt(0.5, -0.8)]
    [CheckGradientAt(-0.5, 0.8)]
    [CheckGradientAt(-0.5, -0.8)]
    public static double NestedConditional(double x, double y)
    {
        return x > 0 ? (y > 0 ? x * y : x - y) : (y > x ? y * y : Math.Sin(x));
    }

    [Differentiable]
    [CheckGradientAt(0.2)]
    [CheckGradientAt(1.2)]
    [CheckGradientAt(-1.0)]
    public static double BranchOnComputedValue(double x)
    {
        double t = Math.Sin(x);
        if (t > 0.5)
        {
            t = t * t;
        }
        else if (t < -0.5)
        {
            t = -t;
        }
        else
        {
            t *= 3;
        }
        return t + x;
    }

    [Differentiable]
    [CheckGradientAt(2.0, 1.5)]
    [CheckGradientAt(-2.0, 0.5)]
    [CheckGradientAt(0.3, 0.4)]
    public static double EarlyReturns(double x, double y)
    {
        if (x * y > 1)
        {
            return Math.Log(x * y);
        }
        double s = x + y;
        if (s < 0)
        {
            return s * s;
        }
        return Math.Exp(s) - 1;
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.3)]
    public static double AbsByBranch(double x)
    {
        return x >= 0 ? x : -x;
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(3.1)]
    [CheckGradientAt(-0.7)]
    public static double IfWithoutElse(double x)
    {
        double r = x;
        if (r > 2)
        {
            r = Math.Sqrt(r);
        }
        if (x < 0)
        {
            r *= r;
            r += 1;
        }
        return r * Math.Cos(x);
    }

    [Differentiable]
    [CheckGradientAt(0.7, 0)]
    [CheckGradientAt(0.7, 1)]
    [CheckGradientAt(0.7, 2)]
    public static double BranchOnIntMode(double x, int mode)
    {
        if (mode == 0)
        {
            return Math.Sin(x);
        }
        else if (mode == 1)
        {
            return x * x;
        }
        return Math.Exp(-x);
    }

    /// <summary>x^2 for positive x, -x otherwise: a kink at 0 whose one-sided derivatives are 0 and -1.</summary>
    [Differentiable]
    [CheckGradientAt(0.9)]
    [CheckGradientAt(-0.9)]
    public static double KinkBranch(double x)
    {
        if (x > 0)
        {
            return x * x;
        }
        return -x;
    }

    [Differentiable]
    [CheckGradientAt(1.0, 0.3)]
    [CheckGradientAt(-0.5, 0.9)]
    public static double CompareTwoParameters(double x, double y)
    {
        if (x > y)
        {
            return x * x - y;
        }
        else
        {
            return y * y + x;
        }
    }

    /// <summary>ln(x) above 1 and x - 1 below: continuously differentiable at 1.</summary>
    [Differentiable]
    [CheckGradientAt(2.5)]
    [CheckGradientAt(0.2)]
    public static double ConditionalInsideExpression(double x)
    {
        return 2 * (x > 1 ? Math.Log(x) : x - 1) + x;
    }

    [Differentiable]
    [CheckGradientAt(0.4, 1.2)]
    [CheckGradientAt(2.5, 1.5)]
    public static double ReassignInBranches(double x, double y)
    {
        double a = x * y;
        double b = x + y;
        if (a > b - 0.5)
        {
            a = a * b;
            b = Math.Sin(a);
        }
        else
        {
            b = b * b;
            a = Math.Cos(b) + a;
        }
        return a + b * x;
    }

    /// <summary>x^2 except at the single point x == 1, where it is 5: equality on an active value.</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.7)]
    public static double EqualityBranch(double x)
    {
        if (x == 1.0)
        {
            return 5.0;
        }
        return x * x;
    }

    /// <summary>The same with != and the branches swapped, plus &lt;= and &lt; on a computed value.</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.7)]
    public static double InequalityBranches(double x)
    {
        double r;
        if (x != 1.0)
        {
            r = x * x;
        }
        else
        {
            r = 5.0;
        }
        double u = x - 2;
        if (u <= 0)
        {
            r += u * u;
        }
        if (u < 0)
        {
            r -= 0.5 * u * u;
        }
        return r;
    }
}
