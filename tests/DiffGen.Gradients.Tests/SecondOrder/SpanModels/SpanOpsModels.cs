using System;

namespace DiffGen.Gradients.Tests.SecondOrder.SpanModels;

/// <summary>
/// Models built from the span primitives for H·v through their second-order rules: the sample MLP's loss (MatMul,
/// AddBias, Relu, CrossEntropy) at small odd sizes in double and float, the auto-encoder's error (Sub, Dot), a
/// softmax regression whose H·v has a closed form, and a chain of the other primitives with transposed operands.
/// </summary>
public static partial class SpanOpsModels
{
    /// <summary>Sizes of <see cref="MlpLoss"/>: inputs, the two hidden layers, classes.</summary>
    public const int Inputs = 5, Hidden1 = 7, Hidden2 = 6, Classes = 3;

    /// <summary>The sample MLP's loss (samples/FashionMnist/Model/Mlp.cs) with its weights as parameters, in double.</summary>
    [Differentiable]
    public static double MlpLoss(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
                                 ReadOnlySpan<double> w3, ReadOnlySpan<double> b3, [NoDerivative] ReadOnlySpan<double> x,
                                 [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        double[] z1 = new double[batch * Hidden1], h1 = new double[batch * Hidden1], a1 = new double[batch * Hidden1];
        SpanOps.MatMul<double>(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<double>(z1, b1, h1);
        SpanOps.Relu<double>(h1, a1);

        double[] z2 = new double[batch * Hidden2], h2 = new double[batch * Hidden2], a2 = new double[batch * Hidden2];
        SpanOps.MatMul<double>(a1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<double>(z2, b2, h2);
        SpanOps.Relu<double>(h2, 1.0, a2);

        double[] z3 = new double[batch * Classes], logits = new double[batch * Classes];
        SpanOps.MatMul<double>(a2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<double>(z3, b3, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, Classes);
    }

    /// <summary><see cref="MlpLoss"/> in float.</summary>
    [Differentiable]
    public static float MlpLossF(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                                 ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, [NoDerivative] ReadOnlySpan<float> x,
                                 [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        float[] z1 = new float[batch * Hidden1], h1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul<float>(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, h1);
        SpanOps.Relu<float>(h1, a1);

        float[] z2 = new float[batch * Hidden2], h2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(a1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, h2);
        SpanOps.Relu<float>(h2, 1f, a2);

        float[] z3 = new float[batch * Classes], logits = new float[batch * Classes];
        SpanOps.MatMul<float>(a2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, Classes);
    }

    /// <summary>Softmax regression, <c>CE(x W + b)</c>: its H·v has a closed form.</summary>
    [Differentiable]
    public static double SoftmaxRegression(ReadOnlySpan<double> w, ReadOnlySpan<double> b, [NoDerivative] ReadOnlySpan<double> x,
                                           [NoDerivative] ReadOnlySpan<int> labels, int batch, int inputs, int classes)
    {
        double[] z = new double[batch * classes], logits = new double[batch * classes];
        SpanOps.MatMul<double>(x, w, batch, inputs, classes, false, false, z);
        SpanOps.AddBias<double>(z, b, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, classes);
    }

    /// <summary>A linear auto-encoder's mean squared error, as the sample's ends it (Sub, then Dot of the error with itself).</summary>
    [Differentiable]
    public static double Reconstruction(ReadOnlySpan<double> encoder, ReadOnlySpan<double> decoder, [NoDerivative] ReadOnlySpan<double> x,
                                        int batch, int inputs, int code)
    {
        double[] c = new double[batch * code], y = new double[batch * inputs], error = new double[batch * inputs];
        SpanOps.MatMul<double>(x, encoder, batch, inputs, code, false, false, c);
        SpanOps.MatMul<double>(c, decoder, batch, code, inputs, false, false, y);
        SpanOps.Sub<double>(y, x, error);
        return SpanOps.Dot<double>(error, error) / (batch * inputs);
    }

    /// <summary>
    /// The other primitives with second-order rules, chained: a product of transposed operands (a stored 5 x 3,
    /// b stored 4 x 5), then Tanh, Exp, Mul, Sigmoid, Add, Log, Dot, Mean and Sum.
    /// </summary>
    [Differentiable]
    public static double Chain(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c)
    {
        double[] p = new double[12], t = new double[12], e = new double[12], q = new double[12], s = new double[12], u = new double[12], l = new double[12];
        SpanOps.MatMul<double>(a, b, 3, 5, 4, true, true, p);
        SpanOps.Tanh<double>(p, t);
        SpanOps.Exp<double>(t, e);
        SpanOps.Mul<double>(e, c, q);
        SpanOps.Sigmoid<double>(q, s);
        SpanOps.Add<double>(s, t, u);
        SpanOps.Log<double>(e, l);
        return SpanOps.Dot<double>(u, l) + SpanOps.Mean<double>(q) + 0.5 * SpanOps.Sum<double>(s);
    }

    /// <summary>Softmax and LogSoftmax of the same scores, weighted: their second-order rules read the forward pass's tangents.</summary>
    [Differentiable]
    public static double Probabilities(ReadOnlySpan<double> z, ReadOnlySpan<double> w)
    {
        double[] p = new double[z.Length], l = new double[z.Length];
        SpanOps.Softmax<double>(z, p);
        SpanOps.LogSoftmax<double>(z, l);
        return SpanOps.Dot<double>(p, w) + 0.1 * SpanOps.Dot<double>(l, l);
    }
}
