using System;
using Xunit;

namespace DiffGen.Primitives.Tests.Primitives;

/// <summary>The kink counters' collection runs alone: the counters are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KinkCounterCollection
{
    public const string Name = "KinkCounters";
}

/// <summary>
/// <see cref="SpanOps.Relu{T}(ReadOnlySpan{T}, T, Span{T})"/>: relu'(0) chosen by the caller, pinned at exact
/// zeros in the pullback and the tangent (the SIMD body and the scalar tail), equal to the two-argument
/// rectifier elsewhere; and both rectifiers' zeros counted by <see cref="KinkCounters"/> when it is on.
/// </summary>
[Collection(KinkCounterCollection.Name)]
public sealed class ReluAtZeroTests
{
    /// <summary>19 elements, a third of them exactly 0 (one in the scalar tail), the others ±0.5.</summary>
    private static double[] Inputs()
    {
        var x = new double[19];
        for (int i = 0; i < x.Length; i++) x[i] = (i % 3) switch { 0 => 0.0, 1 => 0.5, _ => -0.5 };
        x[18] = -0.0;
        return x;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.25)]
    public void Rules_AtZero_UseTheGivenDerivative(double atZero)
    {
        var x = Inputs();
        var result = new double[x.Length];
        SpanOps.Relu<double>(x, atZero, result);
        var seed = new double[x.Length];
        Array.Fill(seed, 2.0);
        var dx = new double[x.Length];
        Array.Fill(dx, 1.0);
        SpanOps.ReluPullback<double>(x, atZero, result, seed, dx);
        var tresult = new double[x.Length];
        SpanOps.ReluTangent<double>(x, atZero, new double[x.Length], seed, tresult);
        for (int i = 0; i < x.Length; i++)
        {
            double derivative = x[i] > 0 ? 1.0 : x[i] < 0 ? 0.0 : atZero;
            Assert.Equal(Math.Max(x[i], 0), result[i]);
            Assert.Equal(1.0 + 2.0 * derivative, dx[i]);
            Assert.Equal(2.0 * derivative, tresult[i]);
        }
    }

    [Fact]
    public void Rules_AwayFromZero_EqualTheTwoArgumentRectifiers()
    {
        var random = new Random(3);
        var x = new float[37];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        var seed = new float[x.Length];
        for (int i = 0; i < x.Length; i++) seed[i] = (float)random.NextDouble();
        float[] dxPlain = new float[x.Length], dxChosen = new float[x.Length], result = new float[x.Length];
        SpanOps.Relu<float>(x, result);
        SpanOps.ReluPullback<float>(x, result, seed, dxPlain);
        SpanOps.ReluPullback<float>(x, 1f, result, seed, dxChosen);
        Assert.Equal(dxPlain, dxChosen);
        float[] tPlain = new float[x.Length], tChosen = new float[x.Length];
        SpanOps.ReluTangent<float>(x, new float[x.Length], seed, tPlain);
        SpanOps.ReluTangent<float>(x, 1f, new float[x.Length], seed, tChosen);
        Assert.Equal(tPlain, tChosen);
    }

    [Fact]
    public void Rules_CountTheirZeros_OnlyWhenCountingIsOn()
    {
        var x = Inputs();  // 7 exact zeros (one of them -0.0)
        var result = new double[x.Length];
        var seed = new double[x.Length];
        var dx = new double[x.Length];
        var t = new double[x.Length];
        KinkCounters.Disable();
        KinkCounters.Reset();
        SpanOps.ReluPullback<double>(x, result, seed, dx);
        Assert.Equal(0, KinkCounters.Snapshot().Total);
        KinkCounters.Enable();
        try
        {
            SpanOps.ReluPullback<double>(x, result, seed, dx);
            SpanOps.ReluTangent<double>(x, 1.0, result, seed, t);
            SpanOps.ReluPullback<double>(x, result, seed, Span<double>.Empty); // no derivative wanted: nothing applied, nothing counted
        }
        finally
        {
            KinkCounters.Disable();
        }
        var counts = KinkCounters.Snapshot();
        KinkCounters.Reset();
        Assert.Equal(14, counts.At(SpanOps.ReluKinkName, KinkSite.OutsideGeneratedCode, 0));
    }
}
