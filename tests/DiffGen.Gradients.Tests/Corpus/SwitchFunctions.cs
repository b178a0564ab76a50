using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>switch statements, switch expressions and patterns as C# developers write them.</summary>
public static partial class SwitchFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7, 0)]
    [CheckGradientAt(0.7, 1)]
    [CheckGradientAt(-0.4, 2)]
    [CheckGradientAt(1.3, 5)]
    public static double ByMode(double x, int mode)
    {
        double y;
        switch (mode)
        {
            case 0:
                y = x * x;
                break;
            case 1:
            case 2:
                y = Math.Sin(x) * mode;
                break;
            case > 2 and < 10 when x > 0:
                y = Math.Exp(x) / mode;
                break;
            default:
                return -x;
        }
        return y + 1;
    }

    /// <summary>goto case and goto default at the end of sections: mode 0 runs sections 0, 1 and default; mode 1 runs 1 and default.</summary>
    [Differentiable]
    [CheckGradientAt(0.7, 0)]
    [CheckGradientAt(0.7, 1)]
    [CheckGradientAt(-0.4, 2)]
    [CheckGradientAt(1.3, 3)]
    public static double GotoCase(double x, int mode)
    {
        double y = x;
        switch (mode)
        {
            case 0:
                y = y * y;
                goto case 1;
            case 1:
                y = Math.Sin(y) + x;
                goto default;
            case 2:
                y *= 3;
                break;
            default:
                y = Math.Exp(y) * x;
                break;
        }
        return y;
    }

    [Differentiable]
    [CheckGradientAt(-2.5)]
    [CheckGradientAt(-0.5)]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(3.0)]
    public static double Piecewise(double x) => x switch
    {
        < -1 => -x - 0.5,
        >= -1 and < 1 => 0.5 * x * x,
        _ => x - 0.5,
    };

    [Differentiable]
    [CheckGradientAt(0.3, 0.8)]
    [CheckGradientAt(2.2, -0.4)]
    [CheckGradientAt(-1.7, 0.9)]
    public static double Patterns(double x, double y)
    {
        double scale = x * y is > 0 and < 1 ? 2.0 : 0.5;
        if (x * x + y is not > 2) scale += x;
        var weight = (x + y) switch
        {
            var s when s > 1 => s * s,
            _ => Math.Cos(y),
        };
        return scale * weight;
    }

    [Differentiable]
    [CheckGradientAt(0.6, 4)]
    [CheckGradientAt(-0.9, 6)]
    public static double InLoop(double x, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            switch (i % 3)
            {
                case 0: sum += x * i; break;
                case 1: sum -= Math.Tanh(x + i); break;
                default:
                    if (sum > 0) continue;
                    sum *= 0.5;
                    break;
            }
        }
        return sum;
    }
    /// <summary>Switch expressions in an if condition and on the right of &amp;&amp; (lowered just before the test).</summary>
    [Differentiable]
    [CheckGradientAt(0.7, -0.3)]
    [CheckGradientAt(-1.1, 0.8)]
    [CheckGradientAt(0.2, 1.4)]
    public static double InConditions(double x, double y)
    {
        double s = x * y;
#pragma warning disable DG1004 // case splits on values used only here: intended
        if ((x switch { < 0 => -x, _ => x * 0.5 }) > 0.3) s += Math.Sin(x);
        if (y > 0 && (y switch { > 1 => y - 1, _ => y * y }) < 0.5) s -= y * x;
#pragma warning restore DG1004
        return s;
    }
}
