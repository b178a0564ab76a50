using System;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The 784-256-128-10 classifier, written as ordinary C#: three affine layers with ReLU between them and a
/// softmax cross-entropy on top. <see cref="Loss"/> is marked <c>[Differentiable]</c>, so the generator
/// writes <c>LossGradient</c> (reverse mode through the span primitives' pullbacks) at build time.
/// </summary>
public static partial class Mlp
{
    /// <summary>Pixels per image (28 x 28).</summary>
    public const int Inputs = 784;

    /// <summary>Width of the first hidden layer.</summary>
    public const int Hidden1 = 256;

    /// <summary>Width of the second hidden layer.</summary>
    public const int Hidden2 = 128;

    /// <summary>Clothing classes.</summary>
    public const int Classes = 10;

    /// <summary>Mean softmax cross-entropy of the network on a batch of <paramref name="batch"/> images
    /// (row-major <paramref name="x"/>; weights stored input-major, <c>w[i * outputs + j]</c>).</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1,
                             ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3,
                             [NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        float[] z1 = new float[batch * Hidden1], h1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, h1);
        SpanOps.Relu<float>(h1, a1);

        float[] z2 = new float[batch * Hidden2], h2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(a1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, h2);
        SpanOps.Relu<float>(h2, a2);

        float[] z3 = new float[batch * Classes], logits = new float[batch * Classes];
        SpanOps.MatMul<float>(a2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, Classes);
    }

    /// <summary>The network's class scores for a batch: the inference half of <see cref="Loss"/> (same layers, no
    /// loss), used for evaluation. Kept beside <see cref="Loss"/> so the two cannot drift apart unnoticed.</summary>
    public static void Logits(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                              ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> x, int batch, Span<float> logits)
    {
        float[] z1 = new float[batch * Hidden1], a1 = new float[batch * Hidden1];
        SpanOps.MatMul(x, w1, batch, Inputs, Hidden1, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, a1);
        SpanOps.Relu<float>(a1, z1);

        float[] z2 = new float[batch * Hidden2], a2 = new float[batch * Hidden2];
        SpanOps.MatMul<float>(z1, w2, batch, Hidden1, Hidden2, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, a2);
        SpanOps.Relu<float>(a2, z2);

        float[] z3 = new float[batch * Classes];
        SpanOps.MatMul<float>(z2, w3, batch, Hidden2, Classes, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, logits);
    }
}
