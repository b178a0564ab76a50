using System;

namespace DiffGen.Gradients.Tests.Corpus;

/// <summary>
/// Hand-built cases for the kink counters: each nonsmooth primitive on its own source line, so a test
/// knows how many exact kink hits each call site gets (KinkCounterTests names these lines).
/// </summary>
public static partial class KinkCountFunctions
{
    /// <summary>Relu in a loop (one hit per exact zero of x), then a tie of max, abs at 0 and clamp at a bound when a = b.</summary>
    [Differentiable]
    public static double Scalars(ReadOnlySpan<double> x, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += DiffMath.Relu(x[i]) * a;
        }
        sum += Math.Max(a, b);
        sum += Math.Abs(a - b);
        sum += Math.Clamp(a, b, b + 1);
        return sum;
    }

    /// <summary>The new library functions: CopySign at x = 0, MaxMagnitude and MinMagnitude at |a| = |b|, RootN at 0.</summary>
    [Differentiable]
    public static double LibraryKinks(double a, double b)
    {
        double sum = Math.CopySign(a - b, b);
        sum += Math.MaxMagnitude(a, b);
        sum += Math.MinMagnitude(a, -b);
        sum += double.RootN(a - b, 3);
        return sum;
    }

    /// <summary>The span rectifier: one hit per exact zero of x, attributed to the line of the call.</summary>
    [Differentiable]
    public static double SpanRelu(ReadOnlySpan<double> x)
    {
        double[] y = new double[x.Length];
        SpanOps.Relu<double>(x, y);
        return SpanOps.Sum<double>(y);
    }

    /// <summary>A hinge, a small helper that <see cref="HingeSum"/> calls in a loop (lowered in place or called).</summary>
    [Differentiable]
    public static double Hinge(double z) => DiffMath.Relu(1 - z);

    /// <summary>The helper's hits are named by the helper and its line, however the caller reaches it.</summary>
    [Differentiable]
    public static double HingeSum(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += Hinge(x[i]) * x[i];
        return sum;
    }
}
