using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Smooth straight-line functions: polynomials, rational functions, every supported Math function,
/// variable exponents, compound assignment, parameter reassignment and deep compositions.
/// </summary>
public static partial class SmoothFunctions
{
    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-1.3)]
    public static double Cubic(double x) => 3 * x * x * x - 2 * x * x + x - 5;

    [Differentiable]
    [CheckGradientAt(0.5, -1.5)]
    [CheckGradientAt(2.0, 0.75)]
    public static double Bivariate(double x, double y)
    {
        return x * x * y + 3 * x * y * y * y - y + 2;
    }

    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-1.7)]
    public static double Rational(double x)
    {
        return (x * x + 1) / (x - 3);
    }

    [Differentiable]
    [CheckGradientAt(0.3, -0.8)]
    [CheckGradientAt(1.5, 2.5)]
    public static double RationalBivariate(double x, double y)
    {
        double numerator = x * y + 1;
        double denominator = x * x + y * y + 1;
        return numerator / denominator;
    }

    [Differentiable]
    [CheckGradientAt(0.9, -0.4)]
    [CheckGradientAt(-2.1, 1.3)]
    public static double SinTimesCos(double x, double y)
    {
        return Math.Sin(x) * Math.Cos(y);
    }

    [Differentiable]
    [CheckGradientAt(0.6)]
    [CheckGradientAt(-1.1)]
    public static double TangentPlusX(double x)
    {
        return Math.Tan(x) + x;
    }

    [Differentiable]
    [CheckGradientAt(0.3)]
    [CheckGradientAt(-0.65)]
    public static double ArcSinePlusArcCosine(double x)
    {
        return Math.Asin(x) + 2 * Math.Acos(x);
    }

    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(-1.9)]
    public static double ArcTangentOfSquare(double x)
    {
        return Math.Atan(x * x);
    }

    [Differentiable]
    [CheckGradientAt(0.7, 1.2)]
    [CheckGradientAt(-1.4, 0.5)]
    public static double ArcTangent2(double y, double x)
    {
        return Math.Atan2(y, x);
    }

    [Differentiable]
    [CheckGradientAt(0.45)]
    [CheckGradientAt(-0.9)]
    public static double Hyperbolic(double x)
    {
        return Math.Sinh(x) + Math.Cosh(2 * x) - Math.Tanh(x);
    }

    [Differentiable]
    [CheckGradientAt(0.5)]
    [CheckGradientAt(2.2)]
    public static double ExpTimesLog(double x)
    {
        return Math.Exp(x) * Math.Log(x);
    }

    [Differentiable]
    [CheckGradientAt(2.5, 3.0)]
    [CheckGradientAt(0.7, 1.8)]
    public static double LogWithBase(double x, double b)
    {
        return Math.Log(x, b);
    }

    [Differentiable]
    [CheckGradientAt(1.7)]
    [CheckGradientAt(0.35)]
    public static double Log2PlusLog10(double x)
    {
        return Math.Log2(x) + 3 * Math.Log10(x);
    }

    [Differentiable]
    [CheckGradientAt(0.8)]
    [CheckGradientAt(3.3)]
    public static double SqrtPlusCbrt(double x)
    {
        return Math.Sqrt(x) + Math.Cbrt(x);
    }

    [Differentiable]
    [CheckGradientAt(1.5)]
    [CheckGradientAt(-2.0)]
    public static double CbrtOfNegativeShift(double x)
    {
        return Math.Cbrt(x - 4);
    }

    [Differentiable]
    [CheckGradientAt(1.3)]
    [CheckGradientAt(0.4)]
    public static double PowConstantExponent(double x)
    {
        return Math.Pow(x, 3.5);
    }

    [Differentiable]
    [CheckGradientAt(1.6, 2.3)]
    [CheckGradientAt(0.5, -1.2)]
    public static double PowVariableExponent(double x, double y)
    {
        return Math.Pow(x, y);
    }

    [Differentiable]
    [CheckGradientAt(0.9, 0.4)]
    [CheckGradientAt(-1.3, 2.0)]
    public static double PowOfExpression(double x, double y)
    {
        return Math.Pow(1 + x * x, Math.Sin(y));
    }

    [Differentiable]
    [CheckGradientAt(1.5, -0.5, 0.3)]
    [CheckGradientAt(-0.7, 2.0, -1.1)]
    public static double FusedMultiplyAddOfSine(double a, double b, double c)
    {
        return Math.FusedMultiplyAdd(a, b, Math.Sin(c));
    }

    [Differentiable]
    [CheckGradientAt(0.3, -0.2, 0.8)]
    [CheckGradientAt(1.4, 0.9, 1.5)]
    public static double Gaussian(double x, double mu, [NoDerivative] double sigma)
    {
        double z = (x - mu) / sigma;
        return Math.Exp(-0.5 * z * z);
    }

    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-2.5)]
    public static double Sigmoid(double x)
    {
        return 1 / (1 + Math.Exp(-x));
    }

    [Differentiable]
    [CheckGradientAt(0.4)]
    [CheckGradientAt(-3.0)]
    public static double Softplus(double x)
    {
        return Math.Log(1 + Math.Exp(x));
    }

    [Differentiable]
    [CheckGradientAt(0.2, 1.1)]
    [CheckGradientAt(-2.0, -0.5)]
    public static double LogSumExp(double x, double y)
    {
        return Math.Log(Math.Exp(x) + Math.Exp(y));
    }

    [Differentiable]
    [CheckGradientAt(-1.2, 1.0)]
    [CheckGradientAt(0.5, 0.3)]
    public static double Rosenbrock(double x, double y)
    {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    [Differentiable]
    [CheckGradientAt(0.7, 1.3)]
    [CheckGradientAt(-1.5, -0.4)]
    public static double CompoundAssignments(double x, double y)
    {
        double a = x;
        a += y;
        a *= x;
        a -= 2 * y;
        a /= 1 + y * y;
        return a;
    }

    [Differentiable]
    [CheckGradientAt(0.6, 0.2)]
    [CheckGradientAt(-1.1, 0.7)]
    public static double ParameterReassignment(double x, double y)
    {
        x = x * x + y;
        y = Math.Sin(x);
        x = x + y;
        return x * y;
    }

    [Differentiable]
    [CheckGradientAt(0.8, 1.5)]
    [CheckGradientAt(-0.3, -2.0)]
    public static double WithNoDerivativeParameter(double x, [NoDerivative] double c)
    {
        return c * x * x + Math.Sin(c * x);
    }

    [Differentiable]
    [CheckGradientAt(0.8, 3)]
    [CheckGradientAt(-0.3, -2)]
    public static double WithIntParameter(double x, int k)
    {
        return x * k + Math.Sin(k * x);
    }

    [Differentiable]
    [CheckGradientAt(1.25)]
    public static double CircleWithConstants(double r)
    {
        return Math.PI * r * r + Math.E * r;
    }

    [Differentiable]
    [CheckGradientAt(0.7)]
    [CheckGradientAt(-2.2)]
    public static double NegationsAndSubtractions(double x)
    {
        double a = -x;
        double b = -(a * -(x - 3));
        return b - (a - (-x * 0.5)) - -b;
    }

    /// <summary>A single nested expression of about 30 operations.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 0.9)]
    [CheckGradientAt(-0.8, 0.3)]
    public static double NestedComposition(double x, double y)
    {
        return Math.Sin(Math.Exp(Math.Cos(x * y) * 0.5 + Math.Tanh(x - y)) * 0.3 + Math.Log(1 + x * x)) * Math.Sqrt(1 + y * y)
             + Math.Atan(Math.Sinh(0.2 * x) * Math.Cosh(0.3 * y) - Math.Pow(1.5 + Math.Cos(x + y), 1.3));
    }

    /// <summary>About 100 operations of straight-line code.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 0.9)]
    [CheckGradientAt(-0.8, 0.3)]
    public static double DeepChain100(double x, double y)
    {
        double t = x;
        t = Math.Tanh(0.394 * t + 0.16 * Math.Sin(x * t + y)) + 0.295 * x;
        t = t + 0.243 * Math.Cos(t * y - x) * Math.Exp(-0.314 * t * t);
        t = Math.Atan(t * (1 + 0.235 * x)) + 0.303 * Math.Log(1 + t * t + y * y);
        t = 0.46 * Math.Sqrt(1 + t * t) - 0.128 * Math.Sinh(0.127 * t) / (1 + y * y);
        t = Math.Tanh(0.455 * t + 0.431 * Math.Sin(x * t + y)) + 0.137 * x;
        t = t + 0.334 * Math.Cos(t * y - x) * Math.Exp(-0.351 * t * t);
        t = Math.Atan(t * (1 + 0.546 * x)) + 0.259 * Math.Log(1 + t * t + y * y);
        t = 0.228 * Math.Sqrt(1 + t * t) - 0.443 * Math.Sinh(0.187 * t) / (1 + y * y);
        t = Math.Tanh(0.287 * t + 0.147 * Math.Sin(x * t + y)) + 0.193 * x;
        t = t + 0.69 * Math.Cos(t * y - x) * Math.Exp(-0.172 * t * t);
        return t;
    }

    /// <summary>About 210 operations of straight-line code.</summary>
    [Differentiable]
    [CheckGradientAt(0.4, 0.9)]
    [CheckGradientAt(-0.8, 0.3)]
    public static double DeepChain200(double x, double y)
    {
        double t = y;
        t = Math.Tanh(0.583 * t + 0.249 * Math.Sin(x * t + y)) + 0.264 * x;
        t = t + 0.238 * Math.Cos(t * y - x) * Math.Exp(-0.124 * t * t);
        t = Math.Atan(t * (1 + 0.608 * x)) + 0.271 * Math.Log(1 + t * t + y * y);
        t = 0.551 * Math.Sqrt(1 + t * t) - 0.281 * Math.Sinh(0.19 * t) / (1 + y * y);
        t = Math.Tanh(0.677 * t + 0.38 * Math.Sin(x * t + y)) + 0.173 * x;
        t = t + 0.545 * Math.Cos(t * y - x) * Math.Exp(-0.31 * t * t);
        t = Math.Atan(t * (1 + 0.638 * x)) + 0.215 * Math.Log(1 + t * t + y * y);
        t = 0.271 * Math.Sqrt(1 + t * t) - 0.267 * Math.Sinh(0.327 * t) / (1 + y * y);
        t = Math.Tanh(0.291 * t + 0.296 * Math.Sin(x * t + y)) + 0.112 * x;
        t = t + 0.601 * Math.Cos(t * y - x) * Math.Exp(-0.406 * t * t);
        t = Math.Atan(t * (1 + 0.725 * x)) + 0.225 * Math.Log(1 + t * t + y * y);
        t = 0.557 * Math.Sqrt(1 + t * t) - 0.332 * Math.Sinh(0.237 * t) / (1 + y * y);
        t = Math.Tanh(0.704 * t + 0.478 * Math.Sin(x * t + y)) + 0.242 * x;
        t = t + 0.598 * Math.Cos(t * y - x) * Math.Exp(-0.124 * t * t);
        t = Math.Atan(t * (1 + 0.588 * x)) + 0.497 * Math.Log(1 + t * t + y * y);
        t = 0.371 * Math.Sqrt(1 + t * t) - 0.254 * Math.Sinh(0.301 * t) / (1 + y * y);
        t = Math.Tanh(0.214 * t + 0.285 * Math.Sin(x * t + y)) + 0.15 * x;
        t = t + 0.27 * Math.Cos(t * y - x) * Math.Exp(-0.124 * t * t);
        t = Math.Atan(t * (1 + 0.278 * x)) + 0.199 * Math.Log(1 + t * t + y * y);
        t = 0.723 * Math.Sqrt(1 + t * t) - 0.132 * Math.Sinh(0.235 * t) / (1 + y * y);
        return t;
    }

    /// <summary>A value used several times and locals read after being overwritten.</summary>
    [Differentiable]
    [CheckGradientAt(0.6, -0.9, 1.4)]
    [CheckGradientAt(-1.2, 0.5, 0.25)]
    public static double SharedSubexpressions(double x, double y, double z)
    {
        double s = x * y + z;
        double e = Math.Exp(-s * s);
        double u = s * e + e * z;
        u = u * u + s;
        return u / (1 + e) + Math.Cos(s) * x;
    }
}
