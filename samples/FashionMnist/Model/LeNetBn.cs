using System;

namespace DiffGen.Samples.FashionMnist.Model;

/// <summary>
/// LeNet-5 with batch normalization (Ioffe and Szegedy, 2015) after each convolution and each hidden
/// dense layer, before the ReLU: the thesis' "LeNet with batch normalization". <see cref="Loss"/> runs
/// the layers in training mode (batch statistics; the running averages in <c>running</c> move by
/// <see cref="Momentum"/>), <see cref="Logits"/> in inference mode (the running averages).
/// </summary>
public static partial class LeNetBn
{
    /// <summary>PyTorch's BatchNorm2d default.</summary>
    public const float Momentum = 0.1f;

    /// <summary>PyTorch's BatchNorm2d default.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>Length of the running statistics: a mean and a variance per channel of the four normalized layers.</summary>
    public const int RunningLength = 2 * (LeNet.C1 + LeNet.C2 + LeNet.F1 + LeNet.F2);

    private const int M1 = 0, V1 = M1 + LeNet.C1, M2 = V1 + LeNet.C1, V2 = M2 + LeNet.C2, M3 = V2 + LeNet.C2, V3 = M3 + LeNet.F1, M4 = V3 + LeNet.F1, V4 = M4 + LeNet.F2;

    /// <summary>Mean cross-entropy on a batch, batch norm in training mode (updates <paramref name="running"/>).</summary>
    [Differentiable]
    public static float Loss(ReadOnlySpan<float> k1, ReadOnlySpan<float> c1, ReadOnlySpan<float> s1, ReadOnlySpan<float> t1,
                             ReadOnlySpan<float> k2, ReadOnlySpan<float> c2, ReadOnlySpan<float> s2, ReadOnlySpan<float> t2,
                             ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> s3, ReadOnlySpan<float> t3,
                             ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, ReadOnlySpan<float> s4, ReadOnlySpan<float> t4,
                             ReadOnlySpan<float> w3, ReadOnlySpan<float> b3,
                             [NoDerivative] ReadOnlySpan<float> x, [NoDerivative] ReadOnlySpan<int> labels, int batch, [NoDerivative] float[] running)
    {
        const int plane1 = LeNet.Inputs, plane2 = LeNet.Conv2Side * LeNet.Conv2Side;
        float[] z1 = new float[batch * LeNet.C1 * plane1], n1 = new float[batch * LeNet.C1 * plane1], a1 = new float[batch * LeNet.C1 * plane1];
        float[] p1 = new float[batch * LeNet.C1 * LeNet.Side1 * LeNet.Side1];
        SpanOps.Conv2D<float>(x, k1, c1, batch, 1, LeNet.Side, LeNet.Side, LeNet.C1, LeNet.Kernel, LeNet.Kernel, 1, 2, 1, 1, z1);
        SpanOps.BatchNorm<float>(z1, s1, t1, batch, LeNet.C1, plane1, true, Momentum, Epsilon, running.AsSpan(M1, LeNet.C1), running.AsSpan(V1, LeNet.C1), n1);
        SpanOps.Relu<float>(n1, a1);
        SpanOps.MaxPool2D<float>(a1, batch, LeNet.C1, LeNet.Side, LeNet.Side, 2, 2, 0, p1);

        float[] z2 = new float[batch * LeNet.C2 * plane2], n2 = new float[batch * LeNet.C2 * plane2], a2 = new float[batch * LeNet.C2 * plane2];
        float[] p2 = new float[batch * LeNet.Flat];
        SpanOps.Conv2D<float>(p1, k2, c2, batch, LeNet.C1, LeNet.Side1, LeNet.Side1, LeNet.C2, LeNet.Kernel, LeNet.Kernel, 1, 0, 1, 1, z2);
        SpanOps.BatchNorm<float>(z2, s2, t2, batch, LeNet.C2, plane2, true, Momentum, Epsilon, running.AsSpan(M2, LeNet.C2), running.AsSpan(V2, LeNet.C2), n2);
        SpanOps.Relu<float>(n2, a2);
        SpanOps.MaxPool2D<float>(a2, batch, LeNet.C2, LeNet.Conv2Side, LeNet.Conv2Side, 2, 2, 0, p2);

        float[] y1 = new float[batch * LeNet.F1], h1 = new float[batch * LeNet.F1], n3 = new float[batch * LeNet.F1], r1 = new float[batch * LeNet.F1];
        SpanOps.MatMul<float>(p2, w1, batch, LeNet.Flat, LeNet.F1, false, false, y1);
        SpanOps.AddBias<float>(y1, b1, h1);
        SpanOps.BatchNorm<float>(h1, s3, t3, batch, LeNet.F1, 1, true, Momentum, Epsilon, running.AsSpan(M3, LeNet.F1), running.AsSpan(V3, LeNet.F1), n3);
        SpanOps.Relu<float>(n3, r1);

        float[] y2 = new float[batch * LeNet.F2], h2 = new float[batch * LeNet.F2], n4 = new float[batch * LeNet.F2], r2 = new float[batch * LeNet.F2];
        SpanOps.MatMul<float>(r1, w2, batch, LeNet.F1, LeNet.F2, false, false, y2);
        SpanOps.AddBias<float>(y2, b2, h2);
        SpanOps.BatchNorm<float>(h2, s4, t4, batch, LeNet.F2, 1, true, Momentum, Epsilon, running.AsSpan(M4, LeNet.F2), running.AsSpan(V4, LeNet.F2), n4);
        SpanOps.Relu<float>(n4, r2);

        float[] y3 = new float[batch * LeNet.Classes], logits = new float[batch * LeNet.Classes];
        SpanOps.MatMul<float>(r2, w3, batch, LeNet.F2, LeNet.Classes, false, false, y3);
        SpanOps.AddBias<float>(y3, b3, logits);
        return SpanOps.CrossEntropy<float>(logits, labels, LeNet.Classes);
    }

