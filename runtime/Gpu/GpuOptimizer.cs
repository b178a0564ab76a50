using System;
using System.Collections.Generic;
using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace DiffGen.Optimizers.Gpu;

/// <summary>
/// Runs an element-wise optimizer on an ILGPU accelerator with parameters, gradients and state resident on the device
/// across steps. The host optimizer keeps the per-step scalars (step counters, bias corrections, ASGD's eta and mu,
/// NAdam's mu_product) and builds the same <see cref="IElementRule"/> the CPU drivers use; the kernel runs that rule
/// per element. Call <see cref="DownloadToHost"/> before reading parameters or checkpointing with the host optimizer.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class GpuOptimizer<T> : IDisposable where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly IStepper _stepper;

    private GpuOptimizer(IStepper stepper) => _stepper = stepper;

    /// <summary>Wraps <paramref name="optimizer"/> for <paramref name="accelerator"/> and uploads its parameters.</summary>
    /// <param name="accelerator">A CUDA, OpenCL or CPU accelerator.</param>
    /// <param name="optimizer">An element-wise optimizer (all torch.optim ones but L-BFGS; INNA); not the noisy SGD
    /// variants (their noise is drawn on the host) and not Step-Tuned SGD or L-BFGS (they need reductions between passes).</param>
    /// <returns>The device optimizer.</returns>
    public static GpuOptimizer<T> Create(Accelerator accelerator, Optimizer<T> optimizer)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Element type {typeof(T).Name} is not supported on the device.");
        if (!optimizer.TryAccept(new Factory(accelerator), out var stepper) || stepper is null)
            throw new NotSupportedException($"{optimizer.Name} is not an element-wise optimizer and has no device kernel.");
        return new GpuOptimizer<T>(stepper);
    }

    /// <summary>The accelerator.</summary>
    public Accelerator Accelerator => _stepper.Accelerator;

    /// <summary>Device view of a parameter's values.</summary>
    /// <param name="parameter">A parameter of the optimizer.</param>
    /// <returns>The view.</returns>
    public ArrayView1D<T, Stride1D.Dense> DataView(Parameter<T> parameter) => _stepper.Buffers(parameter).Data.View;

    /// <summary>Device view of a parameter's gradient, where device code writes gradients.</summary>
    /// <param name="parameter">A parameter of the optimizer.</param>
    /// <returns>The view.</returns>
    public ArrayView1D<T, Stride1D.Dense> GradView(Parameter<T> parameter) => _stepper.Buffers(parameter).Grad.View;

    /// <summary>Copies every host gradient (<see cref="Parameter{T}.Grad"/>) to the device.</summary>
    public void UploadGradients() => _stepper.UploadGradients();

    /// <summary>One step on the device (asynchronous on the accelerator's default stream).</summary>
    public void Step() => _stepper.Step();

    /// <summary>Waits for the device, then copies parameters and state back into the host parameters and host optimizer state.</summary>
    public void DownloadToHost() => _stepper.Download();

    /// <summary>Waits for queued device work.</summary>
    public void Synchronize() => _stepper.Accelerator.Synchronize();

    /// <inheritdoc/>
    public void Dispose() => _stepper.Dispose();

    private interface IStepper : IDisposable
    {
        Accelerator Accelerator { get; }

        DeviceBuffers Buffers(Parameter<T> parameter);

        void UploadGradients();

        void Step();

        void Download();
    }

    private sealed class DeviceBuffers(MemoryBuffer1D<T, Stride1D.Dense> data, MemoryBuffer1D<T, Stride1D.Dense> grad) : IDisposable
    {
        public MemoryBuffer1D<T, Stride1D.Dense> Data { get; } = data;

        public MemoryBuffer1D<T, Stride1D.Dense> Grad { get; } = grad;

        public MemoryBuffer1D<T, Stride1D.Dense>?[] Slots { get; } = new MemoryBuffer1D<T, Stride1D.Dense>?[3];

        public int Mask { get; set; }

        public bool Initialized { get; set; }

        public void Dispose()
        {
            Data.Dispose();
            Grad.Dispose();
            foreach (var s in Slots) s?.Dispose();
        }
    }

    private sealed class Factory(Accelerator accelerator) : IElementwiseOptimizerVisitor<T, IStepper>
    {
        public IStepper Visit<TOptions, TRule>(ElementwiseOptimizer<T, TOptions, TRule> optimizer)
            where TOptions : OptimizerOptions
            where TRule : struct, IElementRule
        {
            if (optimizer.NeedsHostPreparation)
                throw new NotSupportedException($"{optimizer.Name} draws its noise on the host and has no device kernel.");
            return new Stepper<TOptions, TRule>(accelerator, optimizer);
        }
    }

    private sealed class Stepper<TOptions, TRule> : IStepper
        where TOptions : OptimizerOptions
        where TRule : struct, IElementRule
    {
        private readonly ElementwiseOptimizer<T, TOptions, TRule> _optimizer;
        private readonly Dictionary<Parameter<T>, DeviceBuffers> _buffers = new(ReferenceEqualityComparer.Instance);
        private readonly MemoryBuffer1D<T, Stride1D.Dense> _dummy;
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, TRule>? _single;
        private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TRule>? _double;

        public Stepper(Accelerator accelerator, ElementwiseOptimizer<T, TOptions, TRule> optimizer)
        {
            Accelerator = accelerator;
            _optimizer = optimizer;
            _dummy = accelerator.Allocate1D<T>(1);
            if (typeof(T) == typeof(float))
                _single = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, TRule>(GpuKernels.Single);
            else
                _double = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TRule>(GpuKernels.Double);
            foreach (var p in optimizer.Parameters)
            {
                var b = new DeviceBuffers(accelerator.Allocate1D(p.Data), accelerator.Allocate1D<T>(p.Length));
                b.Grad.MemSetToZero();
                _buffers[p] = b;
            }
        }

        public Accelerator Accelerator { get; }

        public DeviceBuffers Buffers(Parameter<T> parameter) =>
            _buffers.TryGetValue(parameter, out var b) ? b : throw new ArgumentException($"Parameter '{parameter.Name}' does not belong to this optimizer.", nameof(parameter));

        public void UploadGradients()
        {
            foreach (var (p, b) in _buffers)
            {
                if (p.Grad.Length != b.Grad.Length)
                    throw new ArgumentException($"Gradient of parameter '{p.Name}' has length {p.Grad.Length} but the parameter has length {b.Grad.Length}.", nameof(Parameter<T>.Grad));
                b.Grad.CopyFromCPU(p.Grad);
            }
        }

        public void Step()
        {
            if (_optimizer.NonFiniteGradients != NonFiniteGradientPolicy.None)
                throw new NotSupportedException("The non-finite gradient check runs on host gradients; it is not available on the device.");
            foreach (var p in _optimizer.Parameters)
            {
                var b = _buffers[p];
                var (rule, state) = _optimizer.PrepareStep(p);
                if (!b.Initialized)
                {
                    // First step: upload the initial state (zeros, Rprop's step_size = lr, Adagrad's accumulator, ...).
                    for (int k = 0; k < 3; k++)
                    {
                        if (state.Slot(k) is not { } host) continue;
                        b.Slots[k] = Accelerator.Allocate1D(host);
                        b.Mask |= 1 << k;
                    }

                    b.Initialized = true;
                }

                ArrayView<T> V(int k) => b.Slots[k]?.View ?? _dummy.View;
                int mask = b.Mask;
                int n = (int)b.Data.Length;
                if (_single is not null)
                    _single(n, b.Data.View.AsContiguous().Cast<float>(), b.Grad.View.AsContiguous().Cast<float>(), V(0).Cast<float>(), V(1).Cast<float>(), V(2).Cast<float>(), mask, rule);
                else
                    _double!(n, b.Data.View.AsContiguous().Cast<double>(), b.Grad.View.AsContiguous().Cast<double>(), V(0).Cast<double>(), V(1).Cast<double>(), V(2).Cast<double>(), mask, rule);
            }
        }

        public void Download()
        {
            Accelerator.Synchronize();
            foreach (var (p, b) in _buffers)
            {
                b.Data.CopyToCPU(p.Data);
                var state = _optimizer.GetState(p);
                if (state is null) continue;
                for (int k = 0; k < 3; k++)
                    if (b.Slots[k] is { } s && state.Slot(k) is { } host) s.CopyToCPU(host);
            }
        }

        public void Dispose()
        {
            foreach (var b in _buffers.Values) b.Dispose();
            _dummy.Dispose();
        }
    }
}
