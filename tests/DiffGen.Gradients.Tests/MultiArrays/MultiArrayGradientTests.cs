using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.MultiArrays.MultiArrayFunctions;

namespace DiffGen.Gradients.Tests.MultiArrays;

/// <summary>
/// Functions over 2-D (T[,]) and jagged (T[][]) arrays: the generated reverse-mode gradient, with
/// shadows of the arguments' shapes, against five-point central differences in double; forward mode
/// along random directions of the same shapes against the reverse gradient; shape mismatches between an
/// array and its shadow or direction; shadows accumulated like 1-D ones.
/// </summary>
public sealed class MultiArrayGradientTests
{
    private const int Points = 5;

    public static TheoryData<string> Names => MultiArrayCases.Names;

    [Fact]
    public void CaseTable_DistinctFunctions_AtLeast12()
        => Assert.True(MultiArrayCases.All.Select(c => c.Name).Distinct().Count() >= 12);

    [Theory]
    [MemberData(nameof(Names))]
    public void ReverseMode_AtRandomPoints_MatchesCentralDifferences(string name)
    {
        var c = MultiArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name));
        int n = c.Shapes.Sum(s => s.Count);
        for (int p = 0; p < Points; p++)
        {
            double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray();
            var inputs = MultiArrayInputs.FromFlat(c.Shapes, x);
            var shadows = MultiArrayInputs.Zero(c.Shapes);
            double value = c.Gradient(inputs, shadows);
            Assert.Equal(c.Value(inputs), value, 12);
            double[] gradient = shadows.Flatten();
            Func<double[], double> f = q => c.Value(MultiArrayInputs.FromFlat(c.Shapes, q));
            for (int i = 0; i < n; i++)
                Numeric.AssertClose(ArrayNumeric.CentralDifference(f, x, i), gradient[i], 1e-6, 1e-8 * Math.Max(1, Math.Abs(value)), $"{name} d/dx[{i}]");
            // The inputs are read, never written.
            Assert.Equal(x, inputs.Flatten());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ForwardMode_AlongRandomDirections_MatchesReverseMode(string name)
    {
        var c = MultiArrayCases.Get(name);
        var random = new Random(Numeric.StableSeed(name) + 1);
        int n = c.Shapes.Sum(s => s.Count);
        for (int p = 0; p < Points; p++)
        {
            var inputs = MultiArrayInputs.FromFlat(c.Shapes, Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray());
            double[] direction = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var shadows = MultiArrayInputs.Zero(c.Shapes);
            c.Gradient(inputs, shadows);
            double expected = shadows.Flatten().Zip(direction, (g, v) => g * v).Sum();
            double tangent = c.Tangent(inputs, MultiArrayInputs.FromFlat(c.Shapes, direction));
            Numeric.AssertClose(expected, tangent, 1e-10, 1e-12, $"{name} tangent");
        }
    }

    [Fact]
    public void Gradient_CalledTwice_AccumulatesIntoRectangularAndJaggedShadows()
    {
        double[,] x = { { 0.1, 0.2, -0.3 }, { 0.4, -0.5, 0.6 } };
        double[][] w = { new[] { 0.3, -0.1 }, new[] { 0.2 }, new[] { -0.4, 0.5, 0.7 } };
        double[,] dx = new double[2, 3];
        double[][] dw = { new double[2], new double[1], new double[3] };
        F.MixedGradient(x, w, 0.2, dx, dw, out double db1);
        var once = ((double[,])dx.Clone(), dw.Select(r => (double[])r.Clone()).ToArray());
        F.MixedGradient(x, w, 0.2, dx, dw, out double db2);
        Assert.Equal(db1, db2);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(2 * once.Item1[i, j], dx[i, j], 12);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < dw[i].Length; j++) Assert.Equal(2 * once.Item2[i][j], dw[i][j], 12);
        Assert.Contains(dx.Cast<double>(), v => v != 0);
    }

    [Fact]
    public void Gradient_RectangularShadowOfAnotherShape_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => F.SumSquaresGradient(new double[2, 3], new double[3, 2]));
        Assert.Equal("da", e.ParamName);
        Assert.Contains("2 x 3", e.Message);
    }

    [Fact]
    public void Gradient_JaggedShadowWithAShorterRow_ThrowsNamingItAndWritesNothing()
    {
        double[][] b = { new[] { 1.0, 2.0 }, new[] { 3.0 } };
        double[][] db = { new[] { 7.0, 7.0 }, Array.Empty<double>() };
        var e = Assert.Throws<ArgumentException>(() => F.JaggedSumCubesGradient(b, db));
        Assert.Equal("db", e.ParamName);
        Assert.Equal(new[] { 7.0, 7.0 }, db[0]);
    }

    [Fact]
    public void Tangent_JaggedDirectionWithOtherRowCount_ThrowsNamingIt()
    {
        double[][] b = { new[] { 1.0, 2.0 }, new[] { 3.0 } };
        var e = Assert.Throws<ArgumentException>(() => F.JaggedSumCubesTangent(b, new[] { new[] { 1.0, 0.0 } }));
        Assert.Equal("tb", e.ParamName);
    }

    [Fact]
    public void Gradient_JaggedArrayWithANullRow_ThrowsNamingTheArray()
    {
        double[][] b = { new[] { 1.0 }, null! };
        var e = Assert.Throws<ArgumentException>(() => F.JaggedSumCubesGradient(b, new[] { new double[1], new double[1] }));
        Assert.Equal("b", e.ParamName);
    }

    [Fact]
    public void Gradient_EmptyArrays_ReturnZeroWithoutThrowing()
    {
        Assert.Equal(0, F.SumSquaresGradient(new double[0, 3], new double[0, 3]));
        Assert.Equal(0, F.JaggedSumCubesGradient(Array.Empty<double[]>(), Array.Empty<double[]>()));
    }

    [Fact]
    public void GradientCheck_OnMixedArrays_Passes()
    {
        double[,] x = { { 0.1, 0.2, -0.3 }, { 0.4, -0.5, 0.6 } };
        double[][] w = { new[] { 0.3, -0.1 }, new[] { 0.2 } };
        var result = F.MixedGradientCheck(x, w, 0.2);
        Assert.True(result.Passed(1e-6, 1e-8), result.ToString());
        Assert.Equal(6 + 3 + 1, result.Reverse.Length);
    }

    [Fact]
    public void FloatMatrix_Gradient_MatchesCentralDifferencesOfTheDoubleFunction()
    {
        float[,] a = { { 0.1f, -0.7f }, { 0.5f, 0.3f } };
        float[,] da = new float[2, 2];
        F.FloatSumGradient(a, 1.3f, da, out float dc);
        double c = 1.3f;
        double expectedDc = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(c * Math.Cos(c * a[i, j]), da[i, j], 5);
                expectedDc += a[i, j] * Math.Cos(c * a[i, j]);
            }
        Assert.Equal(expectedDc, dc, 5);
        var (_, tangent) = F.FloatSumTangent(a, 1.3f, new float[2, 2] { { 1, 0 }, { 0, 0 } }, 0f);
        Assert.Equal(da[0, 0], tangent, 5);
    }

    [Fact]
    public void Pullback_FromShadowsThatStartNonZero_AddsSeedTimesTheGradient()
    {
        double[,] x = { { 0.1, 0.2, -0.3 }, { 0.4, -0.5, 0.6 } };
        double[][] w = { new[] { 0.3, -0.1 }, new[] { 0.2 }, new[] { -0.4, 0.5, 0.7 } };
        double[,] dx = new double[2, 3];
        double[][] dw = { new double[2], new double[1], new double[3] };
        F.MixedGradient(x, w, 0.2, dx, dw, out double db);
        double[,] px = { { 1, 1, 1 }, { 1, 1, 1 } };
        double[][] pw = { new[] { 2.0, 2.0 }, new[] { 2.0 }, new[] { 2.0, 2.0, 2.0 } };
        double pb = 3;
        F.MixedPullback(x, w, 0.2, -1.5, px, pw, ref pb);
        Assert.Equal(3 - 1.5 * db, pb, 12);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(1 - 1.5 * dx[i, j], px[i, j], 12);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < w[i].Length; j++) Assert.Equal(2 - 1.5 * dw[i][j], pw[i][j], 12);
    }
}
