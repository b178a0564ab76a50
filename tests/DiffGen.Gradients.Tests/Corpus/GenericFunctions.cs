using System;
using System.Numerics;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>Generic math: one method for every floating type, differentiated for double and float.</summary>
public static partial class GenericFunctions
{
    [Differentiable]
    public static T SoftPlus<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(T.One + T.Exp(x));

    [Differentiable]
    [CheckGradientAt(0.3, -0.2, 1.5)]
    [CheckGradientAt(-1.1, 0.4, 0.8)]
    public static T Gaussian<T>(T x, T mu, T sigma) where T : IFloatingPointIeee754<T>
    {
        T z = (x - mu) / sigma;
        return T.Exp(-z * z / T.CreateChecked(2)) / (sigma * T.Sqrt(T.CreateChecked(2) * T.Pi));
    }

    [Differentiable]
    public static T SumOfSquares<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < values.Length; i++) sum += values[i] * values[i];
        return sum;
    }

    [Differentiable]
    public static T Series<T>(T x, int terms) where T : IBinaryFloatingPointIeee754<T>
    {
        T power = T.One, sum = T.Zero;
        for (int k = 0; k < terms; k++)
        {
            sum += power / T.CreateChecked(k + 1);
            power *= x;
        }
        return sum;
    }

    [Differentiable]
    public static T Mixed<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        T product = SoftPlus(x * y);
        if (x > y) return product + T.Max(x, y) * T.Tanh(y);
        return product - T.Abs(x) + T.Hypot(x, y);
    }
}
