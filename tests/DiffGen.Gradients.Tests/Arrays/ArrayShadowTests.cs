using System;
using System.Linq;
using DiffGen.Gradients.Tests.Arrays.Corpus;
using DiffGen.Gradients.Tests.Arrays.Support;
using DiffGen.Gradients.Tests.Support;
using Xunit;
using F = DiffGen.Gradients.Tests.Arrays.Corpus.FloatArrayFunctions;
using M = DiffGen.Gradients.Tests.Arrays.Corpus.ModelFunctions;
using R = DiffGen.Gradients.Tests.Arrays.Corpus.ReductionFunctions;
using Rec = DiffGen.Gradients.Tests.Arrays.Corpus.RecurrenceFunctions;

namespace DiffGen.Gradients.Tests.Arrays;

/// <summary>
/// The shadow conventions for array parameters: Span shadows accumulate (+=) while scalar out shadows
/// are overwritten; shadows and tangents of the wrong length throw ArgumentException naming the
/// parameter; an index out of range inside the method surfaces as IndexOutOfRangeException with the
/// shadows untouched, and the next call is unaffected.
/// </summary>
public sealed class ArrayShadowTests
{
    private const double Sentinel = 7.25;

    private static double[] Filled(int length, double value) => Enumerable.Repeat(value, length).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Numeric.AssertClose(expected[i], actual[i], relative, 1e-300, $"{what}[{i}]");
    }

    // ---- accumulation ----

    [Fact]
    public void DotArraysGradient_CalledTwiceIntoSameBuffers_DoublesShadows()
    {
        double[] x = { 0.5, -1.25, 2.0, 0.75 }, y = { 1.5, 0.25, -0.5, 3.0 };
        var dx = new double[4];
        var dy = new double[4];
        R.DotArraysGradient(x, y, dx, dy);
        R.DotArraysGradient(x, y, dx, dy);
        Assert.Equal(y.Select(v => 2 * v), dx);
        Assert.Equal(x.Select(v => 2 * v), dy);
    }

    [Fact]
    public void DotArraysGradient_IntoPrefilledBuffers_AddsToExistingValues()
    {
        double[] x = { 0.5, -1.25, 2.0 }, y = { 1.5, 0.25, -0.5 };
        double[] dx = { 10, 20, 30 }, dy = { -1, -2, -3 };
        R.DotArraysGradient(x, y, dx, dy);
        Assert.Equal(new[] { 10 + 1.5, 20 + 0.25, 30 - 0.5 }, dx);
        Assert.Equal(new[] { -1 + 0.5, -2 - 1.25, -3 + 2.0 }, dy);
    }

    [Fact]
    public void HornerGradient_CalledTwiceIntoSameBuffers_DoublesArrayShadowAndOverwritesScalarShadow()
    {
        double[] c = { 1.0, -2.0, 0.5, 3.0, -1.0 };
        double x = 0.7;
        var once = new double[5];
        Rec.HornerGradient(c, x, once, out double dxOnce);
        var twice = new double[5];
        Rec.HornerGradient(c, x, twice, out _);
        Rec.HornerGradient(c, x, twice, out double dxTwice);
        Assert.Equal(once.Select(v => 2 * v), twice);
        Assert.Equal(dxOnce, dxTwice);
    }

    [Fact]
    public void LeastSquaresGradient_CalledTwiceIntoSameBuffers_DoublesAllThreeShadows()
    {
        var random = new Random(301);
        double[] a = Enumerable.Range(0, 12).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] x = { 0.3, -0.8, 1.1 }, b = { 0.5, -0.5, 0.25, 1.0 };
        double[] da1 = new double[12], dx1 = new double[3], db1 = new double[4];
        M.LeastSquaresGradient(a, x, b, da1, dx1, db1);
        double[] da2 = new double[12], dx2 = new double[3], db2 = new double[4];
        M.LeastSquaresGradient(a, x, b, da2, dx2, db2);
        M.LeastSquaresGradient(a, x, b, da2, dx2, db2);
        // Within one call an element may receive several contributions, so doubling is exact only up to rounding.
        AssertClose(da1.Select(v => 2 * v).ToArray(), da2, 1e-15, "dA");
        AssertClose(dx1.Select(v => 2 * v).ToArray(), dx2, 1e-15, "dx");
        AssertClose(db1.Select(v => 2 * v).ToArray(), db2, 1e-15, "db");
    }

    [Fact]
    public void TwoSlotRecurrenceGradient_CalledTwiceIntoSameBuffer_DoublesArrayShadow()
    {
        double[] a = { 0.9, -1.1, 0.4 };
        var once = new double[3];
        Rec.TwoSlotRecurrenceGradient(a, 0.6, 11, once, out double dx0Once);
        var twice = new double[3];
        Rec.TwoSlotRecurrenceGradient(a, 0.6, 11, twice, out _);
        Rec.TwoSlotRecurrenceGradient(a, 0.6, 11, twice, out double dx0Twice);
        Assert.All(once, v => Assert.NotEqual(0.0, v));
        AssertClose(once.Select(v => 2 * v).ToArray(), twice, 1e-15, "da");
        Assert.Equal(dx0Once, dx0Twice);
    }

    [Fact]
    public void DotFGradient_CalledTwiceIntoSameBuffers_DoublesShadows()
    {
        float[] x = { 0.5f, -1.25f, 2f }, y = { 1.5f, 0.25f, -0.5f };
        var dx = new float[3];
        var dy = new float[3];
        F.DotFGradient(x, y, dx, dy);
        F.DotFGradient(x, y, dx, dy);
        Assert.Equal(y.Select(v => 2 * v), dx);
        Assert.Equal(x.Select(v => 2 * v), dy);
    }

    [Fact]
    public void LogisticRegressionLossGradient_SummedOverTwoBatchesIntoOneBuffer_EqualsGradientOfTheSum()
    {
        // Mini-batch accumulation: two calls on two halves of the data sum into one weight shadow.
        double[] w = { 0.4, -0.3, 0.8 };
        double[] features = ArrayCases.LogisticFeatures;
        int[] labels = ArrayCases.LogisticLabels;
        var dwAll = new double[3];
        M.LogisticRegressionLossGradient(w, 0.1, features, labels, dwAll, out _);
        var dwSum = new double[3];
        M.LogisticRegressionLossGradient(w, 0.1, features.AsSpan(0, 6).ToArray(), labels.AsSpan(0, 2).ToArray(), dwSum, out _);
        M.LogisticRegressionLossGradient(w, 0.1, features.AsSpan(6).ToArray(), labels.AsSpan(2).ToArray(), dwSum, out _);
        AssertClose(dwAll, dwSum, 1e-14, "dw");
    }

    // ---- wrong lengths ----

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void DotArraysGradient_SecondShadowWrongLength_ThrowsNamingDyAndLeavesDxUntouched(int length)
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        double[] dx = Filled(4, Sentinel);
        var e = Assert.Throws<ArgumentException>(() => R.DotArraysGradient(x, y, dx, new double[length]));
        Assert.Equal("dy", e.ParamName);
        Assert.All(dx, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void DotArraysGradient_FirstShadowWrongLength_ThrowsNamingDx()
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        var e = Assert.Throws<ArgumentException>(() => R.DotArraysGradient(x, y, new double[2], new double[4]));
        Assert.Equal("dx", e.ParamName);
    }

    [Fact]
    public void DotSpansGradient_EmptyShadowForNonEmptyParameter_ThrowsNamingDx()
    {
        double[] x = { 1, 2 }, y = { 3, 4 };
        var e = Assert.Throws<ArgumentException>(() => R.DotSpansGradient(x, y, Span<double>.Empty, new double[2]));
        Assert.Equal("dx", e.ParamName);
    }

    [Fact]
    public void DotArraysTangent_TangentWrongLength_ThrowsNamingTy()
    {
        double[] x = { 1, 2, 3, 4 }, y = { 4, 3, 2, 1 };
        var e = Assert.Throws<ArgumentException>(() => R.DotArraysTangent(x, y, new double[4], new double[3]));
        Assert.Equal("ty", e.ParamName);
    }

    [Fact]
    public void HornerGradient_CoefficientShadowWrongLength_ThrowsNamingDc()
    {
        double[] c = { 1, 2, 3 };
        var e = Assert.Throws<ArgumentException>(() => Rec.HornerGradient(c, 0.5, new double[4], out _));
        Assert.Equal("dc", e.ParamName);
    }

    [Fact]
    public void LeastSquaresGradientAndTangent_MatrixShadowOrTangentWrongLength_ThrowNamingIt()
    {
        double[] a = new double[12], x = new double[3], b = new double[4];
        var e = Assert.Throws<ArgumentException>(() => M.LeastSquaresGradient(a, x, b, new double[11], new double[3], new double[4]));
        Assert.Equal("da", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => M.LeastSquaresGradient(a, x, b, new double[12], new double[3], new double[5]));
        Assert.Equal("db", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => M.LeastSquaresTangent(a, x, b, new double[12], new double[2], new double[4]));
        Assert.Equal("tx", e.ParamName);
    }

    [Fact]
    public void DotFGradient_ShadowWrongLength_ThrowsNamingDy()
    {
        float[] x = { 1, 2 }, y = { 3, 4 };
        var e = Assert.Throws<ArgumentException>(() => F.DotFGradient(x, y, new float[2], new float[1]));
        Assert.Equal("dy", e.ParamName);
    }

    // ---- indices out of range ----

    [Fact]
    public void ShiftedDotGradient_ReadPastEnd_ThrowsIndexOutOfRangeAndLeavesShadowsUntouched()
    {
        double[] x = { 0.1, 0.2, 0.3, 0.4, 0.5 }, y = { 1, 2, 3, 4, 5 };
        double[] dx = Filled(5, Sentinel), dy = Filled(5, -Sentinel);
        Assert.Throws<IndexOutOfRangeException>(() => IndexErrorFunctions.ShiftedDotGradient(x, y, 1, dx, dy));
        Assert.All(dx, v => Assert.Equal(Sentinel, v));
        Assert.All(dy, v => Assert.Equal(-Sentinel, v));
    }

    [Fact]
    public void ShiftedDotTangent_ReadPastEnd_ThrowsIndexOutOfRange()
    {
        double[] x = { 0.1, 0.2, 0.3 }, y = { 1, 2, 3 };
        Assert.Throws<IndexOutOfRangeException>(() => IndexErrorFunctions.ShiftedDotTangent(x, y, 1, x, y));
    }

    [Fact]
    public void ShiftedDotGradient_AfterLongLoopThrew_NextCallMatchesClosedForm()
    {
        // 60 recorded iterations before the failing read: whatever the primal sweep had recorded must
        // not leak into the shadows or into the next call.
        var random = new Random(302);
        double[] x = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] y = Enumerable.Range(0, 60).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] dx = Filled(60, Sentinel), dy = Filled(60, Sentinel);
        Assert.Throws<IndexOutOfRangeException>(() => IndexErrorFunctions.ShiftedDotGradient(x, y, 1, dx, dy));
        Assert.All(dx, v => Assert.Equal(Sentinel, v));
        Assert.All(dy, v => Assert.Equal(Sentinel, v));

        dx = new double[60];
        dy = new double[60];
        double value = IndexErrorFunctions.ShiftedDotGradient(x, y, 0, dx, dy);
        Assert.Equal(IndexErrorFunctions.ShiftedDot(x, y, 0), value);
        for (int i = 0; i < 60; i++)
        {
            Numeric.AssertClose(Math.Cos(x[i]) * y[i], dx[i], 1e-15, 1e-300, $"dx[{i}]");
            Numeric.AssertClose(Math.Sin(x[i]), dy[i], 1e-15, 1e-300, $"dy[{i}]");
        }
    }

    [Fact]
    public void LocalWritePastEndGradient_WritePastLocalArray_ThrowsIndexOutOfRangeAndLeavesShadowUntouched()
    {
        double[] x = { 0.5, -1.0, 1.5, 2.0 };
        double[] dx = Filled(4, Sentinel);
        Assert.Throws<IndexOutOfRangeException>(() => IndexErrorFunctions.LocalWritePastEndGradient(x, 0.5, 6, dx, out _));
        Assert.All(dx, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void LocalWritePastEndGradient_CountWithinRange_MatchesClosedForm()
    {
        double[] x = { 0.5, -1.0, 1.5, 2.0 };
        var dx = new double[4];
        double value = IndexErrorFunctions.LocalWritePastEndGradient(x, 0.5, 3, dx, out double dscale);
        Assert.Equal(0.5 * (0.25 + 1.0 + 2.25), value, 15);
        Assert.Equal(new[] { 2 * 0.5 * 0.5, 2 * 0.5 * -1.0, 2 * 0.5 * 1.5, 0.0 }, dx);
        Assert.Equal(0.25 + 1.0 + 2.25, dscale, 15);
    }

    [Fact]
    public void EmptyGuardThenSquaredSumGradient_EmptySpanAndEmptyShadow_ReturnsZeroWithoutThrowing()
    {
        double value = InPlaceFunctions.EmptyGuardThenSquaredSumGradient(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        Assert.Equal(0.0, value);
        var (v, t) = InPlaceFunctions.EmptyGuardThenSquaredSumTangent(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty);
        Assert.Equal((0.0, 0.0), (v, t));
    }
}
