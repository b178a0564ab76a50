using System;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// LeNet-5 (LeCun et al., 1998) for 28 x 28 images, as in the optimization literature's benchmarks:
/// conv 5 x 5 (1 to 6 channels, padding 2) - ReLU - max-pool 2, conv 5 x 5 (6 to 16) - ReLU - max-pool 2,
/// then dense 400-120-84-10 with ReLU, softmax cross-entropy. Ordinary C# over the span primitives; the
/// generator writes <c>LossGradient</c> from <see cref="Loss"/>.
/// </summary>
public static partial class LeNet
{
    /// <summary>Image side.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image.</summary>
    public const int Inputs = Side * Side;

    /// <summary>Channels of the first convolution.</summary>
    public const int C1 = 6;

    /// <summary>Channels of the second convolution.</summary>
    public const int C2 = 16;

    /// <summary>Kernel side of both convolutions.</summary>
    public const int Kernel = 5;

    /// <summary>Side after the first block (28, pooled to 14).</summary>
    public const int Side1 = 14;

    /// <summary>Side after the second convolution (14 - 4).</summary>
    public const int Conv2Side = 10;

    /// <summary>Side after the second block.</summary>
    public const int Side2 = 5;

    /// <summary>Flattened features after the second block.</summary>
    public const int Flat = C2 * Side2 * Side2;

    /// <summary>First dense layer.</summary>
    public const int F1 = 120;

    /// <summary>Second dense layer.</summary>
    public const int F2 = 84;

    /// <summary>Classes.</summary>
    public const int Classes = 10;

    /// <summary>Mean cross-entropy on a batch (<paramref name="x"/>: <c>batch x 1 x 28 x 28</c>; dense weights input-major).</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> k1, ReadOnlySpan<float> c1, ReadOnlySpan<float> k2, ReadOnlySpan<float> c2,
                             ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3,
                             [NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        float[] z1 = new float[batch * C1 * Inputs], a1 = new float[batch * C1 * Inputs], p1 = new float[batch * C1 * Side1 * Side1];
        SpanOps.Conv2D<float>(x, k1, c1, batch, 1, Side, Side, C1, Kernel, Kernel, 1, 2, 1, 1, z1);
        SpanOps.Relu<float>(z1, a1);
        SpanOps.MaxPool2D<float>(a1, batch, C1, Side, Side, 2, 2, 0, p1);

        float[] z2 = new float[batch * C2 * Conv2Side * Conv2Side], a2 = new float[batch * C2 * Conv2Side * Conv2Side], p2 = new float[batch * Flat];
        SpanOps.Conv2D<float>(p1, k2, c2, batch, C1, Side1, Side1, C2, Kernel, Kernel, 1, 0, 1, 1, z2);
        SpanOps.Relu<float>(z2, a2);
        SpanOps.MaxPool2D<float>(a2, batch, C2, Conv2Side, Conv2Side, 2, 2, 0, p2);

        // p2 is batch x 16 x 5 x 5 in NCHW: read as batch x 400 rows, it is already flat.
        float[] y1 = new float[batch * F1], h1 = new float[batch * F1], r1 = new float[batch * F1];
        SpanOps.MatMul<float>(p2, w1, batch, Flat, F1, false, false, y1);
        SpanOps.AddBias<float>(y1, b1, h1);
        SpanOps.Relu<float>(h1, r1);

        float[] y2 = new float[batch * F2], h2 = new float[batch * F2], r2 = new float[batch * F2];
        SpanOps.MatMul<float>(r1, w2, batch, F1, F2, false, false, y2);
        SpanOps.AddBias<float>(y2, b2, h2);
        SpanOps.Relu<float>(h2, r2);

        float[] y3 = new float[batch * Classes], logits = new float[batch * Classes];
        SpanOps.MatMul<float>(r2, w3, batch, F2, Classes, false, false, y3);
        SpanOps.AddBias<float>(y3, b3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, Classes);
    }

    /// <summary>The class scores of <see cref="Loss"/>'s network for a batch (evaluation).</summary>
    public static void Logits(ReadOnlySpan<float> k1, ReadOnlySpan<float> c1, ReadOnlySpan<float> k2, ReadOnlySpan<float> c2,
                              ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> w2, ReadOnlySpan<float> b2,
                              ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> x, int batch, Span<float> logits)
    {
        float[] z1 = new float[batch * C1 * Inputs], a1 = new float[batch * C1 * Inputs], p1 = new float[batch * C1 * Side1 * Side1];
        SpanOps.Conv2D<float>(x, k1, c1, batch, 1, Side, Side, C1, Kernel, Kernel, 1, 2, 1, 1, z1);
        SpanOps.Relu<float>(z1, a1);
        SpanOps.MaxPool2D<float>(a1, batch, C1, Side, Side, 2, 2, 0, p1);

        float[] z2 = new float[batch * C2 * Conv2Side * Conv2Side], a2 = new float[batch * C2 * Conv2Side * Conv2Side], p2 = new float[batch * Flat];
        SpanOps.Conv2D<float>(p1, k2, c2, batch, C1, Side1, Side1, C2, Kernel, Kernel, 1, 0, 1, 1, z2);
        SpanOps.Relu<float>(z2, a2);
        SpanOps.MaxPool2D<float>(a2, batch, C2, Conv2Side, Conv2Side, 2, 2, 0, p2);

        float[] y1 = new float[batch * F1], r1 = new float[batch * F1];
        SpanOps.MatMul<float>(p2, w1, batch, Flat, F1, false, false, y1);
        SpanOps.AddBias<float>(y1, b1, r1);
        SpanOps.Relu<float>(r1, y1);

        float[] y2 = new float[batch * F2], r2 = new float[batch * F2];
        SpanOps.MatMul<float>(y1, w2, batch, F1, F2, false, false, y2);
        SpanOps.AddBias<float>(y2, b2, r2);
        SpanOps.Relu<float>(r2, y2);

        float[] y3 = new float[batch * Classes];
        SpanOps.MatMul<float>(y2, w3, batch, F2, Classes, false, false, y3);
        SpanOps.AddBias<float>(y3, b3, logits);
    }
}
