using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using DiffGen.Optimizers;
using DiffGen.Optimizers.Gpu;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace DiffGen.GpuCheck;

/// <summary>
/// The GPU check kit (issue 14): runs the ILGPU backend's parity checks against the CPU path for every optimizer and the
/// fused-Adam bandwidth benchmark against a device-to-device copy, and prints one summary line per item. Item lines
/// start with <c>PASS</c> or <c>FAIL</c>; other lines start with <c>#</c>.
/// <list type="bullet">
/// <item>Parity: each optimizer class in several flag combinations, float64 and float32, 6 steps with host-computed
/// gradients that depend on the parameters, device result against the CPU scalar path. On ILGPU's CPU accelerator the
/// results must be bitwise equal (as in the runtime tests); on CUDA within 1e-10 (float64) and 1e-4 (float32) relative
/// (the device compiler may contract multiply-adds). Step-Tuned SGD's inner products are device reductions, so it is
/// compared within 1e-12 / 1e-4 on every accelerator, and so are AdaGrad-Norm and AcceleGrad, whose gradient norms are
/// device reductions. L-BFGS has no device backend: its item checks that
/// <see cref="GpuOptimizer{T}.Create"/> rejects it.</item>
/// <item>Bandwidth: Adam steps on float32 parameters resident on the device, as effective GB/s (28 B per element)
/// against a device-to-device copy of the same bytes in the same run, at 10M and 100M parameters on CUDA; on the CPU
/// accelerator at a small size (said in the line), a smoke test of the harness, not a measurement.</item>
/// </list>
/// The exit code is 0 when every item passed, 1 when an item failed, 2 for bad arguments or a missing accelerator.
/// </summary>
public static class GpuCheck
{
    private const string Usage = "usage: DiffGen.GpuCheck [--accelerator cpu|cuda|auto] [--quick]\n" +
        "  --accelerator  cpu: ILGPU's CPU accelerator; cuda: the first CUDA device (error if none);\n" +
        "                 auto (default): CUDA if present, else CPU\n" +
        "  --quick        small sizes: parity on 308 elements per configuration, Adam bandwidth at 65,536 parameters\n" +
        "                 on the CPU accelerator and 1M on CUDA (full: 10M and 100M on CUDA, 1M on the CPU accelerator)";

    /// <summary>Runs the check and writes its lines to <paramref name="output"/>.</summary>
    /// <param name="args">Command-line arguments: <c>--accelerator cpu|cuda|auto</c>, <c>--quick</c>.</param>
    /// <param name="output">Where the lines go.</param>
    /// <returns>0 when every item passed, 1 when one failed, 2 for bad arguments or a missing CUDA device.</returns>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the same numbers in every locale (1,000,000 and 1.5)
        try
        {
            return RunInvariant(args, output);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static int RunInvariant(string[] args, TextWriter output)
    {
        string mode = "auto";
        bool quick = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--accelerator" when i + 1 < args.Length && args[i + 1] is "cpu" or "cuda" or "auto":
                    mode = args[++i];
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    output.WriteLine($"# bad argument '{args[i]}'");
                    output.WriteLine(Usage);
                    return 2;
            }
        }

