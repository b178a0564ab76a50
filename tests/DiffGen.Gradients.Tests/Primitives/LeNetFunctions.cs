using System;

namespace DiffGen.Gradients.Tests.Primitives;

/// <summary>
/// LeNet at a small size, in double: the sample's layer sequence (conv, ReLU, max-pool, conv, ReLU,
/// max-pool, dense, ReLU, dense, cross-entropy; and the same with batch norm after each conv) on 10 x 10
/// images, so the generated gradient can be checked against finite differences in every coordinate.
/// </summary>
public static partial class LeNetFunctions
{
    /// <summary>Image side.</summary>
    public const int Side = 10;

    /// <summary>Channels of the two convolutions.</summary>
    public const int C1 = 2, C2 = 3;

    /// <summary>Side after conv 3 x 3 with padding 1 and pool 2 (5), then conv 3 x 3 (3) and pool 2 with padding 1 (2).</summary>
    public const int Side1 = 5, Conv2Side = 3, Side2 = 2;

    /// <summary>Flattened features, hidden width, classes.</summary>
    public const int Flat = C2 * Side2 * Side2, Hidden = 6, Classes = 3;

    /// <summary>The small LeNet's mean cross-entropy.</summary>
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> k1, ReadOnlySpan<double> c1, ReadOnlySpan<double> k2, ReadOnlySpan<double> c2,
                              ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
                              [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> labels, int batch)
    {
        double[] z1 = new double[batch * C1 * Side * Side], a1 = new double[batch * C1 * Side * Side], p1 = new double[batch * C1 * Side1 * Side1];
        SpanOps.Conv2D<double>(x, k1, c1, batch, 1, Side, Side, C1, 3, 3, 1, 1, 1, 1, z1);
        SpanOps.Relu<double>(z1, a1);
        SpanOps.MaxPool2D<double>(a1, batch, C1, Side, Side, 2, 2, 0, p1);

        double[] z2 = new double[batch * C2 * Conv2Side * Conv2Side], a2 = new double[batch * C2 * Conv2Side * Conv2Side], p2 = new double[batch * Flat];
        SpanOps.Conv2D<double>(p1, k2, c2, batch, C1, Side1, Side1, C2, 3, 3, 1, 0, 1, 1, z2);
        SpanOps.Relu<double>(z2, a2);
        SpanOps.MaxPool2D<double>(a2, batch, C2, Conv2Side, Conv2Side, 2, 2, 1, p2);

        double[] y1 = new double[batch * Hidden], h1 = new double[batch * Hidden], r1 = new double[batch * Hidden];
        SpanOps.MatMul<double>(p2, w1, batch, Flat, Hidden, false, false, y1);
        SpanOps.AddBias<double>(y1, b1, h1);
        SpanOps.Relu<double>(h1, r1);

        double[] y2 = new double[batch * Classes], logits = new double[batch * Classes];
        SpanOps.MatMul<double>(r1, w2, batch, Hidden, Classes, false, false, y2);
        SpanOps.AddBias<double>(y2, b2, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, Classes);
    }

    /// <summary>The same with batch norm (training mode) after each convolution and average pooling in the second block.</summary>
    [Differentiable]
    public static double LossBn(ReadOnlySpan<double> k1, ReadOnlySpan<double> s1, ReadOnlySpan<double> t1,
                                ReadOnlySpan<double> k2, ReadOnlySpan<double> s2, ReadOnlySpan<double> t2,
                                ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, ReadOnlySpan<double> b2,
                                [NoDerivative] ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<int> labels, int batch, [NoDerivative] double[] running)
    {
        // No conv bias before batch norm: an empty bias span (the generator does not take ReadOnlySpan<T>.Empty, DG0002).
        double[] noBias = new double[0];
        double[] z1 = new double[batch * C1 * Side * Side], n1 = new double[batch * C1 * Side * Side], a1 = new double[batch * C1 * Side * Side];
        double[] p1 = new double[batch * C1 * Side1 * Side1];
        SpanOps.Conv2D<double>(x, k1, noBias, batch, 1, Side, Side, C1, 3, 3, 1, 1, 1, 1, z1);
        SpanOps.BatchNorm<double>(z1, s1, t1, batch, C1, Side * Side, true, 0.1, 1e-5, running.AsSpan(0, C1), running.AsSpan(C1, C1), n1);
        SpanOps.Relu<double>(n1, a1);
        SpanOps.MaxPool2D<double>(a1, batch, C1, Side, Side, 2, 2, 0, p1);

        double[] z2 = new double[batch * C2 * Conv2Side * Conv2Side], n2 = new double[batch * C2 * Conv2Side * Conv2Side];
        double[] a2 = new double[batch * C2 * Conv2Side * Conv2Side], p2 = new double[batch * Flat];
        SpanOps.Conv2D<double>(p1, k2, noBias, batch, C1, Side1, Side1, C2, 3, 3, 1, 0, 1, 1, z2);
        SpanOps.BatchNorm<double>(z2, s2, t2, batch, C2, Conv2Side * Conv2Side, true, 0.1, 1e-5, running.AsSpan(2 * C1, C2), running.AsSpan(2 * C1 + C2, C2), n2);
        SpanOps.Relu<double>(n2, a2);
        SpanOps.AvgPool2D<double>(a2, batch, C2, Conv2Side, Conv2Side, 2, 2, 1, p2);

        double[] y1 = new double[batch * Hidden], h1 = new double[batch * Hidden], r1 = new double[batch * Hidden];
        SpanOps.MatMul<double>(p2, w1, batch, Flat, Hidden, false, false, y1);
        SpanOps.AddBias<double>(y1, b1, h1);
        SpanOps.Tanh<double>(h1, r1);

        double[] y2 = new double[batch * Classes], logits = new double[batch * Classes];
        SpanOps.MatMul<double>(r1, w2, batch, Hidden, Classes, false, false, y2);
        SpanOps.AddBias<double>(y2, b2, logits);
        return SpanOps.CrossEntropy<double>(logits, labels, Classes);
    }
}
