using System;
using System.Numerics;

namespace DiffGen.Gradients.Tests.TupleResults;

/// <summary>Methods taking tuples of numbers as parameters: their floating elements carry derivatives; shadows and directions are tuples of the same type.</summary>
public static partial class TupleParameterFunctions
{
    [Differentiable]
    public static double Norm((double X, double Y) p, double s) => s * Math.Sqrt(p.X * p.X + p.Item2 * p.Y);

    /// <summary>An int element is data; a float tuple's elements widen explicitly.</summary>
    [Differentiable]
    public static double Weighted((double Value, int Count) p, (float A, float B) q) => p.Value * p.Count + (double)q.A * (double)q.B;

    [Differentiable]
    public static double Segment((double, double) from, (double, double) to, double[] t)
    {
        double length = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double x = from.Item1 + t[i] * (to.Item1 - from.Item1), y = from.Item2 + t[i] * (to.Item2 - from.Item2);
            length += Math.Exp(-(x * x + y * y));
        }
        return length;
    }

    [Differentiable]
    public static T Wave<T>((T Amplitude, T Phase) p, T x) where T : IFloatingPointIeee754<T> => p.Amplitude * T.Sin(x + p.Phase);

    [Differentiable]
    public static double Fixed([NoDerivative] (double X, double Y) origin, double x) => (x - origin.X) * (x - origin.Y);
}
