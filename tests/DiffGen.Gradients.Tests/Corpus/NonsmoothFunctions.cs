using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Nonsmooth primitives (relu, abs, max, min, clamp, sign and the rounding functions) and the
/// functions that pin their derivative at a kink (Bolte and Pauwels' examples).
/// </summary>
public static partial class NonsmoothFunctions
{
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double Relu(double x)
    {
        return DiffMath.Relu(x);
    }

    /// <summary>relu(-x) + x, equal to relu(x); backprop gives 1 at 0.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double ReluOfNegationPlusX(double x)
    {
        return DiffMath.Relu(-x) + x;
    }

    /// <summary>(relu(x) + relu(-x) + x) / 2, equal to relu(x); backprop gives 1/2 at 0.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double ReluAverage(double x)
    {
        return (DiffMath.Relu(x) + DiffMath.Relu(-x) + x) / 2;
    }

    /// <summary>(relu(-x) + x) - relu(x), identically 0; backprop gives 1 at 0.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double ReluDifference(double x)
    {
        return (DiffMath.Relu(-x) + x) - DiffMath.Relu(x);
    }

    /// <summary>x - ((relu(-x) + x) - relu(x)), identically x; backprop gives 0 at 0.</summary>
    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-0.6)]
    public static double ReluIdentityTrap(double x)
    {
        return x - ((DiffMath.Relu(-x) + x) - DiffMath.Relu(x));
    }

    [Differentiable]
    [CheckGradientAt(1.3)]
    [CheckGradientAt(-0.4)]
    public static double AbsoluteValue(double x)
    {
        return Math.Abs(x);
    }

    [Differentiable]
    [CheckGradientAt(0.5, -0.2)]
    [CheckGradientAt(-1.0, 0.7)]
    public static double MaxOf(double x, double y)
    {
        return Math.Max(x, y);
    }

    [Differentiable]
    [CheckGradientAt(0.5, -0.2)]
    [CheckGradientAt(-1.0, 0.7)]
    public static double MinOf(double x, double y)
    {
        return Math.Min(x, y);
    }

    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(-1.5)]
    public static double MaxOfSelfAndNegation(double x)
    {
        return Math.Max(x, -x);
    }

    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(-1.5)]
    public static double MinOfSelfAndNegation(double x)
    {
        return Math.Min(x, -x);
    }

    [Differentiable]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(1.7)]
    [CheckGradientAt(-0.4)]
    public static double ClampUnit(double x)
    {
        return Math.Clamp(x, 0.0, 1.0);
    }

    [Differentiable]
    [CheckGradientAt(0.3, -1.0, 1.0)]
    [CheckGradientAt(1.7, -1.0, 1.2)]
    [CheckGradientAt(-2.4, -1.0, 1.2)]
    public static double ClampBetween(double x, double lo, double hi)
    {
        return Math.Clamp(x, lo, hi);
    }

    /// <summary>The nonsmooth Rosenbrock-like J(t1, t2) = 100 (t2 - |t1|)^2 + |1 - t1|.</summary>
    [Differentiable]
    [CheckGradientAt(-1.0, 1.5)]
    [CheckGradientAt(0.5, 2.0)]
    [CheckGradientAt(2.0, 1.0)]
    public static double NonsmoothRosenbrock(double t1, double t2)
    {
        double u = t2 - Math.Abs(t1);
        return 100 * u * u + Math.Abs(1 - t1);
    }

    /// <summary>Sign, Floor, Ceiling, Round and Truncate (derivative 0) mixed with smooth terms.</summary>
    [Differentiable]
    [CheckGradientAt(1.3)]
    [CheckGradientAt(-2.2)]
    public static double StepFunctionsMix(double x)
    {
        return Math.Sign(x) * x * x + Math.Floor(x) * x + Math.Ceiling(x) - 0.5 * Math.Round(x) + Math.Truncate(x) * x;
    }

    /// <summary>A two-unit relu network.</summary>
    [Differentiable]
    [CheckGradientAt(1.0, 0.5)]
    [CheckGradientAt(0.2, 1.4)]
    public static double TinyReluNetwork(double x, double y)
    {
        double h1 = DiffMath.Relu(0.5 * x - 0.3 * y + 0.1);
        double h2 = DiffMath.Relu(-0.4 * x + 0.8 * y - 0.2);
        return 1.5 * h1 - 0.7 * h2 + Math.Tanh(h1 * h2);
    }

    [Differentiable]
    [CheckGradientAt(0.3, 0.1, 1.5, 1.0)]
    [CheckGradientAt(2.0, 0.5, 1.5, 1.0)]
    public static double HingeLoss(double w, double b, [NoDerivative] double x, [NoDerivative] double y)
    {
        return Math.Max(0.0, 1 - y * (w * x + b)) + 0.01 * w * w;
    }

    [Differentiable]
    [CheckGradientAt(0.5, 1.0, -0.3)]
    [CheckGradientAt(0.2, -0.6, 1.1)]
    public static double MaxMinAbsMix(double x, double y, double z)
    {
        return Math.Max(Math.Min(x, y), z) + Math.Abs(x - z);
    }

    [Differentiable]
    [CheckGradientAt(0.9)]
    [CheckGradientAt(-1.2)]
    public static double LeakyRelu(double x)
    {
        return DiffMath.Relu(x) - 0.01 * DiffMath.Relu(-x);
    }

    /// <summary>The soft-thresholding operator sign(x) max(|x| - lambda, 0).</summary>
    [Differentiable]
    [CheckGradientAt(1.4, 0.5)]
    [CheckGradientAt(-0.9, 0.5)]
    [CheckGradientAt(0.2, 0.5)]
    public static double SoftThreshold(double x, [NoDerivative] double lambda)
    {
        return Math.Sign(x) * Math.Max(Math.Abs(x) - lambda, 0.0);
    }

    /// <summary>||x| - 1| + relu(relu(x) - 0.5) + max(relu(x), relu(-x)): kinks at 0, 0.5 and +-1.</summary>
    [Differentiable]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(0.75)]
    [CheckGradientAt(-1.6)]
    public static double NestedKinks(double x)
    {
        return Math.Abs(Math.Abs(x) - 1) + DiffMath.Relu(DiffMath.Relu(x) - 0.5) + Math.Max(DiffMath.Relu(x), DiffMath.Relu(-x));
    }
}
