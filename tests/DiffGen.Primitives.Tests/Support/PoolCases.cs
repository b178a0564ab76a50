using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Primitives.Tests.Support;

/// <summary>A 2-D pooling primitive: <c>F(x, batch, channels, height, width, kernel, stride, padding, result)</c>.</summary>
public delegate void PoolFn<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                               Span<T> result);

/// <summary>Its pullback.</summary>
public delegate void PoolPullbackFn<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                       Span<T> result, ReadOnlySpan<T> dresult, Span<T> dx);

/// <summary>Its tangent.</summary>
public delegate void PoolTangentFn<T>(ReadOnlySpan<T> x, int batch, int channels, int height, int width, int kernel, int stride, int padding,
                                      Span<T> result, ReadOnlySpan<T> tx, Span<T> tresult);

/// <summary>The shapes and cases that max and average pooling are tested on.</summary>
public static class PoolCases
{
    /// <summary>(batch, channels, height, width, kernel, stride, padding): LeNet's 2/2, odd sizes, overlap, padding.</summary>
    public static readonly (int N, int C, int H, int W, int K, int S, int P)[] Shapes =
    [
        (2, 3, 6, 6, 2, 2, 0),
        (1, 2, 7, 5, 3, 2, 1),
        (2, 1, 5, 6, 3, 1, 0),
        (1, 2, 4, 4, 4, 4, 2),
    ];

    /// <summary>One case per shape of <see cref="Shapes"/>, with inputs uniform in [-1, 1).</summary>
    public static IEnumerable<PrimitiveCase<T>> Cases<T>(string name, PoolFn<T> f, PoolPullbackFn<T> pullback, PoolTangentFn<T> tangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var (n, c, h, w, k, s, p) in Shapes)
        {
            var rng = new Random(n * 1000 + h * 10 + k);
            int outLength = n * c * ((h + 2 * p - k) / s + 1) * ((w + 2 * p - k) / s + 1);
            yield return new PrimitiveCase<T>
            {
                Name = $"{name} {n}x{c}x{h}x{w} k{k} s{s} p{p}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n * c * h * w)],
                OutputName = "result",
                OutputLength = outLength,
                Primal = (x, y) => f(x[0].Span, n, c, h, w, k, s, p, y.Span),
                Pullback = (x, y, dy, dx) => pullback(x[0].Span, n, c, h, w, k, s, p, y.Span, dy.Span, dx[0].Span),
                Tangent = (x, tx, y, ty) => tangent(x[0].Span, n, c, h, w, k, s, p, y.Span, tx[0].Span, ty.Span),
            };
        }
    }

    /// <summary>
    /// For each shape of <see cref="Shapes"/>, at inputs uniform in [-1, 1) from <paramref name="seed"/>: the output
    /// of <see cref="NaiveLayers.Pool"/> (<paramref name="average"/> picks the kind) and that of <paramref name="f"/>.
    /// </summary>
    public static IEnumerable<(double[] Want, double[] Got)> AgainstDirectLoops(PoolFn<double> f, bool average, int seed)
    {
        foreach (var (n, c, h, w, k, s, p) in Shapes)
        {
            double[] x = Sample.Uniform(new Random(seed), n * c * h * w);
            double[] want = NaiveLayers.Pool(x, n, c, h, w, k, s, p, average);
            double[] got = new double[want.Length];
            f(x, n, c, h, w, k, s, p, got);
            yield return (want, got);
        }
    }
}
