using System;
using System.Collections.Generic;
using System.Linq;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary>
/// <see cref="SpanOps.MatMul{T}"/> and its rules in every transpose combination; the kernel itself is
/// checked against a naive loop in Gemm/GemmTests.cs.
/// </summary>
public sealed class MatMulTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        // (3, 4, 5) takes the scalar loop; (13, 11, 37) is above the scalar threshold, so the packed SIMD
        // kernel (with partial tiles on every edge) runs inside the finite differences too.
        foreach ((int m, int k, int n) in new[] { (1, 1, 1), (3, 4, 5), (13, 11, 37) })
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    if ((m, k, n) == (13, 11, 37) && ta != tb)
                    {
                        continue; // keeps the finite-difference count down; mixed transposes are covered at (3, 4, 5)
                    }

                    var rng = new Random(m * 10000 + k * 100 + n + (ta ? 1 : 0) + (tb ? 2 : 0));
                    yield return new PrimitiveCase<T>
                    {
                        Name = $"MatMul {m}x{k}x{n} ta={ta} tb={tb}",
                        InputNames = ["a", "b"],
                        ScalarInputs = [false, false],
                        Inputs = [Sample.Uniform(rng, m * k), Sample.Uniform(rng, k * n)],
                        OutputName = "result",
                        OutputLength = m * n,
                        Primal = (x, y) => SpanOps.MatMul<T>(x[0].Span, x[1].Span, m, k, n, ta, tb, y.Span),
                        Pullback = (x, y, dy, dx) => SpanOps.MatMulPullback<T>(x[0].Span, x[1].Span, m, k, n, ta, tb, y.Span,
                                                                               dy.Span, dx[0].Span, dx[1].Span),
                        Tangent = (x, tx, y, ty) => SpanOps.MatMulTangent<T>(x[0].Span, x[1].Span, m, k, n, ta, tb, y.Span,
                                                                             tx[0].Span, tx[1].Span, ty.Span),
                    };
                }
            }
        }
    }

    /// <summary>
    /// The pullback at sizes where both of its products run the parallel SIMD kernel with transposes,
    /// against the gradient written as naive loops.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Pullback_LargeParallel_MatchesNaiveGradient(bool ta, bool tb)
    {
        const int m = 67, k = 45, n = 71;
        var rng = new Random(5);
        double[] a = Sample.Uniform(rng, m * k), b = Sample.Uniform(rng, k * n), g = Sample.Uniform(rng, m * n);
        double[] da = Sample.Uniform(rng, m * k), db = Sample.Uniform(rng, k * n);
        double[] da0 = (double[])da.Clone(), db0 = (double[])db.Clone();
        var c = new double[m * n];
        SpanOps.MatMul<double>(a, b, m, k, n, ta, tb, c);
        SpanOps.MatMulPullback<double>(a, b, m, k, n, ta, tb, c, g, da, db);

        double A(int i, int p) => ta ? a[p * m + i] : a[i * k + p];
        double B(int p, int j) => tb ? b[j * k + p] : b[p * n + j];
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < k; p++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += g[i * n + j] * B(p, j);
                }

                int at = ta ? p * m + i : i * k + p;
                Assert.True(Math.Abs(da[at] - da0[at] - s) <= 1e-12 * n, $"dA[{i},{p}]");
            }
        }

        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int i = 0; i < m; i++)
                {
                    s += A(i, p) * g[i * n + j];
                }

                int at = tb ? j * k + p : p * n + j;
                Assert.True(Math.Abs(db[at] - db0[at] - s) <= 1e-12 * m, $"dB[{p},{j}]");
            }
        }
    }

    /// <summary>The same square matrix as both operands: both shadows are one buffer and get both contributions.</summary>
    [Fact]
    public void Pullback_SameMatrixTwice_AccumulatesBoth()
    {
        double[] x = [1, 2, 3, 4];
        var c = new double[4];
        SpanOps.MatMul<double>(x, x, 2, 2, 2, false, false, c);
        var dx = new double[4];
        SpanOps.MatMulPullback<double>(x, x, 2, 2, 2, false, false, c, [1, 0, 0, 0], dx, dx);
        // d(X X)_{00} / dX = e0 X[0,:] as dA's row 0 ... plus X[:,0] as dB's column 0: [1,3,0,0] + [1,0,2,0].
        Assert.Equal([2.0, 3.0, 2.0, 0.0], dx);
    }

    /// <summary>Negative sizes throw naming the size.</summary>
    [Fact]
    public void MatMul_NegativeSize_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SpanOps.MatMul<double>([], [], -1, 0, 0, false, false, []));
        Assert.Equal("m", ex.ParamName);
    }

    /// <summary>Zero inner size gives a zero matrix, overwriting what the output held.</summary>
    [Fact]
    public void MatMul_ZeroInnerSize_WritesZeros()
    {
        var c = Enumerable.Repeat(5.0, 6).ToArray();
        SpanOps.MatMul<double>([], [], 2, 0, 3, false, false, c);
        Assert.All(c, v => Assert.Equal(0.0, v));
    }
}
