using System;
using System.IO;
using System.Linq;
using DiffGen.Optimizers;
using Xunit;

namespace DiffGen.Runtime.Tests.Gpu;

/// <summary>The GPU check kit (bench/gpu-check.sh publishes bench/DiffGen.GpuCheck for a GPU machine) runs here, in
/// process, on ILGPU's CPU accelerator with quick sizes: every item passes and the parity summary has exactly one line
/// per optimizer class of the runtime (found by reflection, so a new optimizer without a parity line fails this test).</summary>
public class GpuCheckKitTests
{
    private static (int ExitCode, string[] Items) Run(params string[] args)
    {
        var output = new StringWriter();
        int rc = DiffGen.GpuCheck.GpuCheck.Run(args, output);
        var items = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToArray();
        return (rc, items);
    }

    private static bool IsOptimizer(Type t)
    {
        for (var b = t.BaseType; b is not null; b = b.BaseType)
            if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(Optimizer<>)) return true;
        return false;
    }

    [Fact]
    public void CheckProgram_CpuAcceleratorQuick_AllItemsPass_OneParityLinePerOptimizer()
    {
        var (rc, items) = Run("--accelerator", "cpu", "--quick");
        Assert.All(items, l => Assert.StartsWith("PASS", l, StringComparison.Ordinal));
        Assert.Equal(0, rc);

        string[] parity = items.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[1] == "parity").Select(f => f[2]).ToArray();
        string[] optimizers = typeof(Optimizer<>).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && IsOptimizer(t)).Select(t => t.Name.Split('`')[0]).Order().ToArray();
        Assert.Contains("Adam", optimizers);
        Assert.Contains("Lbfgs", optimizers);
        Assert.Equal(optimizers, parity.Order().ToArray());

        // On the CPU accelerator the bandwidth item runs at a small size and says so.
        string bandwidth = Assert.Single(items, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] == "bandwidth");
        Assert.Contains("N=65,536", bandwidth);
        Assert.Contains("[CPU accelerator: run at 65,536 instead of 10M/100M", bandwidth);
    }

    [Fact]
    public void CheckProgram_BadArgument_ExitsWithUsage()
    {
        var output = new StringWriter();
        Assert.Equal(2, DiffGen.GpuCheck.GpuCheck.Run(["--accelerator", "tpu"], output));
        Assert.Contains("usage: DiffGen.GpuCheck [--accelerator cpu|cuda|auto] [--quick]", output.ToString());
    }
}
