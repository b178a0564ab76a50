using System;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests;

/// <summary>
/// Generated derivative code has no hidden state and recomputes the primal exactly: calling
/// {M}Gradient twice gives identical results, and the value it returns is M's value bit for bit.
/// </summary>
public sealed class ReverseModePurityTests
{
    public static TheoryData<string> Names => GradientCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_CalledTwice_GivesIdenticalResults(string name)
    {
        var c = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 1);
        for (int n = 0; n < 5; n++)
        {
            double[] x = c.Sample(random);
            var (v1, g1) = c.Gradient(x);
            var (v2, g2) = c.Gradient(x);
            Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(v2));
            for (int i = 0; i < c.Arity; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(g1[i]), BitConverter.DoubleToInt64Bits(g2[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_ReturnedValue_EqualsMethodValueBitForBit(string name)
    {
        var c = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 2);
        for (int n = 0; n < 5; n++)
        {
            double[] x = c.Sample(random);
            double expected = c.Value(x);
            double actual = c.Gradient(x).Value;
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"{name} at {Numeric.Format(x)}: method returns {expected:R}, Gradient returns {actual:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Tangent_ReturnedValue_EqualsMethodValueBitForBit(string name)
    {
        var c = GradientCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 3);
        for (int n = 0; n < 5; n++)
        {
            double[] x = c.Sample(random);
            double expected = c.Value(x);
            double actual = c.Tangent(x, Numeric.RandomDirection(random, c.Arity)).Value;
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"{name} at {Numeric.Format(x)}: method returns {expected:R}, Tangent returns {actual:R}");
        }
    }

    [Fact]
    public void Gradient_InterleavedWithOtherFunctions_GivesSameResultsAsAlone()
    {
        // A shared pooled tape must not leak state between methods or calls.
        var loop = GradientCases.Get("FixedPointOfScaledCosine");
        var other = GradientCases.Get("RepeatedSine(n 10)");
        double[] a = { 0.55 };
        double[] b = { 1.1 };
        var alone = loop.Gradient(a);
        other.Gradient(b);
        var afterOther = loop.Gradient(a);
        Assert.Equal(alone.Value, afterOther.Value);
        Assert.Equal(alone.Gradient[0], afterOther.Gradient[0]);
    }
}
