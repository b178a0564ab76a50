using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Activity corners: data parameters that become active, derivatives killed by a constant assignment
/// inside a loop, values active on one path only, constant early returns, aliasing of one variable
/// into several arguments, and loop counters read after their loop.
/// </summary>
public static partial class DataFlowFunctions
{
    /// <summary>A [NoDerivative] parameter overwritten with an active value: (c x)^2.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 1.5)]
    [CheckGradientAt(-1.2, 0.5)]
    public static double DataParameterBecomesActive(double x, [NoDerivative] double c)
    {
        c = c * x;
        return c * c;
    }

    /// <summary>An int parameter doubled before it sets the trip count: x^(2n).</summary>
    [Differentiable]
    [CheckGradientAt(1.1, 3)]
    [CheckGradientAt(-0.9, 2)]
    public static double IntParameterReassigned(double x, int n)
    {
        n = n * 2;
        double p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= x;
        }
        return p;
    }

    /// <summary>A local that is active on one path only.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.8)]
    public static double ActiveOnOnePath(double x)
    {
        double t = 1;
        if (x > 0)
        {
            t = x * x;
        }
        return t * 3 + x;
    }

    /// <summary>s *= x each step, reset to a constant at step 2: only the last n - 3 steps count, x^(n-3).</summary>
    [Differentiable]
    [CheckGradientAt(1.2, 6)]
    [CheckGradientAt(-0.7, 5)]
    public static double ConstantResetInLoop(double x, int n)
    {
        double s = 1;
        for (int i = 0; i < n; i++)
        {
            s *= x;
            if (i == 2)
            {
                s = 1.0;
            }
        }
        return s;
    }

    /// <summary>Returns a constant for n == 0 before any active computation.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, 0)]
    [CheckGradientAt(0.6, 3)]
    public static double ConstantEarlyReturn(double x, int n)
    {
        if (n == 0)
        {
            return 0.0;
        }
        return Math.Sin(x) * n;
    }

    /// <summary>Compound assignments whose right-hand sides call [Differentiable] methods.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, 1.4)]
    [CheckGradientAt(-1.3, 0.5)]
    public static double CompoundAssignmentsWithCalls(double x, double y)
    {
        double s = 2;
        s -= CallFunctions.Square(x);
        s *= CallFunctions.ChainEnd(y);
        s /= 1 + CallFunctions.Square(y);
        s += Outer<int>.Inner.Cube(x);
        return s;
    }

    /// <summary>Log with a constant argument and an active base; FMA with one variable in all three slots.</summary>
    [Differentiable]
    [CheckGradientAt(1.7)]
    [CheckGradientAt(3.5)]
    public static double ActiveBaseAndAliasedFma(double b)
    {
        return Math.Log(2.0, b) + Math.FusedMultiplyAdd(b, b, b);
    }

    /// <summary>One variable passed to both parameters of a callee, and x *= x on a parameter.</summary>
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.4)]
    public static double AliasedArguments(double x)
    {
        double s = SmoothFunctions.Bivariate(x, x);
        x *= x;
        return s + x;
    }

    /// <summary>A loop counter declared before its loop and read after it.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 5)]
    [CheckGradientAt(-0.6, 3)]
    public static double CounterReadAfterLoop(double x, int n)
    {
        int i;
        double s = 0;
        for (i = 0; i < n; i++)
        {
            s += x / (i + 1);
        }
        return s * i;
    }

    /// <summary>A callee with a loop, called twice with different active arguments.</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    public static double LoopCalleeCalledTwice(double x)
    {
        return LoopFunctions.Horner(x, 4) * LoopFunctions.Horner(2 * x, 3);
    }

    /// <summary>Differentiable, int and [NoDerivative] parameters interleaved: a b c e + f^2 a + n b.</summary>
    [Differentiable]
    [CheckGradientAt(0.5, 2, 1.5, -0.7, 0.25, 1.1)]
    public static double InterleavedParameters(double a, int n, [NoDerivative] double c, double b, [NoDerivative] double e, double f)
    {
        return a * b * c * e + f * f * a + n * b;
    }
}
