using System;

namespace DiffGen.Benchmarks.SecondOrder;

/// <summary>
/// The FashionMnist sample's MLP loss (samples/FashionMnist/Model/Mlp.cs and MlpDouble.cs: 784-256-128-10, the same
/// SpanOps calls) with its weights as parameters instead of fields, in float and double: the static form whose
/// generated <c>{M}HessianVector</c> runs through the span primitives' second-order rules.
/// </summary>
public static partial class MlpSpanOps
{
    public const int Inputs = 784, Hidden1 = 256, Hidden2 = 128, Classes = 10;

    /// <summary>Mean softmax cross-entropy on a batch, weights input-major as in the sample.</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, [NoDerivative] ReadOnlySpan<float> x,
                             [NoDerivative] ReadOnlySpan<int> labels, int batch, [NoDerivative] float reluAtZero)
    {
        float[] z1 = new float[batch * Hidden1], h1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, h1);
        SpanOps.Relu<float>(h1, reluAtZero, a1);

        float[] z2 = new float[batch * Hidden2], h2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(a1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, h2);
        SpanOps.Relu<float>(h2, reluAtZero, a2);

        float[] z3 = new float[batch * Classes], logits = new float[batch * Classes];
        SpanOps.MatMul<float>(a2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, Classes);
    }

    /// <summary><see cref="Loss"/> in double, as <c>MlpDouble.Loss</c>.</summary>
    [Differentiable]
    public static double LossDouble(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
                                    ReadOnlySpan<double> w3, ReadOnlySpan<double> b3, [NoDerivative] ReadOnlySpan<double> x,
                                    [NoDerivative] ReadOnlySpan<int> labels, int batch, [NoDerivative] double reluAtZero)
    {
        double[] z1 = new double[batch * Hidden1], h1 = new double[batch * Hidden1], a1 = new double[batch * Hidden1];
        SpanOps.MatMul(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<double>(z1, b1, h1);
        SpanOps.Relu<double>(h1, reluAtZero, a1);

        double[] z2 = new double[batch * Hidden2], h2 = new double[batch * Hidden2], a2 = new double[batch * Hidden2];
        SpanOps.MatMul<double>(a1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<double>(z2, b2, h2);
        SpanOps.Relu<double>(h2, reluAtZero, a2);

        double[] z3 = new double[batch * Classes], logits = new double[batch * Classes];
        SpanOps.MatMul<double>(a2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<double>(z3, b3, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, Classes);
    }
}