    /// <summary>The class scores of <see cref="Loss"/>'s network for a batch, batch norm in inference mode.</summary>
    public static void Logits(ReadOnlySpan<float> k1, ReadOnlySpan<float> c1, ReadOnlySpan<float> s1, ReadOnlySpan<float> t1,
                              ReadOnlySpan<float> k2, ReadOnlySpan<float> c2, ReadOnlySpan<float> s2, ReadOnlySpan<float> t2,
                              ReadOnlySpan<float> w1, ReadOnlySpan<float> b1, ReadOnlySpan<float> s3, ReadOnlySpan<float> t3,
                              ReadOnlySpan<float> w2, ReadOnlySpan<float> b2, ReadOnlySpan<float> s4, ReadOnlySpan<float> t4,
                              ReadOnlySpan<float> w3, ReadOnlySpan<float> b3, ReadOnlySpan<float> x, int batch, float[] running, Span<float> logits)
    {
        const int plane1 = LeNet.Inputs, plane2 = LeNet.Conv2Side * LeNet.Conv2Side;
        float[] z1 = new float[batch * LeNet.C1 * plane1], n1 = new float[batch * LeNet.C1 * plane1];
        float[] p1 = new float[batch * LeNet.C1 * LeNet.Side1 * LeNet.Side1];
        SpanOps.Conv2D<float>(x, k1, c1, batch, 1, LeNet.Side, LeNet.Side, LeNet.C1, LeNet.Kernel, LeNet.Kernel, 1, 2, 1, 1, z1);
        SpanOps.BatchNorm<float>(z1, s1, t1, batch, LeNet.C1, plane1, false, Momentum, Epsilon, running.AsSpan(M1, LeNet.C1), running.AsSpan(V1, LeNet.C1), n1);
        SpanOps.Relu<float>(n1, z1);
        SpanOps.MaxPool2D<float>(z1, batch, LeNet.C1, LeNet.Side, LeNet.Side, 2, 2, 0, p1);

        float[] z2 = new float[batch * LeNet.C2 * plane2], n2 = new float[batch * LeNet.C2 * plane2], p2 = new float[batch * LeNet.Flat];
        SpanOps.Conv2D<float>(p1, k2, c2, batch, LeNet.C1, LeNet.Side1, LeNet.Side1, LeNet.C2, LeNet.Kernel, LeNet.Kernel, 1, 0, 1, 1, z2);
        SpanOps.BatchNorm<float>(z2, s2, t2, batch, LeNet.C2, plane2, false, Momentum, Epsilon, running.AsSpan(M2, LeNet.C2), running.AsSpan(V2, LeNet.C2), n2);
        SpanOps.Relu<float>(n2, z2);
        SpanOps.MaxPool2D<float>(z2, batch, LeNet.C2, LeNet.Conv2Side, LeNet.Conv2Side, 2, 2, 0, p2);

        float[] y1 = new float[batch * LeNet.F1], h1 = new float[batch * LeNet.F1];
        SpanOps.MatMul<float>(p2, w1, batch, LeNet.Flat, LeNet.F1, false, false, y1);
        SpanOps.AddBias<float>(y1, b1, h1);
        SpanOps.BatchNorm<float>(h1, s3, t3, batch, LeNet.F1, 1, false, Momentum, Epsilon, running.AsSpan(M3, LeNet.F1), running.AsSpan(V3, LeNet.F1), y1);
        SpanOps.Relu<float>(y1, h1);

        float[] y2 = new float[batch * LeNet.F2], h2 = new float[batch * LeNet.F2];
        SpanOps.MatMul<float>(h1, w2, batch, LeNet.F1, LeNet.F2, false, false, y2);
        SpanOps.AddBias<float>(y2, b2, h2);
        SpanOps.BatchNorm<float>(h2, s4, t4, batch, LeNet.F2, 1, false, Momentum, Epsilon, running.AsSpan(M4, LeNet.F2), running.AsSpan(V4, LeNet.F2), y2);
        SpanOps.Relu<float>(y2, h2);

        float[] y3 = new float[batch * LeNet.Classes];
        SpanOps.MatMul<float>(h2, w3, batch, LeNet.F2, LeNet.Classes, false, false, y3);
        SpanOps.AddBias<float>(y3, b3, logits);
    }

    /// <summary>Fresh running statistics: means 0, variances 1 (PyTorch's initial values).</summary>
    public static float[] InitialRunning()
    {
        var running = new float[RunningLength];
        foreach ((int m, int n) in new[] { (V1, LeNet.C1), (V2, LeNet.C2), (V3, LeNet.F1), (V4, LeNet.F2) })
        {
            running.AsSpan(m, n).Fill(1f);
        }

        return running;
    }
}
