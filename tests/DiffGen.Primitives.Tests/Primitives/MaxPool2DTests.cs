using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.MaxPool2D{T}"/> and its rules.</summary>
public sealed class MaxPool2DTests : PrimitiveTestBase
{
    /// <summary>(batch, channels, height, width, kernel, stride, padding): LeNet's 2/2, odd sizes, overlap, padding.</summary>
    internal static readonly (int N, int C, int H, int W, int K, int S, int P)[] Shapes =
    [
        (2, 3, 6, 6, 2, 2, 0),
        (1, 2, 7, 5, 3, 2, 1),
        (2, 1, 5, 6, 3, 1, 0),
        (1, 2, 4, 4, 4, 4, 2),
    ];

    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (var (n, c, h, w, k, s, p) in Shapes)
        {
            var rng = new Random(n * 1000 + h * 10 + k);
            int outLength = n * c * ((h + 2 * p - k) / s + 1) * ((w + 2 * p - k) / s + 1);
            yield return new PrimitiveCase<T>
            {
                Name = $"MaxPool2D {n}x{c}x{h}x{w} k{k} s{s} p{p}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n * c * h * w)],
                OutputName = "result",
                OutputLength = outLength,
                Primal = (x, y) => SpanOps.MaxPool2D<T>(x[0].Span, n, c, h, w, k, s, p, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.MaxPool2DPullback<T>(x[0].Span, n, c, h, w, k, s, p, y.Span, dy.Span, dx[0].Span),
                Tangent = (x, tx, y, ty) => SpanOps.MaxPool2DTangent<T>(x[0].Span, n, c, h, w, k, s, p, y.Span, tx[0].Span, ty.Span),
            };
        }
    }

    /// <summary>The output against the direct loops of <see cref="NaiveLayers.Pool"/>.</summary>
    [Fact]
    public void MaxPool2D_AgainstDirectLoops_Matches()
    {
        foreach (var (n, c, h, w, k, s, p) in Shapes)
        {
            double[] x = Sample.Uniform(new Random(1), n * c * h * w);
            double[] want = NaiveLayers.Pool(x, n, c, h, w, k, s, p, average: false);
            double[] y = new double[want.Length];
            SpanOps.MaxPool2D<double>(x, n, c, h, w, k, s, p, y);
            Assert.Equal(want, y);
        }
    }

    /// <summary>At a tie the whole gradient goes to the first largest pixel in row-major order (PyTorch's choice).</summary>
    [Fact]
    public void MaxPool2DPullback_Tie_GoesToFirstMaximum()
    {
        double[] x = [1, 3, 3, 0], y = new double[1], dx = new double[4];
        SpanOps.MaxPool2D<double>(x, 1, 1, 2, 2, 2, 2, 0, y);
        SpanOps.MaxPool2DPullback<double>(x, 1, 1, 2, 2, 2, 2, 0, y, [1.0], dx);
        Assert.Equal(new double[] { 0, 1, 0, 0 }, dx);
    }

    /// <summary>Bad shapes throw naming the argument before anything is written.</summary>
    [Theory]
    [InlineData(5, 1, 0, "kernel")]
    [InlineData(2, 1, 2, "padding")]
    [InlineData(2, 0, 0, "stride")]
    public void MaxPool2D_BadShape_ThrowsNamingArgument(int kernel, int stride, int padding, string argument)
    {
        double[] y = Enumerable.Repeat(7.0, 4).ToArray();
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpanOps.MaxPool2D<double>(new double[16], 1, 1, 4, 4, kernel, stride, padding, y));
        Assert.Equal(argument, ex.ParamName);
        Assert.All(y, v => Assert.Equal(7.0, v));
    }
}
