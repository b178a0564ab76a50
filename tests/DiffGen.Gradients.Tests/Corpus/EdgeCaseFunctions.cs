using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Control-flow and data-flow corners: while(true) with break, continue in do-while, returns from
/// nested loops, strided loops, swaps, self-referential updates, const and var locals, negative bases
/// with constant exponents, loops calling loops, long loops that outgrow the stack-allocated tape.
/// </summary>
public static partial class EdgeCaseFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(2.3)]
    public static double WhileTrueWithBreak(double x)
    {
        double s = x;
        int i = 0;
        while (true)
        {
            s = s * 0.8 + Math.Sin(s) * 0.1;
            i++;
            if (i >= 12) break;
        }
        return s;
    }

    /// <summary>The sum of cos(i x) / i over odd i up to n; continue in a do-while jumps to the condition.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 9)]
    [CheckGradientAt(-1.1, 4)]
    public static double DoWhileWithContinue(double x, int n)
    {
        double s = 0;
        int i = 0;
        do
        {
            i++;
            if (i % 2 == 0)
            {
                continue;
            }
            s += Math.Cos(x * i) / i;
        }
        while (i < n);
        return s;
    }

    /// <summary>Returns from the inner of two loops at a fixed (integer-decided) iteration.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, -0.3)]
    [CheckGradientAt(-1.2, 0.8)]
    public static double ReturnFromNestedLoops(double x, double y)
    {
        double s = 0;
        for (int i = 0; i < 10; i++)
        {
            for (int j = 0; j < 10; j++)
            {
                s += x * i * 0.01 + y * j * 0.02;
                if (i * 10 + j == 37)
                {
                    return s * s;
                }
            }
        }
        return s;
    }

    [Differentiable]
    [CheckGradientAt(0.3, 5)]
    [CheckGradientAt(-0.8, 8)]
    public static double BreakInnerLoop(double x, int n)
    {
        double s = 1;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 100; j++)
            {
                if (j > i)
                {
                    break;
                }
                s += Math.Sin(x + j) * 0.1;
            }
            s *= 0.9;
        }
        return s;
    }

    /// <summary>A for loop whose condition combines an int bound and an active value.</summary>
    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(3.1)]
    public static double LoopWithCompoundCondition(double x)
    {
        double s = x;
        for (int i = 0; i < 50 && s < 5; i++)
        {
            s = s * 1.2 + 0.1;
        }
        return s * Math.Exp(-0.1 * s);
    }

    /// <summary>The sum of x^i / i over odd i below n: stride 2, Pow with an integer exponent and negative bases.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, 9)]
    [CheckGradientAt(-0.7, 8)]
    public static double StrideLoopWithPow(double x, int n)
    {
        double s = 0;
        for (int i = 1; i < n; i += 2)
        {
            s += Math.Pow(x, i) / i;
        }
        return s;
    }

    [Differentiable]
    [CheckGradientAt(0.6, -0.4, 5)]
    [CheckGradientAt(1.1, 0.3, 8)]
    public static double SwapInLoop(double a, double b, int n)
    {
        for (int i = 0; i < n; i++)
        {
            double t = a;
            a = b;
            b = t + 0.5 * b * Math.Cos(t);
        }
        return a * b;
    }

    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-0.7)]
    public static double SelfReferentialUpdates(double x)
    {
        double s = x;
        s = s * s + s;
        s += s * s;
        s *= s;
        s -= s / (1 + s);
        return s;
    }

    /// <summary>(2.5 x)^2 - y^2 + 2.5 with a const local, var and two declarators in one statement.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 1.3)]
    [CheckGradientAt(-1.5, -0.2)]
    public static double ConstVarAndDeclarators(double x, double y)
    {
        const double k = 2.5;
        var p = x * k;
        double a = p + y, b = p - y;
        return a * b + k;
    }

    /// <summary>(x - 2)^3 + (x - 2)^2 by Pow with constant exponents: the base is negative near the check points.</summary>
    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(-1.0)]
    public static double PowOfNegativeBase(double x)
    {
        return Math.Pow(x - 2, 3.0) + Math.Pow(x - 2, 2.0);
    }

    /// <summary>x + relu(x - y) written with a branch: continuous, with a kink on x = y.</summary>
    [Differentiable]
    [CheckGradientAt(0.9, 0.2)]
    [CheckGradientAt(-0.4, 0.6)]
    public static double BranchMaxLike(double x, double y)
    {
        if (x > y)
        {
            return 2 * x - y;
        }
        return x;
    }

    /// <summary>x + relu(x - y), the same function as <see cref="BranchMaxLike"/> through the primitive.</summary>
    [Differentiable]
    [CheckGradientAt(0.9, 0.2)]
    [CheckGradientAt(-0.4, 0.6)]
    public static double ReluMaxLike(double x, double y)
    {
        return x + DiffMath.Relu(x - y);
    }

    /// <summary>A loop whose body calls a [Differentiable] method that loops itself.</summary>
    [Differentiable]
    [CheckGradientAt(0.8, 4)]
    [CheckGradientAt(-1.3, 6)]
    public static double CallLoopFromLoop(double x, int n)
    {
        double s = x;
        for (int i = 0; i < n; i++)
        {
            s = LoopFunctions.RepeatedSine(s, 2) + 0.1 * x;
        }
        return s;
    }

    /// <summary>Calls a method that returns from inside its loop, then branches on the result.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(2.2)]
    [CheckGradientAt(-1.9)]
    public static double CallEarlyExitCallee(double a)
    {
        double r = LoopFunctions.NewtonCbrtEarlyExit(a * a + 1);
        return r > 1.5 ? r * a : r - a;
    }

    /// <summary>Math.Max inside a loop, against a bound that moves with the iteration.</summary>
    [Differentiable]
    [CheckGradientAt(0.3, 0.55, 6)]
    [CheckGradientAt(0.8, -0.2, 6)]
    public static double MaxInLoop(double x, double y, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s = Math.Max(s * 0.5 + x, y) - 0.1 * i;
        }
        return s;
    }

    /// <summary>s += 0.001 sin(s), n times: long loops outgrow the stack-allocated tape.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 5000)]
    public static double LongLoop(double x, int n)
    {
        double s = x;
        for (int i = 0; i < n; i++)
        {
            s += 0.001 * Math.Sin(s);
        }
        return s;
    }

    /// <summary>Integer arithmetic on an int parameter steering active code.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, 7)]
    [CheckGradientAt(-0.5, 4)]
    public static double IntArithmeticMix(double x, int n)
    {
        int half = n / 2;
        int parity = n - half * 2;
        double s = x * half + parity;
        if (half > 2)
        {
            s = s * x;
        }
        return s + Math.Exp(x * parity);
    }

    /// <summary>A sign-like nested conditional with constant results times x^2, plus x.</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.4)]
    public static double SignLikeTernary(double x) => (x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0) * x * x + x;
}
