using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.LogSumExp{T}"/> and its rules.</summary>
public sealed class LogSumExpTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach (int n in CaseBuilders.Lengths)
        {
            var rng = new Random(n);
            yield return new PrimitiveCase<T>
            {
                Name = $"LogSumExp n={n}",
                InputNames = ["x"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, n, -2, 2)],
                OutputLength = 1,
                Primal = (x, y) => y.Span[0] = SpanOps.LogSumExp<T>(x[0].Span),
                Pullback = (x, y, dy, dx) => SpanOps.LogSumExpPullback<T>(x[0].Span, dy.Span[0], dx[0].Span),
                Tangent = (x, tx, y, ty) => (y.Span[0], ty.Span[0]) = SpanOps.LogSumExpTangent<T>(x[0].Span, tx[0].Span),
            };
        }
    }

    /// <summary>Large inputs do not overflow (the maximum is shifted out), and the gradient is the softmax.</summary>
    [Fact]
    public void LogSumExp_LargeInputs_IsStable()
    {
        double[] x = [1000, 1000, 999];
        double expected = 1000 + Math.Log(2 + Math.Exp(-1));
        Assert.Equal(expected, SpanOps.LogSumExp<double>(x), 12);
        var dx = new double[3];
        SpanOps.LogSumExpPullback<double>(x, 1.0, dx);
        double z = 2 + Math.Exp(-1);
        Assert.Equal(1 / z, dx[0], 1e-12); // lse ~ 1000 carries an ulp of 1e-13 into exp(x - lse)
        Assert.Equal(Math.Exp(-1) / z, dx[2], 1e-12);
        Assert.Equal(1000f + MathF.Log(2 + MathF.Exp(-1)), SpanOps.LogSumExp<float>([1000f, 1000f, 999f]), 3);
    }

    /// <summary>All -inf gives -inf (an empty sum's log), not NaN.</summary>
    [Fact]
    public void LogSumExp_AllNegativeInfinity_IsNegativeInfinity()
        => Assert.Equal(double.NegativeInfinity, SpanOps.LogSumExp<double>([double.NegativeInfinity, double.NegativeInfinity]));
}
