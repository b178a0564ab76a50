using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AdagradNormTests
{
    /// <summary>The rule written directly from Ward, Wu and Bottou: one accumulator over all coordinates.</summary>
    private static double[] Reference(int n, int steps, double lr, double b0Squared, double eps, bool maximize)
    {
        double[] x = GlobalNormTestProblem.Start(n);
        double q = b0Squared;
        for (int k = 0; k < steps; k++)
        {
            double[] g = x.Select((v, j) => GlobalNormTestProblem.Gradient(j, v, k)).ToArray();
            q += g.Sum(v => v * v);
            double s = lr / (Math.Sqrt(q) + eps);
            for (int j = 0; j < n; j++) x[j] = maximize ? x[j] + s * g[j] : x[j] - s * g[j];
        }

        return x;
    }

    [Theory]
    [InlineData(KernelPath.Scalar, false)]
    [InlineData(KernelPath.Simd, false)]
    [InlineData(KernelPath.Simd, true)]
    public void Steps_MatchScalarReference(KernelPath path, bool maximize)
    {
        var ps = GlobalNormTestProblem.Parameters<double>(37, 9, 70);
        var o = new AdagradNorm<double>(ps, new AdagradNormOptions { Lr = 0.5, InitialAccumulatorValue = 0.25, Maximize = maximize }) { KernelPath = path };
        for (int k = 0; k < 12; k++)
        {
            GlobalNormTestProblem.FillGradients(ps, k);
            Assert.True(o.Step());
        }

        GlobalNormTestProblem.AssertClose(Reference(116, 12, 0.5, 0.25, 1e-10, maximize), GlobalNormTestProblem.Concat(ps), 1e-13);
        Assert.Equal(12, o.K);
        Assert.Equal(12, o.GetState(ps[1])!.Step);
    }

    [Fact]
    public void LargeParameter_ParallelSimd_MatchesScalarPath()
    {
        int n = ElementwiseKernel.ParallelThreshold + 1001;
        double[] Run(KernelPath path)
        {
            var ps = GlobalNormTestProblem.Parameters<double>(n);
            var o = new AdagradNorm<double>(ps, new AdagradNormOptions { Lr = 0.3 }) { KernelPath = path };
            for (int k = 0; k < 3; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }
            return ps[0].Data;
        }

        GlobalNormTestProblem.AssertClose(Run(KernelPath.Scalar), Run(KernelPath.Simd), 1e-13);
    }

    [Fact]
    public void Resume_FromCheckpoint_IsBitIdentical()
    {
        var ps = GlobalNormTestProblem.Parameters<float>(37, 9);
        var o = new AdagradNorm<float>(ps, new AdagradNormOptions { Lr = 0.2 });
        for (int k = 0; k < 5; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }
        var checkpoint = new MemoryStream();
        o.SaveState(checkpoint);
        var copy = ps.Select(p => new Parameter<float>(p.Data.ToArray(), p.Name)).ToArray();
        for (int k = 5; k < 10; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }

        var r = new AdagradNorm<float>(copy, new AdagradNormOptions { Lr = 0.2 });
        r.LoadState(new MemoryStream(checkpoint.ToArray()));
        Assert.Equal(5, r.K);
        for (int k = 5; k < 10; k++) { GlobalNormTestProblem.FillGradients(copy, k); r.Step(); }
        for (int i = 0; i < ps.Length; i++) Assert.Equal(ps[i].Data, copy[i].Data);
        Assert.Equal(o.Accumulator, r.Accumulator);
    }

    public static TheoryData<AdagradNormOptions, string, string> BadOptions() => new()
    {
        { new AdagradNormOptions { Lr = -0.1 }, "Lr", "Invalid learning rate: -0.1" },
        { new AdagradNormOptions { InitialAccumulatorValue = -1.0 }, "InitialAccumulatorValue", "Invalid initial_accumulator_value value: -1.0" },
        { new AdagradNormOptions { InitialAccumulatorValue = double.PositiveInfinity }, "InitialAccumulatorValue", "Invalid initial_accumulator_value value: inf" },
        { new AdagradNormOptions { Eps = 0.0 }, "Eps", "Invalid epsilon value: 0.0" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptions_ThrowNamingTheOption(AdagradNormOptions options, string name, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new AdagradNorm<double>([new Parameter<double>([1.0])], options));
        Assert.Equal(name, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoGroups_AreRejected_BecauseTheAccumulatorIsShared()
    {
        var o = new AdagradNorm<double>([new Parameter<double>([1.0])]);
        o.AddParamGroup([new Parameter<double>([2.0])]);
        Assert.Throws<InvalidOperationException>(() => o.Step());
    }

    [Fact]
    public void NonFiniteGradient_Skip_ChangesNothing()
    {
        var ps = GlobalNormTestProblem.Parameters<double>(5, 3);
        var o = new AdagradNorm<double>(ps) { NonFiniteGradients = NonFiniteGradientPolicy.Skip };
        GlobalNormTestProblem.FillGradients(ps, 0);
        ps[1].Grad[2] = double.NaN;
        double[] before = GlobalNormTestProblem.Concat(ps);
        Assert.False(o.Step());
        Assert.Equal(before, GlobalNormTestProblem.Concat(ps));
        Assert.Equal((0L, 0.0, 1L), (o.K, o.Accumulator, o.SkippedSteps));
    }
}
