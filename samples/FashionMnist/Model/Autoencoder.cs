using System;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// The dense auto-encoder of the thesis' problem (d): 784-512-256-32 and back (32-256-512-784), ReLU
/// between layers, a linear 32-value code and a linear output (the sample's pixels are standardised, so
/// they are not confined to [0, 1]), trained on the mean squared error of the reconstruction. The generator writes <c>LossGradient</c> from <see cref="Loss"/>.
/// </summary>
public static partial class Autoencoder
{
    /// <summary>Pixels per image.</summary>
    public const int Inputs = 784;

    /// <summary>Layer widths from the input to the code and back to the output.</summary>
    public static readonly int[] Widths = [Inputs, 512, 256, 32, 256, 512, Inputs];

    /// <summary>Mean squared reconstruction error per pixel on a batch (dense weights input-major).</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> w4, ReadOnlySpan<float> b4,
                             ReadOnlySpan<float> w5, ReadOnlySpan<float> b5, ReadOnlySpan<float> w6, ReadOnlySpan<float> b6,
                             [NoDerivative] ReadOnlySpan<float> x, int batch)
    {
        float[] z1 = new float[batch * 512], h1 = new float[batch * 512], a1 = new float[batch * 512];
        SpanOps.MatMul<float>(x, w1, batch, Inputs, 512, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, h1);
        SpanOps.Relu<float>(h1, a1);

        float[] z2 = new float[batch * 256], h2 = new float[batch * 256], a2 = new float[batch * 256];
        SpanOps.MatMul<float>(a1, w2, batch, 512, 256, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, h2);
        SpanOps.Relu<float>(h2, a2);

        float[] z3 = new float[batch * 32], code = new float[batch * 32];
        SpanOps.MatMul<float>(a2, w3, batch, 256, 32, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, code);

        float[] z4 = new float[batch * 256], h4 = new float[batch * 256], a4 = new float[batch * 256];
        SpanOps.MatMul<float>(code, w4, batch, 32, 256, false, false, z4);
        SpanOps.AddBias<float>(z4, b4, h4);
        SpanOps.Relu<float>(h4, a4);

        float[] z5 = new float[batch * 512], h5 = new float[batch * 512], a5 = new float[batch * 512];
        SpanOps.MatMul<float>(a4, w5, batch, 256, 512, false, false, z5);
        SpanOps.AddBias<float>(z5, b5, h5);
        SpanOps.Relu<float>(h5, a5);

        float[] z6 = new float[batch * Inputs], h6 = new float[batch * Inputs];
        SpanOps.MatMul<float>(a5, w6, batch, 512, Inputs, false, false, z6);
        SpanOps.AddBias<float>(z6, b6, h6);
        float[] error = new float[batch * Inputs];
        SpanOps.Sub<float>(h6, x, error);
        return SpanOps.Dot<float>(error, error) / (batch * Inputs);
    }

    /// <summary>
    /// The reconstruction of a batch: the layers of <see cref="Loss"/> (written twice because a
    /// <c>[Differentiable]</c> method may not yet pass its own output span to a primitive, DG0011).
    /// </summary>
    public static void Reconstruct(ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                                   ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> w4, ReadOnlySpan<float> b4,
                                   ReadOnlySpan<float> w5, ReadOnlySpan<float> b5, ReadOnlySpan<float> w6, ReadOnlySpan<float> b6,
                                   ReadOnlySpan<float> x, int batch, Span<float> output)
    {
        float[] z1 = new float[batch * 512], h1 = new float[batch * 512], a1 = new float[batch * 512];
        SpanOps.MatMul<float>(x, w1, batch, Inputs, 512, false, false, z1);
        SpanOps.AddBias<float>(z1, b1, h1);
        SpanOps.Relu<float>(h1, a1);

        float[] z2 = new float[batch * 256], h2 = new float[batch * 256], a2 = new float[batch * 256];
        SpanOps.MatMul<float>(a1, w2, batch, 512, 256, false, false, z2);
        SpanOps.AddBias<float>(z2, b2, h2);
        SpanOps.Relu<float>(h2, a2);

        float[] z3 = new float[batch * 32], code = new float[batch * 32];
        SpanOps.MatMul<float>(a2, w3, batch, 256, 32, false, false, z3);
        SpanOps.AddBias<float>(z3, b3, code);

        float[] z4 = new float[batch * 256], h4 = new float[batch * 256], a4 = new float[batch * 256];
        SpanOps.MatMul<float>(code, w4, batch, 32, 256, false, false, z4);
        SpanOps.AddBias<float>(z4, b4, h4);
        SpanOps.Relu<float>(h4, a4);

        float[] z5 = new float[batch * 512], h5 = new float[batch * 512], a5 = new float[batch * 512];
        SpanOps.MatMul<float>(a4, w5, batch, 256, 512, false, false, z5);
        SpanOps.AddBias<float>(z5, b5, h5);
        SpanOps.Relu<float>(h5, a5);

        float[] z6 = new float[batch * Inputs];
        SpanOps.MatMul<float>(a5, w6, batch, 512, Inputs, false, false, z6);
        SpanOps.AddBias<float>(z6, b6, output);
    }
}
