using System;
using System.Linq;
using System.Numerics;
using DiffGen.Optimizers;
using DiffGen.Optimizers.Gpu;
using DiffGen.Runtime.Tests.Optimizers;
using ILGPU.Runtime;
using Xunit;

namespace DiffGen.Runtime.Tests.Gpu;

/// <summary>AdaGrad-Norm and AcceleGrad on the device: the same rules, with the norms reduced on the device. The sums
/// associate differently from the CPU's, so results agree to rounding rather than bitwise.</summary>
public class GlobalNormGpuTests(CpuAcceleratorFixture fixture) : IClassFixture<CpuAcceleratorFixture>
{
    private readonly Accelerator _acc = fixture.Accelerator;

    private static Optimizer<T> Create<T>(string name, Parameter<T>[] ps) where T : unmanaged, IBinaryFloatingPointIeee754<T> => name switch
    {
        "adagrad_norm" => new AdagradNorm<T>(ps, new AdagradNormOptions { Lr = 0.3, InitialAccumulatorValue = 0.1 }),
        "accelegrad" => new AcceleGrad<T>(ps, new AcceleGradOptions { Lr = 2.0 }),
        "accelegrad_project" => new AcceleGrad<T>(ps, new AcceleGradOptions { Lr = 4.0, Project = true, GradientBound = 1.0 }),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    private double[] Run<T>(string name, bool device) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var ps = GlobalNormTestProblem.Parameters<T>(301, 7);
        var o = Create(name, ps);
        using var gpu = device ? GpuOptimizer<T>.Create(_acc, o) : null;
        for (int k = 0; k < 6; k++)
        {
            gpu?.DownloadParameters();
            GlobalNormTestProblem.FillGradients(ps, k);
            if (gpu is null)
            {
                o.Step(() => 0.0);
            }
            else
            {
                gpu.UploadGradients();
                Assert.True(gpu.Step());
            }
        }

        gpu?.DownloadToHost();
        var state = ps.SelectMany(p => o.GetState(p)!.BufferNames.SelectMany(key => o.GetState(p)![key]));
        return GlobalNormTestProblem.Concat(ps).Concat(state.Select(v => double.CreateTruncating(v))).ToArray();
    }

    [Theory]
    [InlineData("adagrad_norm")]
    [InlineData("accelegrad")]
    [InlineData("accelegrad_project")]
    public void Device_MatchesCpu(string name)
    {
        GlobalNormTestProblem.AssertClose(Run<double>(name, device: false), Run<double>(name, device: true), 1e-12);
        GlobalNormTestProblem.AssertClose(Run<float>(name, device: false), Run<float>(name, device: true), 2e-5);
    }

    [Fact]
    public void StepClipped_IsRejected()
    {
        var ps = GlobalNormTestProblem.Parameters<double>(5);
        using var gpu = GpuOptimizer<double>.Create(_acc, new AdagradNorm<double>(ps));
        Assert.Throws<InvalidOperationException>(() => gpu.StepClipped(1.0));
    }
}
