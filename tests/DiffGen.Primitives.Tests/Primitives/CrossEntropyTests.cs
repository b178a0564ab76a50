using System;
using System.Collections.Generic;
using DiffGen.Primitives.Tests.Support;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary><see cref="SpanOps.CrossEntropy{T}"/> and its rules.</summary>
public sealed class CrossEntropyTests : PrimitiveTestBase
{
    /// <inheritdoc/>
    protected override IEnumerable<PrimitiveCase<T>> Cases<T>()
    {
        foreach ((int batch, int classes) in new[] { (1, 2), (4, 3), (5, 300) })
        {
            var rng = new Random(batch * 1000 + classes);
            int[] labels = new int[batch];
            for (int b = 0; b < batch; b++)
            {
                labels[b] = rng.Next(classes);
            }

            yield return new PrimitiveCase<T>
            {
                Name = $"CrossEntropy {batch}x{classes}",
                InputNames = ["logits"],
                ScalarInputs = [false],
                Inputs = [Sample.Uniform(rng, batch * classes, -3, 3)],
                OutputLength = 1,
                Primal = (x, y) => y.Span[0] = SpanOps.CrossEntropy<T>(x[0].Span, labels, classes),
                Pullback = (x, y, dy, dx) => SpanOps.CrossEntropyPullback<T>(x[0].Span, labels, classes, dy.Span[0], dx[0].Span),
                Tangent = (x, tx, y, ty) => (y.Span[0], ty.Span[0]) = SpanOps.CrossEntropyTangent<T>(x[0].Span, labels, classes, tx[0].Span),
            };
        }
    }

    /// <summary>Matches the definition: mean over rows of -log softmax at the label.</summary>
    [Fact]
    public void CrossEntropy_SmallBatch_MatchesDefinition()
    {
        double[] logits = [1, 2, 3, -1, 0, 1];
        int[] labels = [2, 0];
        double row0 = -(3 - Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        double row1 = -(-1 - Math.Log(Math.Exp(-1) + Math.Exp(0) + Math.Exp(1)));
        Assert.Equal((row0 + row1) / 2, SpanOps.CrossEntropy<double>(logits, labels, 3), 14);
    }

    /// <summary>A label outside [0, classes) throws naming labels.</summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void CrossEntropy_LabelOutOfRange_ThrowsNamingLabels(int label)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SpanOps.CrossEntropy<double>(new double[6], [0, label], 3));
        Assert.Equal("labels", ex.ParamName);
    }

    /// <summary>Logits that are not batch x classes throw naming logits.</summary>
    [Fact]
    public void CrossEntropy_LogitsNotBatchByClasses_ThrowsNamingLogits()
    {
        var ex = Assert.Throws<ArgumentException>(() => SpanOps.CrossEntropy<double>(new double[7], [0, 1], 3));
        Assert.Equal("logits", ex.ParamName);
    }
}
