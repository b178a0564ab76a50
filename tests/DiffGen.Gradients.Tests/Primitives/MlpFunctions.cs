using System;

namespace DiffGen.Gradients.Tests.Primitives;

/// <summary>Model code that calls the runtime's span primitives; the generator chains their rules.</summary>
public static partial class MlpFunctions
{
    /// <summary>Mean softmax cross-entropy of a two-layer ReLU network on a batch (row-major everything).</summary>
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

    /// <summary>A scalar rule inside a loop and a chain through a [Differentiable] callee with arrays.</summary>
    [Differentiable]
    public static double DotsAndNorm(ReadOnlySpan<double> u, ReadOnlySpan<double> v, int repeats)
    {
        double total = 0;
        for (int r = 0; r < repeats; r++) total += Math.Sin(SpanOps.Dot(u, v) * (r + 1));
        return total + SquaredNorm(u) * SpanOps.Sum(v);
    }

    /// <summary>Called with arrays from <see cref="DotsAndNorm"/>, through its generated pullback.</summary>
    [Differentiable]
    public static double SquaredNorm(ReadOnlySpan<double> u)
    {
        double s = 0;
        for (int i = 0; i < u.Length; i++) s += u[i] * u[i];
        return s;
    }
}
