using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Single-precision functions. They carry no [CheckGradientAt]: float finite differences cannot meet
/// the double tolerance of GradientChecks.AssertAll, so FloatGradientTests checks them with their own
/// tolerance through the generated {M}GradientCheck methods.
/// </summary>
public static partial class FloatFunctions
{
    [Differentiable]
    public static float CubicF(float x)
    {
        return 3f * x * x * x - 2f * x + 1f;
    }

    [Differentiable]
    public static float SinTimesCosF(float x, float y)
    {
        return MathF.Sin(x) * MathF.Cos(y);
    }

    [Differentiable]
    public static float TangentAndArcsF(float x)
    {
        return MathF.Tan(x) + MathF.Asin(x) + 2f * MathF.Acos(x) + MathF.Atan(x);
    }

    [Differentiable]
    public static float ArcTangent2F(float y, float x)
    {
        return MathF.Atan2(y, x);
    }

    [Differentiable]
    public static float HyperbolicF(float x)
    {
        return MathF.Sinh(x) + MathF.Cosh(x) * 0.5f - MathF.Tanh(2f * x);
    }

    [Differentiable]
    public static float ExpLogF(float x)
    {
        return MathF.Exp(-x) * MathF.Log(x) + MathF.Log2(x) - MathF.Log10(x);
    }

    [Differentiable]
    public static float LogWithBaseF(float x, float b)
    {
        return MathF.Log(x, b);
    }

    [Differentiable]
    public static float SqrtCbrtF(float x)
    {
        return MathF.Sqrt(x) * MathF.Cbrt(x + 1f);
    }

    [Differentiable]
    public static float PowVariableF(float x, float y)
    {
        return MathF.Pow(x, y);
    }

    [Differentiable]
    public static float FusedMultiplyAddF(float a, float b, float c)
    {
        return MathF.FusedMultiplyAdd(a, b, c * c);
    }

    [Differentiable]
    public static float NonsmoothF(float x, float y)
    {
        return DiffMath.Relu(x - y) + MathF.Abs(x) + MathF.Max(x, y) - MathF.Min(x, 0.5f * y) + Math.Clamp(y, -1f, 1f);
    }

    [Differentiable]
    public static float StepFunctionsF(float x)
    {
        return MathF.Sign(x) * x + MathF.Floor(x) * x + MathF.Ceiling(x) + MathF.Round(x) * x + MathF.Truncate(x);
    }

    [Differentiable]
    public static float HornerF(float x, int degree)
    {
        float acc = 0f;
        for (int i = degree; i >= 0; i--)
        {
            acc = acc * x + 1f / (i + 1);
        }
        return acc;
    }

    [Differentiable]
    public static float BranchF(float x)
    {
        if (x > 1f)
        {
            return MathF.Log(x) + 1f;
        }
        float t = x * x;
        t *= 0.5f;
        return x < 0f ? t - x : t + 0.5f * x;
    }

    [Differentiable]
    public static float NewtonSqrtF(float a)
    {
        float x = a;
        int i = 0;
        while (i < 20)
        {
            x = 0.5f * (x + a / x);
            i++;
        }
        return x;
    }

    /// <summary>Explicit casts between float and double inside a float function.</summary>
    [Differentiable]
    public static float ExplicitCastsF(float x)
    {
        return (float)Math.Exp((double)x * 0.5) * x;
    }

    [Differentiable]
    public static float CallsFloatHelperF(float x, float y)
    {
        return SinTimesCosF(x * y, y) + CubicF(x);
    }

    /// <summary>A double local inside a float function, converted explicitly both ways.</summary>
    [Differentiable]
    public static float DoubleLocalInFloatF(float x)
    {
        double wide = (double)x;
        double squared = wide * wide;
        return (float)squared + x;
    }
}