        using var context = mode == "cpu" ? Context.Create(b => b.CPU()) : Context.Create(b => b.Default());
        Device? device = null;
        if (mode != "cpu") device = context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda);
        if (device is null && mode == "cuda")
        {
            output.WriteLine("FAIL  accelerator   no CUDA device found (is the NVIDIA driver installed? try --accelerator auto or cpu)");
            return 2;
        }

        device ??= context.Devices.First(d => d.AcceleratorType == AcceleratorType.CPU);
        using var acc = device is CPUDevice ? context.CreateCPUAccelerator(0) : device.CreateAccelerator(context);
        bool onCpu = acc.AcceleratorType == AcceleratorType.CPU;
        string memory = onCpu ? "" : $", {acc.MemorySize / (1L << 20):N0} MiB";
        output.WriteLine($"# DiffGen GPU check: {acc.Name} ({acc.AcceleratorType}{memory}), " +
            $"{(quick ? "quick sizes" : "full sizes")}, .NET {Environment.Version}, {Environment.OSVersion}");

        int failed = 0, passed = 0;
        void Item(string kind, string name, Func<string> check)
        {
            string line;
            bool ok;
            try
            {
                line = check();
                ok = true;
            }
            catch (CheckFailedException e)
            {
                line = e.Message;
                ok = false;
            }
            catch (Exception e)
            {
                line = $"{e.GetType().Name}: {e.Message}";
                ok = false;
            }

            if (ok) passed++;
            else failed++;
            output.WriteLine($"{(ok ? "PASS" : "FAIL")}  {kind,-9} {name,-14} {line}");
            output.Flush();
        }

        // Sizes: ILGPU's CPU accelerator runs kernels on emulated warps, orders of magnitude slower than a GPU, so its
        // full sizes stay small too (the whole run takes about 20 s there).
        int[] lengths = quick ? [301, 7] : onCpu ? [301, 7, 16_387] : [301, 7, 262_147];
        foreach (var group in OptimizerConfigurations.Names.GroupBy(ClassOf))
            Item("parity", group.Key, () => ElementwiseParity(acc, group.ToArray(), lengths, exact: onCpu));
        Item("parity", "StepTunedSgd", () => StepTunedParity(acc, quick || onCpu ? 70_001 : 1_000_003));
        Item("parity", "AdagradNorm", () => GlobalNormParity(acc, "AdagradNorm", lengths));
        Item("parity", "AcceleGrad", () => GlobalNormParity(acc, "AcceleGrad", lengths));
        Item("parity", "Lbfgs", () => LbfgsRejected(acc));

        int[] sizes = onCpu ? [quick ? 65_536 : 1_000_000] : quick ? [1_000_000] : [10_000_000, 100_000_000];
        foreach (int n in sizes)
            Item("bandwidth", "Adam", () => AdamBandwidth(acc, n, steps: onCpu ? 3 : 20, onCpu));

        output.WriteLine($"# {passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The optimizer class a configuration belongs to (the summary line's name).</summary>
    internal static string ClassOf(string configuration) =>
        OptimizerConfigurations.Create(configuration, [new Parameter<double>([1.0])]).Optimizer.GetType().Name.Split('`')[0];

    private sealed class CheckFailedException(string message) : Exception(message);

    private const int ParitySteps = 6;

    /// <summary>Parameters and persistent state after <see cref="ParitySteps"/> steps on the host scalar path or on the device.</summary>
    private static List<T[]> RunElementwise<T>(Accelerator? acc, string name, int[] lengths) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var ps = OptimizerConfigurations.RandomParameters<T>(5, lengths);
        var o = OptimizerConfigurations.Create(name, ps);
        o.Optimizer.KernelPath = KernelPath.Scalar;
        using var gpu = acc is null ? null : GpuOptimizer<T>.Create(acc, o.Optimizer);
        for (int k = 0; k < ParitySteps; k++)
        {
            gpu?.DownloadParameters(); // the gradient reads the parameters
            OptimizerConfigurations.FillGradients(ps, k);
            if (gpu is null)
            {
                o.Step();
            }
            else
            {
                gpu.UploadGradients();
                gpu.Step();
            }
        }

        gpu?.DownloadToHost();
        var result = new List<T[]>(Array.ConvertAll(ps, p => p.Data));
        foreach (var p in ps)
            foreach (var key in o.Optimizer.GetState(p)!.BufferNames) result.Add(o.Optimizer.GetState(p)![key]);
        return result;
    }

    /// <summary>Largest difference relative to max(1, |expected|), and whether all elements are bitwise equal.</summary>
    private static (double MaxRelative, bool Bitwise) Compare<T>(List<T[]> expected, List<T[]> actual) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (expected.Count != actual.Count) return (double.PositiveInfinity, false);
        double max = 0;
        bool bitwise = true;
        for (int k = 0; k < expected.Count; k++)
        {
            if (expected[k].Length != actual[k].Length) return (double.PositiveInfinity, false);
            for (int i = 0; i < expected[k].Length; i++)
            {
                T e = expected[k][i], a = actual[k][i];
                if (e.Equals(a)) continue; // NaN.Equals(NaN) is true: equal NaNs count as equal
                bitwise = false;
                double de = double.CreateTruncating(e), da = double.CreateTruncating(a);
                double rel = Math.Abs(de - da) / Math.Max(1.0, Math.Abs(de));
                max = double.IsNaN(rel) ? double.PositiveInfinity : Math.Max(max, rel);
            }
        }

        return (max, bitwise);
    }

    private static string ElementwiseParity(Accelerator acc, string[] configurations, int[] lengths, bool exact)
    {
        bool allBitwise = true;
        double max64 = 0, max32 = 0;
        foreach (string name in configurations)
        {
            var (rel64, bit64) = Compare(RunElementwise<double>(null, name, lengths), RunElementwise<double>(acc, name, lengths));
            var (rel32, bit32) = Compare(RunElementwise<float>(null, name, lengths), RunElementwise<float>(acc, name, lengths));
            if ((exact && !(bit64 && bit32)) || rel64 > 1e-10 || rel32 > 1e-4)
                throw new CheckFailedException($"{name}: device differs from the CPU scalar path (max relative difference float64 {rel64:G3}, " +
                    $"float32 {rel32:G3}; required: {(exact ? "bitwise on the CPU accelerator" : "1e-10 / 1e-4")})");
            allBitwise &= bit64 && bit32;
            max64 = Math.Max(max64, rel64);
            max32 = Math.Max(max32, rel32);
        }

        string how = allBitwise ? "bitwise equal to the CPU scalar path" : $"max relative difference float64 {max64:G3}, float32 {max32:G3}";
        return $"{configurations.Length} config(s) [{string.Join(", ", configurations)}] x float64/float32, {ParitySteps} steps on " +
            $"{lengths.Sum():N0} elements: {how}";
    }

    private static (List<T[]> Data, double Gamma) RunStepTuned<T>(Accelerator? acc, int n, int steps) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var ps = OptimizerConfigurations.RandomParameters<T>(257, [3, n]);
        var o = new StepTunedSgd<T>(ps, new StepTunedSgdOptions { Lr = 0.05 });
        using var gpu = acc is null ? null : GpuOptimizer<T>.Create(acc, o);
        for (int k = 0; k < steps; k++)
        {
            int step = k;
            void Oracle()
            {
                gpu?.DownloadParameters();
                foreach (var p in ps)
                    for (int i = 0; i < p.Length; i++)
                    {
                        double x = double.CreateTruncating(p.Data[i]);
                        p.Grad[i] = T.CreateTruncating((1 + i % 5) * x + 0.3 * Math.Sin(3 * x + step));
                    }

                gpu?.UploadGradients();
            }

            if (gpu is null) o.Step(Oracle);
            else gpu.Step(Oracle);
        }

        gpu?.DownloadToHost();
        var result = new List<T[]>(Array.ConvertAll(ps, p => p.Data));
        foreach (var p in ps) result.Add(o.GetState(p)!["G"]);
        return (result, o.Gamma);
    }

    /// <summary>AdaGrad-Norm or AcceleGrad (with projection) after <see cref="ParitySteps"/> steps on the host or the device.</summary>
    private static List<T[]> RunGlobalNorm<T>(Accelerator? acc, string name, int[] lengths) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var ps = OptimizerConfigurations.RandomParameters<T>(11, lengths);
        Optimizer<T> o = name == "AdagradNorm"
            ? new AdagradNorm<T>(ps, new AdagradNormOptions { Lr = 0.3, InitialAccumulatorValue = 0.1 })
            : new AcceleGrad<T>(ps, new AcceleGradOptions { Lr = 20.0, Project = true });
        o.KernelPath = KernelPath.Scalar;
        using var gpu = acc is null ? null : GpuOptimizer<T>.Create(acc, o);
        for (int k = 0; k < ParitySteps; k++)
        {
            gpu?.DownloadParameters();
            OptimizerConfigurations.FillGradients(ps, k);
            if (gpu is null)
            {
                o.Step(() => 0.0);
            }
            else
            {
                gpu.UploadGradients();
                gpu.Step();
            }
        }

        gpu?.DownloadToHost();
        var result = new List<T[]>(Array.ConvertAll(ps, p => p.Data));
        foreach (var p in ps)
            foreach (var key in o.GetState(p)!.BufferNames) result.Add(o.GetState(p)![key]);
        return result;
    }

    private static string GlobalNormParity(Accelerator acc, string name, int[] lengths)
    {
        double rel64 = Compare(RunGlobalNorm<double>(null, name, lengths), RunGlobalNorm<double>(acc, name, lengths)).MaxRelative;
        double rel32 = Compare(RunGlobalNorm<float>(null, name, lengths), RunGlobalNorm<float>(acc, name, lengths)).MaxRelative;
        string numbers = $"max relative difference float64 {rel64:G3}, float32 {rel32:G3}";
        if (!(rel64 <= 1e-12 && rel32 <= 1e-4))
            throw new CheckFailedException($"device differs from the CPU path: {numbers} (required 1e-12 / 1e-4)");
        return $"{ParitySteps} steps on {lengths.Sum():N0} elements (norms are device reductions, so within 1e-12 / 1e-4): {numbers}";
    }

    private static string StepTunedParity(Accelerator acc, int n)
    {
        const int steps = 4;
        var h = RunStepTuned<double>(null, n, steps);
        var d = RunStepTuned<double>(acc, n, steps);
        var hf = RunStepTuned<float>(null, n, steps);
        var df = RunStepTuned<float>(acc, n, steps);
        double gamma64 = Math.Abs(h.Gamma - d.Gamma) / Math.Abs(h.Gamma), gamma32 = Math.Abs(hf.Gamma - df.Gamma) / Math.Abs(hf.Gamma);
        double rel64 = Compare(h.Data, d.Data).MaxRelative, rel32 = Compare(hf.Data, df.Data).MaxRelative;
        string numbers = $"gamma relative difference float64 {gamma64:G3}, float32 {gamma32:G3}; parameters float64 {rel64:G3}, float32 {rel32:G3}";
        if (!(gamma64 <= 1e-12 && rel64 <= 1e-12 && gamma32 <= 1e-4 && rel32 <= 1e-4))
            throw new CheckFailedException($"device differs from the CPU path: {numbers} (required 1e-12 / 1e-4)");
        return $"{steps} steps on {n + 3:N0} elements (device reductions, so within 1e-12 / 1e-4): {numbers}";
    }

    private static string LbfgsRejected(Accelerator acc)
    {
        try
        {
            using var gpu = GpuOptimizer<double>.Create(acc, new Lbfgs<double>([new Parameter<double>([1.0])]));
        }
        catch (NotSupportedException)
        {
            return "no device backend by design: GpuOptimizer.Create rejects it with NotSupportedException (run L-BFGS on the CPU)";
        }

        throw new CheckFailedException("GpuOptimizer.Create accepted L-BFGS, which has no device backend");
    }

    private static string AdamBandwidth(Accelerator acc, int n, int steps, bool onCpu)
    {
        // Adam moves 28 B per float32 element and step (read param, grad, m, v; write param, m, v); the reference copies
        // 14n bytes device to device (reads 14n, writes 14n).
        using var src = acc.Allocate1D<float>((long)n / 2 * 7);
        using var dst = acc.Allocate1D<float>(src.Length);
        src.MemSetToZero();
        src.View.CopyTo(dst.View);
        acc.Synchronize();
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++) src.View.CopyTo(dst.View);
        acc.Synchronize();
        double copySeconds = sw.Elapsed.TotalSeconds / steps;

        var p = new Parameter<float>(new float[n]);
        var rng = new Random(3);
        for (int i = 0; i < n; i++) p.Grad[i] = (float)(rng.NextDouble() - 0.5);
        using var gpu = GpuOptimizer<float>.Create(acc, new Adam<float>([p], new AdamOptions { Lr = 1e-6 }));
        gpu.UploadGradients();
        gpu.Step(); // compiles the kernel and allocates the state
        gpu.Synchronize();
        sw.Restart();
        for (int i = 0; i < steps; i++) gpu.Step();
        gpu.Synchronize();
        double adamSeconds = sw.Elapsed.TotalSeconds / steps;
        gpu.DownloadToHost();
        if (!float.IsFinite(p.Data[0]) || p.Data[0] == 0f)
            throw new CheckFailedException($"N={n:N0}: Adam did not move the parameters (p[0] = {p.Data[0]})");

        double adam = 28.0 * n / adamSeconds / 1e9, copy = 28.0 * n / copySeconds / 1e9;
        string note = onCpu ? $" [CPU accelerator: run at {n:N0} instead of 10M/100M, a smoke test of the harness, not a measurement]" : "";
        return $"N={n:N0} float32, {steps} steps: {adamSeconds * 1e3:F3} ms/step, {adam:G3} GB/s = {adam / copy:P1} of a device copy " +
            $"of the same bytes ({copy:G3} GB/s){note}";
    }
}
