using System;
using System.Numerics;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class ElementwiseKernelTests
{
    private static (T[][] Data, T[][] State) Run<T>(string name, KernelPath path, int[] lengths, int steps)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var ps = OptimizerCatalog.RandomParameters<T>(42, lengths);
        var o = OptimizerCatalog.Create(name, ps);
        o.Optimizer.KernelPath = path;
        for (int k = 0; k < steps; k++)
        {
            OptimizerCatalog.FillGradients(ps, k);
            Assert.True(o.Step());
        }

        var data = Array.ConvertAll(ps, p => p.Data);
        var state = new System.Collections.Generic.List<T[]>();
        foreach (var p in ps)
            foreach (var key in o.Optimizer.GetState(p)!.BufferNames) state.Add(o.Optimizer.GetState(p)![key]);
        return (data, state.ToArray());
    }

    /// <summary>Same rule, same IEEE operations, no FMA contraction: the SIMD driver (with its scalar tail and its
    /// parallel chunks) is bitwise equal to the scalar reference, in both precisions.</summary>
    [Theory]
    [MemberData(nameof(OptimizerCatalog.All), MemberType = typeof(OptimizerCatalog))]
    public void SimdAndParallel_AreBitwiseEqualToScalarReference(string name)
    {
        int[] lengths = [1003, 5, ElementwiseKernel.ParallelThreshold + ElementwiseKernel.ChunkSize + 13];
        var a = Run<double>(name, KernelPath.Scalar, lengths, 6);
        var b = Run<double>(name, KernelPath.Simd, lengths, 6);
        Assert.Equal(a.Data, b.Data);
        Assert.Equal(a.State, b.State);
        Assert.NotEqual(OptimizerCatalog.RandomParameters<double>(42, lengths)[0].Data, a.Data[0]);
        var c = Run<float>(name, KernelPath.Scalar, lengths, 6);
        var d = Run<float>(name, KernelPath.Simd, lengths, 6);
        Assert.Equal(c.Data, d.Data);
        Assert.Equal(c.State, d.State);
    }

    public static TheoryData<string> LaneNames() => new("Vector256", "Vector512");

    /// <summary>Each SIMD lane, driven directly, equals the scalar lane on the same rule (lanes absent on this CPU are skipped by assertion of support).</summary>
    [Theory]
    [MemberData(nameof(LaneNames))]
    public void EachVectorLane_MatchesScalarLane_OnRprop(string lane)
    {
        bool supported = lane == "Vector256" ? Vector256Lane<float>.IsSupported : Vector512Lane<float>.IsSupported;
        var rule = new RpropRule(new RpropOptions());
        float[] MakeState(int seed) { var r = new Random(seed); var s = new float[77]; for (int i = 0; i < s.Length; i++) s[i] = (float)(r.NextDouble() - 0.5); return s; }
        float[] p1 = MakeState(1), g = MakeState(2), prev1 = MakeState(3), step1 = Array.ConvertAll(MakeState(4), Math.Abs);
        g[3] = 0; prev1[5] = 0;
        float[] p2 = (float[])p1.Clone(), prev2 = (float[])prev1.Clone(), step2 = (float[])step1.Clone();
        ElementwiseKernel.RunLane<float, RpropRule, ScalarLane<float>>(rule, p1, g, prev1, step1, default);
        if (!supported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => ElementwiseKernel.RunLane<float, RpropRule, Vector512Lane<float>>(rule, p2, g, prev2, step2, default));
            return;
        }

        if (lane == "Vector256") ElementwiseKernel.RunLane<float, RpropRule, Vector256Lane<float>>(rule, p2, g, prev2, step2, default);
        else ElementwiseKernel.RunLane<float, RpropRule, Vector512Lane<float>>(rule, p2, g, prev2, step2, default);
        Assert.Equal(p1, p2);
        Assert.Equal(prev1, prev2);
        Assert.Equal(step1, step2);
    }

    [Fact]
    public void Run_MismatchedGradientLength_ThrowsNamingGrad()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ElementwiseKernel.Run(KernelPath.Simd, new SgdRule(new SgdOptions(), true), new double[4], new double[3], default, default, default));
        Assert.Equal("grad", ex.ParamName);
    }

    [Fact]
    public void Run_MismatchedStateLength_ThrowsNamingSlot()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            ElementwiseKernel.Run(KernelPath.Simd, new AdamRule(new AdamOptions(), 1, false), new double[4], new double[4], new double[4], new double[5], default));
        Assert.Equal("state1", ex.ParamName);
    }
}
