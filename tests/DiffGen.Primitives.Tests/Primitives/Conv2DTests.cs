using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;
using Conv = DiffGen.Primitives.Tests.Support.NaiveLayers.Conv;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.Conv2D{T}"/> and its rules: odd sizes, strides, padding, dilation, groups, 1 x 1.</summary>
public sealed class Conv2DTests : PrimitiveTestBase
{
    /// <summary>Shapes covering each branch of the kernel: padding, stride 2, dilation, groups, depthwise, pointwise.</summary>
    private static readonly Conv[] Shapes =
    [
        new(N: 2, C: 3, H: 5, W: 6, O: 4, Kh: 3, Kw: 3, Stride: 1, Pad: 1, Dil: 1, Groups: 1),
        new(N: 1, C: 4, H: 7, W: 7, O: 6, Kh: 3, Kw: 2, Stride: 2, Pad: 1, Dil: 1, Groups: 2),
        new(N: 2, C: 2, H: 9, W: 8, O: 2, Kh: 3, Kw: 3, Stride: 1, Pad: 2, Dil: 2, Groups: 1),
        new(N: 2, C: 3, H: 4, W: 4, O: 5, Kh: 1, Kw: 1, Stride: 1, Pad: 0, Dil: 1, Groups: 1),
        new(N: 1, C: 4, H: 6, W: 5, O: 4, Kh: 3, Kw: 3, Stride: 1, Pad: 1, Dil: 1, Groups: 4),
        new(N: 1, C: 1, H: 8, W: 7, O: 2, Kh: 5, Kw: 5, Stride: 3, Pad: 2, Dil: 1, Groups: 1),
    ];

    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (Conv g in Shapes)
        {
            var rng = new Random(g.GetHashCode() & 0xFFFF);
            yield return new PrimitiveCase<T>
            {
                Name = $"Conv2D {g}",
                InputNames = ["x", "weight", "bias"],
                ScalarInputs = [false, false, false],
                Inputs = [Sample.Uniform(rng, g.XLength), Sample.Uniform(rng, g.WLength), Sample.Uniform(rng, g.O)],
                OutputName = "result",
                OutputLength = g.YLength,
                Primal = (x, y) => SpanOps.Conv2D<T>(x[0].Span, x[1].Span, x[2].Span, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.Conv2DPullback<T>(x[0].Span, x[1].Span, x[2].Span, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups,
                                                                       y.Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span),
                Tangent = (x, tx, y, ty) => SpanOps.Conv2DTangent<T>(x[0].Span, x[1].Span, x[2].Span, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups,
                                                                     y.Span, tx[0].Span, tx[1].Span, tx[2].Span, ty.Span),
            };
        }
    }

    /// <summary>Primal and pullback against the direct loops of <see cref="NaiveLayers"/>, with and without bias, including a size that runs in parallel.</summary>
    [Fact]
    public void Conv2D_AgainstDirectLoops_Matches()
    {
        Conv large = new(N: 8, C: 8, H: 16, W: 15, O: 16, Kh: 3, Kw: 3, Stride: 1, Pad: 1, Dil: 1, Groups: 2);
        Assert.True((long)large.N * large.O * (large.C / large.Groups) * 9 * large.Ho * large.Wo >= SampleParallel.ParallelWork, "the large case must take the parallel path");
        foreach (Conv g in Shapes.Append(large))
        {
            foreach (bool withBias in new[] { true, false })
            {
                var rng = new Random(3);
                double[] x = Sample.Uniform(rng, g.XLength), w = Sample.Uniform(rng, g.WLength), dy = Sample.Uniform(rng, g.YLength);
                double[] b = withBias ? Sample.Uniform(rng, g.O) : [];
                double[] y = new double[g.YLength];
                SpanOps.Conv2D<double>(x, w, b, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups, y);
                Close($"{g} bias={withBias} output", NaiveLayers.ConvForward(g, x, w, b), y);

                double[] dx = new double[x.Length], dw = new double[w.Length], db = new double[b.Length];
                SpanOps.Conv2DPullback<double>(x, w, b, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups, y, dy, dx, dw, db);
                var want = NaiveLayers.ConvBackward(g, x, w, dy);
                Close($"{g} dx", want.Dx, dx);
                Close($"{g} dweight", want.Dw, dw);
                if (withBias)
                {
                    Close($"{g} dbias", want.Db, db);
                }
            }
        }
    }

    /// <summary>One thread and all cores give the same gradient to rounding (the parallel path sums per-worker weight gradients).</summary>
    [Fact]
    public void Conv2DPullback_OneThreadOrMany_Agree()
    {
        Conv g = new(N: 6, C: 6, H: 12, W: 12, O: 32, Kh: 3, Kw: 3, Stride: 1, Pad: 1, Dil: 1, Groups: 1);
        var rng = new Random(5);
        float[] x = Sample.To<float>(Sample.Uniform(rng, g.XLength)), w = Sample.To<float>(Sample.Uniform(rng, g.WLength));
        float[] b = Sample.To<float>(Sample.Uniform(rng, g.O)), dy = Sample.To<float>(Sample.Uniform(rng, g.YLength));
        (float[] Dx, float[] Dw) Run(int threads)
        {
            int saved = global::DiffGen.Gemm.ForcedThreads;
            global::DiffGen.Gemm.ForcedThreads = threads;
            try
            {
                float[] y = new float[g.YLength], dx = new float[x.Length], dw = new float[w.Length], db = new float[g.O];
                SpanOps.Conv2DPullback<float>(x, w, b, g.N, g.C, g.H, g.W, g.O, g.Kh, g.Kw, g.Stride, g.Pad, g.Dil, g.Groups, y, dy, dx, dw, db);
                return (dx, dw);
            }
            finally
            {
                global::DiffGen.Gemm.ForcedThreads = saved;
            }
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Dx, two.Dx);
        Close("dweight, 1 vs 2 threads", Sample.ToDouble<float>(one.Dw), Sample.ToDouble<float>(two.Dw), 1e-5);
    }

    /// <summary>Bad shapes throw <see cref="ArgumentException"/> naming the argument, before the output is touched.</summary>
    [Theory]
    [InlineData("kernelHeight")]
    [InlineData("inChannels")]
    [InlineData("outChannels")]
    [InlineData("x")]
    [InlineData("weight")]
    [InlineData("bias")]
    [InlineData("result")]
    public void Conv2D_BadShape_ThrowsNamingArgumentBeforeWriting(string argument)
    {
        int c = argument == "inChannels" ? 3 : 4, o = argument == "outChannels" ? 5 : 6, kh = argument == "kernelHeight" ? 8 : 3;
        double[] x = new double[argument == "x" ? 2 * c * 5 * 5 + 1 : 2 * c * 5 * 5];
        double[] w = new double[argument == "weight" ? 1 : o * (c / 2) * kh * 3];
        double[] b = new double[argument == "bias" ? o + 1 : o];
        double[] y = Enumerable.Repeat(7.0, argument == "result" ? 2 * o * 25 - 1 : 2 * o * 25).ToArray();
        var ex = Assert.ThrowsAny<ArgumentException>(() => SpanOps.Conv2D<double>(x, w, b, 2, c, 5, 5, o, kh, 3, 1, 1, 1, 2, y));
        Assert.Equal(argument, ex.ParamName);
        Assert.All(y, v => Assert.Equal(7.0, v));
    }

    private static void Close(string what, double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = Math.Max(1, expected.Max(Math.Abs));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
