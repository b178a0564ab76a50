using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Optimizers;

public class AcceleGradTests
{
    /// <summary>AcceleGrad as the paper writes it, with whole vectors: returns the last query point and the average.</summary>
    private static (double[] X, double[] Average) Reference(int n, int steps, double d, double g0, bool project)
    {
        double[] x = GlobalNormTestProblem.Start(n), y = (double[])x.Clone(), z = (double[])x.Clone(), avg = (double[])x.Clone();
        double weighted = 0.0, alphaSum = 0.0;
        static double Alpha(int t) => t <= 2 ? 1.0 : (t + 1) / 4.0;
        for (int t = 0; t < steps; t++)
        {
            double tau = 1.0 / Alpha(t);
            for (int j = 0; j < n; j++) x[j] = tau * z[j] + (1 - tau) * y[j];
            double[] g = x.Select((v, j) => GlobalNormTestProblem.Gradient(j, v, t)).ToArray();
            weighted += Alpha(t) * Alpha(t) * g.Sum(v => v * v);
            double eta = 2 * d / Math.Sqrt(g0 * g0 + weighted);
            for (int j = 0; j < n; j++)
            {
                z[j] -= Alpha(t) * eta * g[j];
                y[j] = x[j] - eta * g[j];
            }

            double norm = Math.Sqrt(z.Sum(v => v * v));
            if (project && norm > d / 2)
                for (int j = 0; j < n; j++) z[j] *= d / 2 / norm;
            alphaSum += Alpha(t);
            for (int j = 0; j < n; j++) avg[j] = (avg[j] * (alphaSum - Alpha(t)) + Alpha(t) * y[j]) / alphaSum;
        }

        // The optimizer leaves the next query point in the parameters.
        double nextTau = 1.0 / Alpha(steps);
        for (int j = 0; j < n; j++) x[j] = nextTau * z[j] + (1 - nextTau) * y[j];
        return (x, avg);
    }

    private static (double[] X, double[] Average) Run(KernelPath path, int steps, AcceleGradOptions options, params int[] lengths)
    {
        var ps = GlobalNormTestProblem.Parameters<double>(lengths);
        var o = new AcceleGrad<double>(ps, options) { KernelPath = path };
        for (int k = 0; k < steps; k++)
        {
            GlobalNormTestProblem.FillGradients(ps, k);
            Assert.True(o.Step());
        }

        return (GlobalNormTestProblem.Concat(ps), ps.SelectMany(p => o.AveragedIterate(p).ToArray()).ToArray());
    }

    [Theory]
    [InlineData(KernelPath.Scalar, false, 0.0)]
    [InlineData(KernelPath.Simd, false, 0.0)]
    [InlineData(KernelPath.Simd, false, 3.0)]
    [InlineData(KernelPath.Scalar, true, 1.0)]
    [InlineData(KernelPath.Simd, true, 1.0)]
    public void Steps_MatchVectorReference(KernelPath path, bool project, double gradientBound)
    {
        // D = 4 puts the start (norm about 7.7) outside the ball, so the projection is active from the first step.
        double d = project ? 4.0 : 2.0;
        var options = new AcceleGradOptions { Lr = d, GradientBound = gradientBound, Project = project };
        var (x, avg) = Run(path, 15, options, 37, 9, 70);
        var (rx, ravg) = Reference(116, 15, d, gradientBound, project);
        GlobalNormTestProblem.AssertClose(rx, x, 1e-12);
        GlobalNormTestProblem.AssertClose(ravg, avg, 1e-12);
    }

    [Fact]
    public void Projection_KeepsZInsideTheBall()
    {
        var ps = GlobalNormTestProblem.Parameters<double>(37, 9);
        var o = new AcceleGrad<double>(ps, new AcceleGradOptions { Lr = 1.0, Project = true });
        for (int k = 0; k < 10; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }
        double zz = ps.Sum(p => o.GetState(p)!["z"].Sum(v => v * v));
        Assert.True(Math.Sqrt(zz) <= 0.5 * (1 + 1e-12), $"||z|| = {Math.Sqrt(zz)}");
        Assert.Equal(zz, o.ZSquaredNorm, 1e-12);
    }

    [Fact]
    public void AveragedIterate_BeforeAnyStep_IsTheStart()
    {
        var p = new Parameter<double>([1.5, -2.0]);
        var o = new AcceleGrad<double>([p]);
        Assert.Equal([1.5, -2.0], o.AveragedIterate(p).ToArray());
    }

    [Fact]
    public void LargeParameter_ParallelSimd_MatchesScalarPath()
    {
        int n = ElementwiseKernel.ParallelThreshold + 1001;
        var options = new AcceleGradOptions { Lr = 50.0, Project = true };
        var a = Run(KernelPath.Scalar, 4, options, n);
        var b = Run(KernelPath.Simd, 4, options, n);
        GlobalNormTestProblem.AssertClose(a.X, b.X, 1e-12);
        GlobalNormTestProblem.AssertClose(a.Average, b.Average, 1e-12);
    }

    [Fact]
    public void Resume_FromCheckpoint_IsBitIdentical()
    {
        var options = new AcceleGradOptions { Lr = 3.0, Project = true, GradientBound = 0.5 };
        var ps = GlobalNormTestProblem.Parameters<float>(37, 9);
        var o = new AcceleGrad<float>(ps, options);
        for (int k = 0; k < 5; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }
        var checkpoint = new MemoryStream();
        o.SaveState(checkpoint);
        var copy = ps.Select(p => new Parameter<float>(p.Data.ToArray(), p.Name)).ToArray();
        for (int k = 5; k < 10; k++) { GlobalNormTestProblem.FillGradients(ps, k); o.Step(); }

        var r = new AcceleGrad<float>(copy, options);
        r.LoadState(new MemoryStream(checkpoint.ToArray()));
        for (int k = 5; k < 10; k++) { GlobalNormTestProblem.FillGradients(copy, k); r.Step(); }
        for (int i = 0; i < ps.Length; i++)
        {
            Assert.Equal(ps[i].Data, copy[i].Data);
            Assert.Equal(o.AveragedIterate(ps[i]).ToArray(), r.AveragedIterate(copy[i]).ToArray());
        }

        Assert.Equal(o.K, r.K);
        Assert.Equal(o.WeightedGradientSum, r.WeightedGradientSum);
    }

    public static TheoryData<AcceleGradOptions, string, string> BadOptions() => new()
    {
        { new AcceleGradOptions { Lr = 0.0 }, "Lr", "Invalid learning rate (diameter D): 0.0" },
        { new AcceleGradOptions { Lr = double.NaN }, "Lr", "Invalid learning rate (diameter D): nan" },
        { new AcceleGradOptions { GradientBound = -1.0 }, "GradientBound", "Invalid gradient bound value: -1.0" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptions_ThrowNamingTheOption(AcceleGradOptions options, string name, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new AcceleGrad<double>([new Parameter<double>([1.0])], options));
        Assert.Equal(name, ex.ParamName);
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>With G = 0 a zero first gradient leaves the step-size denominator at 0: the step must not move (nor
    /// produce NaN), as eta_k g_k = 0 in the limit.</summary>
    [Fact]
    public void ZeroGradient_WithoutGradientBound_DoesNotMove()
    {
        var p = new Parameter<double>([1.0, -2.0]);
        var o = new AcceleGrad<double>([p]);
        Assert.True(o.Step());
        Assert.Equal([1.0, -2.0], p.Data);
        Assert.Equal([1.0, -2.0], o.AveragedIterate(p).ToArray());
    }
}
