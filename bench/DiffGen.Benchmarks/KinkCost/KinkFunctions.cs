using System;
using DiffGen;

namespace DiffGen.Benchmarks.KinkCost;

/// <summary>
/// Nonsmooth functions whose gradients apply kink rules in their inner loops, for the cost of the kink
/// counters' guard when counting is off (<see cref="KinkCounterCost"/>). Before/ holds the same functions with
/// the gradients the generator wrote before the counters existed.
/// </summary>
public static partial class KinkFunctions
{
    /// <summary>A ReLU network written with scalar loops: one relu per hidden unit, abs and max on the output.</summary>
    [Differentiable]
    public static double ReluNetwork(ReadOnlySpan<double> w1, ReadOnlySpan<double> w2, [NoDerivative] ReadOnlySpan<double> x, int inputs, int hidden)
    {
        double output = 0;
        for (int j = 0; j < hidden; j++)
        {
            double z = 0;
            for (int i = 0; i < inputs; i++) z += w1[j * inputs + i] * x[i];
            output += w2[j] * DiffMath.Relu(z);
        }
        return Math.Abs(output - 1) + Math.Max(output, 0.5 * output);
    }

    /// <summary>Straight-line code with a kink every few operations (abs, max, min, clamp, relu).</summary>
    [Differentiable]
    public static double KinkChain(double a, double b, double c, double d)
    {
        double t1 = b - Math.Abs(a), t2 = c - Math.Max(b, 0.5 * a), t3 = d - Math.Min(c, b * b);
        double t4 = Math.Clamp(a * d, -1, 1) + DiffMath.Relu(c - a);
        return 100 * t1 * t1 + Math.Abs(1 - a) + 100 * t2 * t2 + Math.Abs(1 - b) + 100 * t3 * t3 + t4 * t4;
    }

    /// <summary>Mean softmax cross-entropy of a two-layer ReLU network over span primitives (a training step's gradient).</summary>
    [Differentiable]
    public static double MlpLoss(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
                                 [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> labels,
                                 int batch, int inputs, int hidden, int classes)
    {
        double[] h = new double[batch * hidden];
        SpanOps.MatMul(x, w1, batch, inputs, hidden, false, false, h);
        double[] z = new double[batch * hidden];
        for (int i = 0; i < batch * hidden; i++) z[i] = h[i] + b1[i % hidden];
        double[] a = new double[batch * hidden];
        SpanOps.Relu(z, a);
        double[] scores = new double[batch * classes];
        SpanOps.MatMul(a, w2, batch, hidden, classes, false, false, scores);
        double[] logits = new double[batch * classes];
        for (int i = 0; i < batch * classes; i++) logits[i] = scores[i] + b2[i % classes];
        return SpanOps.CrossEntropy<double>(logits, labels, classes);
    }
}
