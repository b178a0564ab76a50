using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.AddBias{T}"/> and its rules.</summary>
public sealed class AddBiasTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach ((int rows, int columns) in new[] { (1, 1), (3, 5), (7, 17), (4, 40) })
        {
            var rng = new Random(rows * 100 + columns);
            yield return new PrimitiveCase<T>
            {
                Name = $"AddBias {rows}x{columns}",
                InputNames = ["x", "bias"],
                ScalarInputs = [false, false],
                Inputs = [Sample.Uniform(rng, rows * columns), Sample.Uniform(rng, columns)],
                OutputName = "result",
                OutputLength = rows * columns,
                Primal = (x, y) => SpanOps.AddBias<T>(x[0].Span, x[1].Span, y.Span),
                Pullback = (x, y, dy, dx) => SpanOps.AddBiasPullback<T>(x[0].Span, x[1].Span, y.Span, dy.Span, dx[0].Span, dx[1].Span),
                Tangent = (x, tx, y, ty) => SpanOps.AddBiasTangent<T>(x[0].Span, x[1].Span, y.Span, tx[0].Span, tx[1].Span, ty.Span),
            };
        }
    }

    /// <summary>The broadcast itself, against the definition written out.</summary>
    [Fact]
    public void AddBias_AddsTheBiasToEveryRow()
    {
        double[] x = { 1, 2, 3, 4, 5, 6 }, bias = { 10, 20, 30 }, result = new double[6];
        SpanOps.AddBias<double>(x, bias, result);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, result);
    }

    /// <summary>A length that is not a whole number of rows throws naming x.</summary>
    [Fact]
    public void AddBias_RaggedInput_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpanOps.AddBias<double>(new double[5], new double[3], new double[5]));
        Assert.Equal("x", ex.ParamName);
    }
}
