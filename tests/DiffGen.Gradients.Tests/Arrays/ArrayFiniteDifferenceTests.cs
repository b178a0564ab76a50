using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;
using Xunit;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// Every array corpus case at several random points (fixed seed per case, away from kinks and ties):
/// the generated reverse-mode gradient against our own five-point central differences in double, and
/// forward mode against reverse mode (the tangent along v equals &lt;gradient, v&gt;). Float functions
/// are compared with finite differences of their double twin at the float-rounded point, at a float
/// tolerance.
/// </summary>
public sealed class ArrayFiniteDifferenceTests
{
    private const int PointsPerCase = 6;
    private const int DirectionsPerCase = 8;

    public static TheoryData<string> Names => ArrayCases.Names;

    [Fact]
    public void CaseTable_DistinctFunctions_AtLeast45()
    {
        int functions = ArrayCases.All.Select(c => c.Function).Distinct().Count();
        Assert.True(functions >= 45, $"only {functions} distinct array functions in the table");
        Assert.Equal(ArrayCases.All.Count, ArrayCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReverseMode_AtRandomPoints_MatchesCentralDifferences(string name)
    {
        var c = ArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name));
        for (int n = 0; n < PointsPerCase; n++)
        {
            double[][] x = c.Sample(random);
            var (value, gradient) = c.FlatGradient(x);
            double[] flat = c.Flatten(x);
            Func<double[], double> f = p => c.Value(c.Split(p));
            double[] fd = new double[flat.Length];
            for (int i = 0; i < flat.Length; i++) fd[i] = ArrayNumeric.CentralDifference(f, flat, i);

            // Double: 1e-6 relative, with the stencil's rounding noise (about eps |f| / h) as an absolute floor.
            // Float: the float gradient carries float rounding (about 1e-7 of each accumulated term), so
            // 1e-4 relative with an absolute floor of 1e-5 of the function's and gradient's scale.
            double relative = c.IsFloat ? 1e-4 : 1e-6;
            double absolute = c.IsFloat
                ? 1e-5 * (1 + Math.Abs(value) + fd.Max(Math.Abs))
                : 1e-8 * Math.Max(1.0, Math.Abs(value));
            for (int i = 0; i < flat.Length; i++)
            {
                Numeric.AssertClose(fd[i], gradient[i], relative, absolute,
                    $"{name} d/d{c.Coordinate(i)} at {ArrayNumeric.Format(x)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardMode_AlongRandomDirections_MatchesReverseMode(string name)
    {
        var c = ArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) ^ 0x2545f491);
        for (int n = 0; n < DirectionsPerCase; n++)
        {
            double[][] x = c.Sample(random);
            double[][] v = ArrayNumeric.RandomDirection(random, c.Slots, c.IsFloat);
            var (_, gradient) = c.FlatGradient(x);
            double[] flatV = c.Flatten(v);
            double dot = 0, scale = 0;
            for (int i = 0; i < gradient.Length; i++)
            {
                dot += gradient[i] * flatV[i];
                scale += Math.Abs(gradient[i] * flatV[i]);
            }
            double tangent = c.Tangent(x, v).Tangent;
            // Relative to the scale of the sum's terms, so cancellation in <g, v> does not inflate it.
            double relative = c.IsFloat ? 1e-4 : 1e-12;
            Numeric.AssertClose(dot, tangent, relative, relative * scale + 1e-300,
                $"{name} at {ArrayNumeric.Format(x)} along {ArrayNumeric.Format(v)}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientAndTangent_ReturnedValue_EqualsMethodValueBitForBit(string name)
    {
        var c = ArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 7);
        for (int n = 0; n < 3; n++)
        {
            double[][] x = c.Sample(random);
            double expected = c.Primal(x);
            double fromGradient = c.FlatGradient(x).Value;
            double fromTangent = c.Tangent(x, ArrayNumeric.RandomDirection(random, c.Slots, c.IsFloat)).Value;
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fromGradient),
                $"{name} at {ArrayNumeric.Format(x)}: method returns {expected:R}, Gradient returns {fromGradient:R}");
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(fromTangent),
                $"{name} at {ArrayNumeric.Format(x)}: method returns {expected:R}, Tangent returns {fromTangent:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_CalledTwiceWithFreshShadows_GivesIdenticalResults(string name)
    {
        var c = ArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 11);
        double[][] x = c.Sample(random);
        var (v1, g1) = c.FlatGradient(x);
        var (v2, g2) = c.FlatGradient(x);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v1), BitConverter.DoubleToInt64Bits(v2));
        Assert.Equal(g1.Select(BitConverter.DoubleToInt64Bits), g2.Select(BitConverter.DoubleToInt64Bits));
    }
}
