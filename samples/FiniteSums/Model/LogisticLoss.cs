using System;
using DiffGen;

namespace DiffGen.Samples.FiniteSums.Model;

/// <summary>The per-sample logistic loss, log(1 + exp(-y x . w)) with y = +-1, written as ordinary C#; the generator
/// writes <c>SampleLossGradient</c> and <c>MarginLossGradient</c> next to it.</summary>
public static partial class LogisticLoss
{
    /// <summary>The loss of one sample as a function of the weights (what the full gradient table differentiates).</summary>
    /// <param name="w">Weights.</param>
    /// <param name="x">The sample's features.</param>
    /// <param name="y">Its label, +1 or -1.</param>
    /// <returns>log(1 + exp(-y x . w)).</returns>
    [Differentiable]
    public static double SampleLoss(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] double y)
    {
        double z = 0.0;
        for (int j = 0; j < w.Length; j++) z += w[j] * x[j];
        return MarginLoss(z, y);
    }

    /// <summary>The same loss as a function of the margin z = x . w: a linear model's gradient is l'(z) x, so the
    /// finite-sum methods store one number per sample.</summary>
    /// <param name="z">The margin.</param>
    /// <param name="y">The label, +1 or -1.</param>
    /// <returns>log(1 + exp(-y z)), computed without overflow.</returns>
    [Differentiable]
    public static double MarginLoss(double z, [NoDerivative] double y)
    {
        double t = -y * z;
        return t > 0.0 ? t + Math.Log(1.0 + Math.Exp(-t)) : Math.Log(1.0 + Math.Exp(t));
    }
}
