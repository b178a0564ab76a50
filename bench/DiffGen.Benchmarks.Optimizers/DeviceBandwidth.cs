using System;
using System.Diagnostics;
using DiffGen.Optimizers;
using DiffGen.Optimizers.Gpu;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace DiffGen.Benchmarks.Optimizers;

/// <summary>
/// Device benchmark (not BenchmarkDotNet: device work is timed around explicit synchronisation): Adam and AdamW steps on
/// float32 parameters resident on the accelerator, as effective GB/s against a device-to-device copy of the same bytes
/// (28 B/element) measured in the same run. Uses CUDA when present; <c>--cpu-accelerator</c> runs the same code on
/// ILGPU's CPU accelerator (a smoke test of the harness, not a measurement).
/// </summary>
public static class DeviceBandwidth
{
    /// <summary>Runs the device benchmark.</summary>
    /// <param name="n">Parameters (issue 4: 100M).</param>
    /// <param name="cpuAccelerator">Use ILGPU's CPU accelerator instead of CUDA.</param>
    /// <param name="steps">Timed steps per measurement.</param>
    public static void Run(int n, bool cpuAccelerator, int steps)
    {
        using var context = Context.Create(b => b.Default());
        Device? device = null;
        foreach (var d in context.Devices)
            if (cpuAccelerator ? d.AcceleratorType == AcceleratorType.CPU : d.AcceleratorType == AcceleratorType.Cuda) { device = d; break; }
        if (device is null)
        {
            Console.WriteLine("No CUDA device found: device bandwidth not measured (use --cpu-accelerator for a smoke test).");
            return;
        }

        using var acc = device.CreateAccelerator(context);
        Console.WriteLine($"Device: {acc.Name} ({acc.AcceleratorType}), N = {n:N0} float32, {steps} timed steps");

        using (var src = acc.Allocate1D<float>((long)n / 2 * 7))
        using (var dst = acc.Allocate1D<float>(src.Length))
        {
            src.MemSetToZero();
            src.View.CopyTo(dst.View);
            acc.Synchronize();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++) src.View.CopyTo(dst.View);
            acc.Synchronize();
            double copy = Report("Copy (device to device)", n, sw.Elapsed.TotalSeconds / steps, null);
            foreach (string name in new[] { "Adam", "AdamW" })
            {
                var p = new Parameter<float>(new float[n]);
                Optimizer<float> opt = name == "Adam" ? new Adam<float>([p], new AdamOptions { Lr = 1e-6 }) : new AdamW<float>([p], new AdamOptions { Lr = 1e-6 });
                using var gpu = GpuOptimizer<float>.Create(acc, opt);
                gpu.UploadGradients();
                gpu.Step(); // compiles the kernel and uploads the state
                gpu.Synchronize();
                sw.Restart();
                for (int i = 0; i < steps; i++) gpu.Step();
                gpu.Synchronize();
                Report(name, n, sw.Elapsed.TotalSeconds / steps, copy);
            }
        }
    }

    private static double Report(string name, int n, double seconds, double? copyGbps)
    {
        double gbps = 28.0 * n / seconds / 1e9;
        string ratio = copyGbps is { } c ? $"{gbps / c:P0} of copy" : "reference";
        Console.WriteLine($"{name,-26} {seconds * 1e3,10:F3} ms {gbps,8:F1} GB/s  {ratio}");
        return gbps;
    }
}
