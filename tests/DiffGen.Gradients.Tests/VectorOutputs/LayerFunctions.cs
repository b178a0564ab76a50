using System;
namespace DiffGen.Gradients.Tests.VectorOutputs;
/// <summary>A [Differentiable] method writing Span outputs, and a caller chaining through its generated pullback.</summary>
public static partial class Layers
{
    [Differentiable]
    public static void Layer(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias, Span<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double s = bias;
            for (int j = 0; j < x.Length; j++) s += w[i * x.Length + j] * x[j];
            y[i] = Math.Tanh(s);
            if (y[i] > 0.9) return;
        }
    }

    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, ReadOnlySpan<double> x, double bias)
    {
        double[] h = new double[2];
        Layer(w, x, bias, h);
        double[] g = new double[2];
        Layer(w, h, 0.1, g);
        return g[0] * g[0] + 3 * g[1] + h[1];
    }
}
