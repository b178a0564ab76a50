using System;
using static System.Math;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Everyday C# idioms inside [Differentiable] bodies: reused loop variable names, same-named locals
/// in sibling scopes, names that a code generator might also want (result, tape, value, x_bar),
/// escaped identifiers, using static, named and default arguments, const fields, int-only Math calls,
/// a constant base with a variable exponent.
/// </summary>
public static partial class IdiomFunctions
{
    private const double Rate = 0.3;

    /// <summary>Two sequential loops that both declare <c>int i</c>.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 5)]
    [CheckGradientAt(-0.4, 3)]
    public static double SequentialLoopsReuseCounterName(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            s += Sin(x * i);
        }
        for (int i = 0; i < n; i++)
        {
            s *= 1 + 0.1 * x;
        }
        return s;
    }

    /// <summary>Locals with the same name (and different types) in sibling scopes.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double SameLocalNameInSiblingScopes(double x)
    {
        double s = 0;
        if (x > 0)
        {
            double t = x * x;
            s += t;
        }
        else
        {
            double t = -x;
            s += t * 3;
        }
        for (int k = 0; k < 3; k++)
        {
            double t = Cos(x + k);
            s += t;
        }
        {
            int t = 2;
            s *= t;
        }
        return s;
    }

    /// <summary>Locals and parameters named like generator temporaries.</summary>
    [Differentiable]
    [CheckGradientAt(0.5, 1.5)]
    [CheckGradientAt(-1.1, 0.4)]
    public static double NamesAGeneratorMightUse(double value, double result)
    {
        double tape = value * result;
        double segments = Exp(-tape * tape);
        double x_bar = segments + value;
        double _t0 = x_bar * result;
        double h = _t0 - tape;
        double value_bar = h * h;
        return value_bar + segments;
    }

    [Differentiable]
    [CheckGradientAt(0.9, 3, 0.5)]
    [CheckGradientAt(-0.6, 2, 1.5)]
    public static double ScaledPower(double x, int k, [NoDerivative] double w)
    {
        return w * Pow(x, k) + Sin(x);
    }

    /// <summary>Calls with named arguments given out of parameter order.</summary>
    [Differentiable]
    [CheckGradientAt(0.9, 1.3)]
    [CheckGradientAt(-0.6, 0.2)]
    public static double CallWithNamedArguments(double x, double y)
    {
        return ScaledPower(w: 0.5, k: 3, x: x * y) + ScaledPower(k: 2, x: y, w: 1.5);
    }

    [Differentiable]
    [CheckGradientAt(0.7, 2.0)]
    [CheckGradientAt(-0.7, 0.5)]
    public static double WithDefaultArgument(double x, double scale = 2.0)
    {
        return Tanh(x * scale) + scale * x;
    }

    /// <summary>Calls a method once with its default argument and once with an explicit one.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 1.2)]
    [CheckGradientAt(-0.9, 0.6)]
    public static double CallWithDefaultArgument(double x, double y)
    {
        return WithDefaultArgument(x) + WithDefaultArgument(x, y);
    }

    /// <summary>A const field of the containing type and Math.Tau.</summary>
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.6)]
    public static double ConstFieldAndTau(double x)
    {
        return Rate * x * x + Sin(Math.Tau * x * 0.1);
    }

    /// <summary>int-only Math calls and explicit int-to-double casts next to active code.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 5)]
    [CheckGradientAt(-0.4, -3)]
    public static double IntOnlyMathCalls(double x, int n)
    {
        int m = Math.Max(n, 1);
        int a = Math.Abs(n);
        int c = Math.Clamp(n, 0, 4);
        double s = (double)m * x + a * x * x;
        return s + c * Sin(x) + Math.Min(a, 2);
    }

    /// <summary>2^x, a constant base with a variable exponent, and Atan2 with one constant argument.</summary>
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.3)]
    public static double ConstantBaseVariableExponent(double x)
    {
        return Pow(2, x) + Atan2(1.0, x) + Atan2(x, 2.0);
    }

    /// <summary>Literal ints where doubles are expected: Log with base 2, Max and Clamp against int literals.</summary>
    [Differentiable]
    [CheckGradientAt(1.7)]
    [CheckGradientAt(0.3)]
    public static double IntLiteralArguments(double x)
    {
        return Log(x, 2) + Max(x, 0) * Min(x, 1) + Clamp(x, 0, 2) + 1 / x;
    }

    /// <summary>A for(;;) loop with break, unary plus and negation of a parameter.</summary>
    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.2)]
    public static double ForeverLoopAndUnaryOperators(double x)
    {
        double s = +x;
        int i = 0;
        for (;;)
        {
            s = s * 0.5 + Cos(s);
            i++;
            if (i == 7)
            {
                break;
            }
        }
        x = -x;
        return s * x;
    }

    /// <summary>A loop condition that calls a [Differentiable] method.</summary>
    [Differentiable]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(0.75)]
    public static double CallInLoopCondition(double x)
    {
        double s = x;
        int i = 0;
        while (CallFunctions.Square(s) < 4 && i < 100)
        {
            s = s * 1.3 + 0.05;
            i++;
        }
        return s * Sqrt(s);
    }

    /// <summary>A local declared without an initializer inside a loop, assigned on every path.</summary>
    [Differentiable]
    [CheckGradientAt(0.5, 6)]
    [CheckGradientAt(-0.8, 5)]
    public static double UninitializedLocalInLoop(double x, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double step;
            if (i % 2 == 0)
            {
                step = x * i;
            }
            else
            {
                step = Sin(x) / i;
            }
            s += step * step;
        }
        return s;
    }
}
