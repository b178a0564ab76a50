using System;
using System.Collections.Generic;
using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace DiffGen.Optimizers.Gpu;

/// <summary>
/// Runs an optimizer on an ILGPU accelerator with parameters, gradients and state resident on the device across steps.
/// The host optimizer keeps the per-step scalars (step counters, bias corrections, ASGD's eta and mu, NAdam's
/// mu_product, Step-Tuned SGD's gamma and k) and builds the same <see cref="IElementRule"/> the CPU drivers use; the
/// kernels run that rule per element. Call <see cref="DownloadToHost"/> before reading parameters or checkpointing with
/// the host optimizer.
/// <list type="bullet">
/// <item>Every element-wise optimizer (the torch.optim ones but L-BFGS, and INNA): <see cref="Step()"/>.</item>
/// <item>Perturbed SGD and SGLD: the noise is drawn on the host by the optimizer's own <see cref="NoiseSource"/> (same
/// numbers, same order as on the CPU) and uploaded into the device's noise slot before each step; this costs one
/// host-to-device copy of the noise per step.</item>
/// <item>Step-Tuned SGD: <see cref="Step(Action)"/> with a gradient oracle that leaves the mini-batch gradient at the
/// current device parameters in <see cref="GradView"/>; its two inner products are device reductions fused with the
/// second half step.</item>
/// <item>AdaGrad-Norm and AcceleGrad: <see cref="Step()"/>; the measuring pass (the squared gradient norm over every
/// parameter) and the update pass are device reductions with one small read-back each; the host keeps the shared
/// scalars.</item>
/// <item>The opt-in non-finite gradient check (<see cref="Optimizer{T}.NonFiniteGradients"/>) runs on the device
/// gradients (one flag per parameter, one small read-back per check) and then skips and reports or throws as on the CPU.</item>
/// <item>L-BFGS has no device backend (see <see cref="Create"/>).</item>
/// </list>
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class GpuOptimizer<T> : IDisposable where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Stepper _stepper;

    private GpuOptimizer(Stepper stepper) => _stepper = stepper;

    /// <summary>Wraps <paramref name="optimizer"/> for <paramref name="accelerator"/> and uploads its parameters.</summary>
    /// <param name="accelerator">A CUDA, OpenCL or CPU accelerator.</param>
    /// <param name="optimizer">An element-wise optimizer (all torch.optim ones but L-BFGS; INNA; Perturbed SGD and SGLD)
    /// or Step-Tuned SGD.</param>
    /// <returns>The device optimizer.</returns>
    /// <exception cref="NotSupportedException">For L-BFGS, whose closure, strong-Wolfe line search and history are driven
    /// by the host one scalar decision at a time, and for element types other than float and double.</exception>
    public static GpuOptimizer<T> Create(Accelerator accelerator, Optimizer<T> optimizer)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Element type {typeof(T).Name} is not supported on the device.");
        return new GpuOptimizer<T>(optimizer.Accept(new Factory(accelerator)));
    }

    /// <summary>The accelerator.</summary>
    public Accelerator Accelerator => _stepper.Device.Accelerator;

    /// <summary>Device view of a parameter's values.</summary>
    /// <param name="parameter">A parameter of the optimizer.</param>
    /// <returns>The view.</returns>
    public ArrayView1D<T, Stride1D.Dense> DataView(Parameter<T> parameter) => _stepper.Device.Buffers(parameter).Data.View;

    /// <summary>Device view of a parameter's gradient, where device code writes gradients.</summary>
    /// <param name="parameter">A parameter of the optimizer.</param>
    /// <returns>The view.</returns>
    public ArrayView1D<T, Stride1D.Dense> GradView(Parameter<T> parameter) => _stepper.Device.Buffers(parameter).Grad.View;

    /// <summary>Copies every host gradient (<see cref="Parameter{T}.Grad"/>) to the device.</summary>
    public void UploadGradients() => _stepper.Device.UploadGradients();

    /// <summary>One step of an element-wise optimizer on the device with the gradients in <see cref="GradView"/>
    /// (asynchronous on the accelerator's default stream unless the non-finite check is on, which waits for its flags).</summary>
    /// <returns>False when the step was skipped because of a non-finite gradient
    /// (<see cref="NonFiniteGradientPolicy.Skip"/>); nothing on the device changed then.</returns>
    /// <exception cref="NonFiniteGradientException">Under <see cref="NonFiniteGradientPolicy.Throw"/>, before anything changes.</exception>
    /// <exception cref="InvalidOperationException">For Step-Tuned SGD, which evaluates two gradients per step: use <see cref="Step(Action)"/>.</exception>
    public bool Step() => _stepper.Step();

    /// <summary>One step of an element-wise optimizer with the gradients clipped to a global 2-norm of at most
    /// <paramref name="maxNorm"/>, as <see cref="ElementwiseOptimizer{T, TOptions, TRule}.StepClipped"/> on the CPU: the
    /// norm is a device reduction (one read of the gradients, one small read-back), the clip factor is applied inside the
    /// update pass and the device gradients are left unchanged. The norm is recorded in the optimizer's
    /// <c>LastGradientNorm</c>; a non-finite norm triggers the non-finite policy.</summary>
    /// <param name="maxNorm">Largest allowed total norm, &gt;= 0.</param>
    /// <returns>False when the step was skipped because of a non-finite gradient.</returns>
    public bool StepClipped(double maxNorm) => _stepper.StepClipped(maxNorm);

    /// <summary>One step with a gradient oracle: <paramref name="computeGradients"/> must leave the gradient at the current
    /// device parameters in <see cref="GradView"/> (by device code, or by computing on the host after
    /// <see cref="DownloadParameters"/> and calling <see cref="UploadGradients"/>). Step-Tuned SGD calls it twice, with the
    /// same mini-batch expected; element-wise optimizers call it once and then step.</summary>
    /// <param name="computeGradients">Gradient oracle.</param>
    /// <returns>False when the step was skipped because of a non-finite gradient (Step-Tuned SGD then restores the
    /// parameters moved by its first half step).</returns>
    public bool Step(Action computeGradients)
    {
        ArgumentNullException.ThrowIfNull(computeGradients);
        return _stepper.Step(computeGradients);
    }

    /// <summary>Waits for the device, then copies parameters and state back into the host parameters and host optimizer state.</summary>
    public void DownloadToHost() => _stepper.Device.Download(withState: true);

    /// <summary>Waits for the device, then copies only the parameters back into <see cref="Parameter{T}.Data"/> (for host
    /// gradient code inside a <see cref="Step(Action)"/> oracle).</summary>
    public void DownloadParameters() => _stepper.Device.Download(withState: false);

    /// <summary>Copies the host parameters and the host optimizer state to the device, replacing what is there: after
    /// <see cref="Optimizer{T}.LoadState"/> on the host optimizer (and restoring <see cref="Parameter{T}.Data"/>), the
    /// device continues from the checkpoint exactly as a freshly created device optimizer would.</summary>
    public void UploadFromHost() => _stepper.Device.Upload();

    /// <summary>Waits for queued device work.</summary>
    public void Synchronize() => _stepper.Device.Accelerator.Synchronize();

    /// <inheritdoc/>
    public void Dispose() => _stepper.Device.Dispose();

    private abstract class Stepper(DeviceState device)
    {
        public DeviceState Device { get; } = device;

        public abstract bool Step();

        public abstract bool Step(Action computeGradients);

        public abstract bool StepClipped(double maxNorm);
    }

    /// <summary>The device stepper of each kind of optimizer.</summary>
    private sealed class Factory(Accelerator accelerator) : IOptimizerVisitor<T, Stepper>
    {
        public Stepper Visit<TOptions, TRule>(ElementwiseOptimizer<T, TOptions, TRule> optimizer)
            where TOptions : OptimizerOptions
            where TRule : struct, IElementRule => new ElementwiseStepper<TOptions, TRule>(accelerator, optimizer);

        public Stepper Visit(StepTunedSgd<T> optimizer) => new StepTunedStepper(accelerator, optimizer);

        public Stepper Visit<TOptions, TMeasure, TUpdate>(GlobalNormOptimizer<T, TOptions, TMeasure, TUpdate> optimizer)
            where TOptions : OptimizerOptions
            where TMeasure : struct, IElementReductionRule
            where TUpdate : struct, IElementReductionRule => new GlobalNormStepper<TOptions, TMeasure, TUpdate>(accelerator, optimizer);

        public Stepper Visit(Lbfgs<T> optimizer) => throw new NotSupportedException(
            "LBFGS has no device backend: each iteration is a chain of host decisions (closure evaluations, the " +
            "strong-Wolfe line search, the two-loop recursion over its history) on small scalars; run Lbfgs<T> on the CPU.");
    }

    /// <summary>Per-parameter device buffers: values, gradient and up to three state slots.</summary>
    private sealed class DeviceBuffers(MemoryBuffer1D<T, Stride1D.Dense> data, MemoryBuffer1D<T, Stride1D.Dense> grad) : IDisposable
    {
        public MemoryBuffer1D<T, Stride1D.Dense> Data { get; } = data;

        public MemoryBuffer1D<T, Stride1D.Dense> Grad { get; } = grad;

        public MemoryBuffer1D<T, Stride1D.Dense>?[] Slots { get; } = new MemoryBuffer1D<T, Stride1D.Dense>?[3];

        public int Mask { get; set; }

        public bool Initialized { get; set; }

        public int Length => (int)Data.Length;

        public void Dispose()
        {
            Data.Dispose();
            Grad.Dispose();
            foreach (var s in Slots) s?.Dispose();
        }
    }

    /// <summary>What every device optimizer shares: the buffers, the non-finite check and the update launches.</summary>
    private sealed class DeviceState : IDisposable
    {
        private readonly Optimizer<T> _optimizer;
        private readonly Parameter<T>[] _parameters;
        private readonly Dictionary<Parameter<T>, DeviceBuffers> _buffers = new(ReferenceEqualityComparer.Instance);
        private readonly MemoryBuffer1D<T, Stride1D.Dense> _dummy;
        private readonly MemoryBuffer1D<int, Stride1D.Dense> _flags;
        private readonly Dictionary<Type, object> _kernels = [];
        private Action<Index1D, ArrayView<float>, ArrayView<int>, int>? _checkSingle;
        private Action<Index1D, ArrayView<double>, ArrayView<int>, int>? _checkDouble;

        public DeviceState(Accelerator accelerator, Optimizer<T> optimizer)
        {
            Accelerator = accelerator;
            _optimizer = optimizer;
            _parameters = [.. optimizer.Parameters];
            _dummy = accelerator.Allocate1D<T>(1);
            _flags = accelerator.Allocate1D<int>(Math.Max(1, _parameters.Length));
            foreach (var p in _parameters)
            {
                var b = new DeviceBuffers(accelerator.Allocate1D(p.Data), accelerator.Allocate1D<T>(p.Length));
                b.Grad.MemSetToZero();
                _buffers[p] = b;
            }
        }

        public Accelerator Accelerator { get; }

        public IReadOnlyList<Parameter<T>> Parameters => _parameters;

        public DeviceBuffers Buffers(Parameter<T> parameter) =>
            _buffers.TryGetValue(parameter, out var b) ? b : throw new ArgumentException($"Parameter '{parameter.Name}' does not belong to this optimizer.", nameof(parameter));

        public void UploadGradients()
        {
            foreach (var p in _parameters)
            {
                var b = _buffers[p];
                if (p.Grad.Length != b.Length)
                    throw new ArgumentException($"Gradient of parameter '{p.Name}' has length {p.Grad.Length} but the parameter has length {b.Length}.", nameof(Parameter<T>.Grad));
                b.Grad.CopyFromCPU(p.Grad);
            }
        }

        /// <summary>On the first step of a parameter, uploads its initial state (zeros, Rprop's step_size = lr, Adagrad's
        /// accumulator, ...) into new slot buffers; afterwards re-uploads only the transient slots when the host prepares
        /// them (drawn noise).</summary>
        public DeviceBuffers Bind(Parameter<T> parameter, ParameterState<T> state, bool uploadTransient)
        {
            var b = _buffers[parameter];
            if (!b.Initialized)
            {
                for (int k = 0; k < 3; k++)
                {
                    if (state.Slot(k) is not { } host) continue;
                    b.Slots[k] = Accelerator.Allocate1D(host);
                    b.Mask |= 1 << k;
                }

                b.Initialized = true;
            }
            else if (uploadTransient)
            {
                for (int k = 0; k < 3; k++)
                    if (state.IsTransient(k) && b.Slots[k] is { } s && state.Slot(k) is { } host) s.CopyFromCPU(host);
            }

            return b;
        }

        public ArrayView<T> SlotView(DeviceBuffers b, int k) => b.Slots[k]?.View ?? _dummy.View;

        /// <summary>Applies the optimizer's non-finite policy to the device gradients; true when the step may proceed.
        /// <paramref name="beforeReport"/> runs (to restore anything already changed) before the policy throws or skips.</summary>
        public bool CheckGradients(Action? beforeReport = null)
        {
            if (_optimizer.NonFiniteGradients == NonFiniteGradientPolicy.None) return true;
            _flags.MemSetToZero();
            for (int k = 0; k < _parameters.Length; k++)
            {
                var b = _buffers[_parameters[k]];
                if (b.Length == 0) continue;
                var g = b.Grad.View.AsContiguous();
                if (typeof(T) == typeof(float))
                {
                    _checkSingle ??= Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, int>(GpuKernels.NonFiniteSingle);
                    _checkSingle(b.Length, g.Cast<float>(), _flags.View, k);
                }
                else
                {
                    _checkDouble ??= Accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<int>, int>(GpuKernels.NonFiniteDouble);
                    _checkDouble(b.Length, g.Cast<double>(), _flags.View, k);
                }
            }

            int[] flags = _flags.GetAsArray1D();
            for (int k = 0; k < _parameters.Length; k++)
            {
                if (flags[k] == 0) continue;
                beforeReport?.Invoke();
                return _optimizer.ReportNonFiniteGradient(_parameters[k], _buffers[_parameters[k]].Length - flags[k]);
            }

            return true;
        }

        /// <summary>Sum of the squared device gradients of every parameter (fixed-order reduction, one read-back).</summary>
        public double GradientSumOfSquares()
        {
            return Kernel<SumSquaresKernel>(a => new SumSquaresKernel(a)).Run(this, _parameters);
        }

        public void Update<TRule>(DeviceBuffers b, TRule rule) where TRule : struct, IElementRule
        {
            if (b.Length == 0) return;
            var k = Kernel<UpdateKernel<TRule>>(a => new UpdateKernel<TRule>(a));
            k.Launch(b.Length, b.Data.View.AsContiguous(), b.Grad.View.AsContiguous(), SlotView(b, 0), SlotView(b, 1), SlotView(b, 2), b.Mask, rule);
        }

        public PartialSums Sums => Kernel<PartialSums>(a => new PartialSums(a));

        public ReduceKernel<TRule> Reducer<TRule>() where TRule : struct, IElementReductionRule =>
            Kernel<ReduceKernel<TRule>>(a => new ReduceKernel<TRule>(a));

        private TKernel Kernel<TKernel>(Func<Accelerator, TKernel> load) where TKernel : class
        {
            if (_kernels.TryGetValue(typeof(TKernel), out var k)) return (TKernel)k;
            var created = load(Accelerator);
            _kernels[typeof(TKernel)] = created;
            return created;
        }

        public void Upload()
        {
            Accelerator.Synchronize();
            foreach (var p in _parameters)
            {
                var b = _buffers[p];
                if (p.Data.Length != b.Length)
                    throw new ArgumentException($"Parameter '{p.Name}' has length {p.Data.Length} but its device buffer has length {b.Length}.", nameof(Parameter<T>.Data));
                b.Data.CopyFromCPU(p.Data);

                // Drop the device state; the next step binds the (restored) host state as on a first step.
                for (int k = 0; k < 3; k++)
                {
                    b.Slots[k]?.Dispose();
                    b.Slots[k] = null;
                }

                b.Mask = 0;
                b.Initialized = false;
            }
        }

        public void Download(bool withState)
        {
            Accelerator.Synchronize();
            foreach (var p in _parameters)
            {
                var b = _buffers[p];
                b.Data.CopyToCPU(p.Data);
                if (!withState) continue;
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
            _flags.Dispose();
            foreach (var k in _kernels.Values) (k as IDisposable)?.Dispose();
        }
    }

    /// <summary>The update kernel of one rule type, in the element type's precision.</summary>
    private sealed class UpdateKernel<TRule> where TRule : struct, IElementRule
    {
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, TRule>? _single;
        private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TRule>? _double;

        public UpdateKernel(Accelerator accelerator)
        {
            if (typeof(T) == typeof(float))
                _single = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, TRule>(GpuKernels.Single);
            else
                _double = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, TRule>(GpuKernels.Double);
        }

        public void Launch(int n, ArrayView<T> p, ArrayView<T> g, ArrayView<T> s0, ArrayView<T> s1, ArrayView<T> s2, int mask, TRule rule)
        {
            if (_single is not null)
                _single(n, p.Cast<float>(), g.Cast<float>(), s0.Cast<float>(), s1.Cast<float>(), s2.Cast<float>(), mask, rule);
            else
                _double!(n, p.Cast<double>(), g.Cast<double>(), s0.Cast<double>(), s1.Cast<double>(), s2.Cast<double>(), mask, rule);
        }
    }

    /// <summary>The fixed-order two-stage reduction shared by the device reductions: per parameter, a first kernel
    /// writes at most <see cref="MaxThreads"/> partial pairs (two rows); <see cref="GpuKernels.SumPartials"/> folds each
    /// row to at most <see cref="Width"/> values; one read-back for all parameters; the host adds in order.
    /// Deterministic for a given device, with no floating-point atomics.</summary>
    private sealed class PartialSums : IDisposable
    {
        public const int MaxThreads = 1 << 16;
        public const int Width = 256;

        private readonly Accelerator _accelerator;
        private readonly Action<Index1D, ArrayView<double>, int, int, ArrayView<double>, int> _fold;
        private MemoryBuffer1D<double, Stride1D.Dense>? _partial;
        private MemoryBuffer1D<double, Stride1D.Dense>? _folded;
        private int[] _widths = [];
        private double[] _host = [];
        private int _count;

        public PartialSums(Accelerator accelerator)
        {
            _accelerator = accelerator;
            _fold = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, int, ArrayView<double>, int>(GpuKernels.SumPartials);
        }

        public static int Threads(int length) => Math.Min(length, MaxThreads);

        /// <summary>Prepares for <paramref name="count"/> reductions.</summary>
        public void Begin(int count)
        {
            _partial ??= _accelerator.Allocate1D<double>(2 * MaxThreads);
            if (_folded is null || _folded.Length < 2 * Width * count)
            {
                _folded?.Dispose();
                _folded = _accelerator.Allocate1D<double>(Math.Max(1, 2 * Width * count));
                _host = new double[_folded.Length];
            }

            // Read looks only at what Fold wrote (2 * width entries per reduction): no clearing needed.
            if (_widths.Length < count) _widths = new int[count];
            Array.Clear(_widths, 0, count);
            _count = count;
        }

        /// <summary>Where the first kernel of the current reduction writes its 2 * <paramref name="threads"/> partials.</summary>
        public ArrayView<double> Partial(int threads) => _partial!.View.SubView(0, 2 * threads);

        /// <summary>Folds the partials of reduction <paramref name="k"/> (queued after its first kernel).</summary>
        public void Fold(int k, int threads)
        {
            int width = Math.Min(threads, Width);
            _widths[k] = width;
            _fold(2 * width, Partial(threads), threads, width, _folded!.View, 2 * Width * k);
        }

        /// <summary>Waits, reads back and adds, in order, both rows over every reduction.</summary>
        public (double Sum0, double Sum1) Read()
        {
            _folded!.CopyToCPU(_host);
            double[] folded = _host;
            double sum0 = 0.0, sum1 = 0.0;
            for (int k = 0; k < _count; k++)
            {
                int width = _widths[k], at = 2 * Width * k;
                for (int j = 0; j < width; j++) sum0 += folded[at + j];
                for (int j = 0; j < width; j++) sum1 += folded[at + width + j];
            }

            return (sum0, sum1);
        }

        public void Dispose()
        {
            _partial?.Dispose();
            _folded?.Dispose();
        }
    }

    /// <summary>The update-and-reduce kernel of one rule type (<see cref="GpuKernels.ReduceSingle{TRule}"/>).</summary>
    private sealed class ReduceKernel<TRule> where TRule : struct, IElementReductionRule
    {
        private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, ArrayView<double>, TRule>? _single;
        private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, ArrayView<double>, TRule>? _double;

        public ReduceKernel(Accelerator accelerator)
        {
            if (typeof(T) == typeof(float))
                _single = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, ArrayView<double>, TRule>(GpuKernels.ReduceSingle);
            else
                _double = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>, int, int, ArrayView<double>, TRule>(GpuKernels.ReduceDouble);
        }

        /// <summary>Runs the rule over every listed parameter and returns the two sums.</summary>
        public (double Sum0, double Sum1) Run(DeviceState device, IReadOnlyList<DeviceBuffers> buffers, TRule rule)
        {
            var sums = device.Sums;
            sums.Begin(buffers.Count);
            for (int k = 0; k < buffers.Count; k++)
            {
                var b = buffers[k];
                if (b.Length == 0) continue;
                int threads = PartialSums.Threads(b.Length);
                var partial = sums.Partial(threads);
                ArrayView<T> p = b.Data.View.AsContiguous(), g = b.Grad.View.AsContiguous();
                ArrayView<T> s0 = device.SlotView(b, 0), s1 = device.SlotView(b, 1), s2 = device.SlotView(b, 2);
                if (_single is not null)
                    _single(threads, p.Cast<float>(), g.Cast<float>(), s0.Cast<float>(), s1.Cast<float>(), s2.Cast<float>(), b.Mask, threads, partial, rule);
                else
                    _double!(threads, p.Cast<double>(), g.Cast<double>(), s0.Cast<double>(), s1.Cast<double>(), s2.Cast<double>(), b.Mask, threads, partial, rule);
                sums.Fold(k, threads);
            }

            return sums.Read();
        }
    }

    /// <summary>Sum of squares of the gradients (<see cref="GpuKernels.SumSquaresSingle"/>), for clipping.</summary>
    private sealed class SumSquaresKernel
    {
        private readonly Action<Index1D, ArrayView<float>, int, ArrayView<double>>? _single;
        private readonly Action<Index1D, ArrayView<double>, int, ArrayView<double>>? _double;

        public SumSquaresKernel(Accelerator accelerator)
        {
            if (typeof(T) == typeof(float))
                _single = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, int, ArrayView<double>>(GpuKernels.SumSquaresSingle);
            else
                _double = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, ArrayView<double>>(GpuKernels.SumSquaresDouble);
        }

        public double Run(DeviceState device, IReadOnlyList<Parameter<T>> parameters)
        {
            var sums = device.Sums;
            sums.Begin(parameters.Count);
            for (int k = 0; k < parameters.Count; k++)
            {
                var b = device.Buffers(parameters[k]);
                if (b.Length == 0) continue;
                int threads = PartialSums.Threads(b.Length);
                ArrayView<T> g = b.Grad.View.AsContiguous();
                if (_single is not null) _single(threads, g.Cast<float>(), threads, sums.Partial(threads));
                else _double!(threads, g.Cast<double>(), threads, sums.Partial(threads));
                sums.Fold(k, threads);
            }

            return sums.Read().Sum0;
        }
    }

    private sealed class ElementwiseStepper<TOptions, TRule>(Accelerator accelerator, ElementwiseOptimizer<T, TOptions, TRule> optimizer)
        : Stepper(new DeviceState(accelerator, optimizer))
        where TOptions : OptimizerOptions
        where TRule : struct, IElementRule
    {
        public override bool Step()
        {
            if (!Device.CheckGradients()) return false;
            optimizer.PrepareBackendUpdate();
            bool transient = optimizer.NeedsHostPreparation;
            foreach (var p in Device.Parameters)
            {
                var (rule, state) = optimizer.PrepareStep(p);
                Device.Update(Device.Bind(p, state, transient), rule);
            }

            return true;
        }

        public override bool Step(Action computeGradients)
        {
            computeGradients();
            return Step();
        }

        public override bool StepClipped(double maxNorm)
        {
            double scale = optimizer.ClipScale(maxNorm, Device.GradientSumOfSquares());
            if (!double.IsFinite(optimizer.LastGradientNorm) && !Device.CheckGradients()) return false;
            optimizer.PrepareBackendUpdate();
            bool transient = optimizer.NeedsHostPreparation;
            foreach (var p in Device.Parameters)
            {
                var (rule, state) = optimizer.PrepareStep(p);
                var b = Device.Bind(p, state, transient);
                if (scale == 1.0) Device.Update(b, rule);
                else Device.Update(b, new ScaledGradientRule<TRule>(rule, scale));
            }

            return true;
        }
    }

    /// <summary>Step-Tuned SGD on the device: the host keeps gamma and k (<see cref="StepTunedSgd{T}.NextStepSize"/>,
    /// <see cref="StepTunedSgd{T}.CompleteIteration"/>); the half steps are the CPU rules and the second one's two inner
    /// products are device reductions.</summary>
    private sealed class StepTunedStepper(Accelerator accelerator, StepTunedSgd<T> optimizer) : Stepper(new DeviceState(accelerator, optimizer))
    {
        public override bool Step() =>
            throw new InvalidOperationException("Step-Tuned SGD evaluates two gradients per step: call Step(Action computeGradients).");

        public override bool StepClipped(double maxNorm) =>
            throw new InvalidOperationException("Step-Tuned SGD has no clipped step (its step size comes from its own curvature estimate).");

        public override bool Step(Action computeGradients)
        {
            var ps = Device.Parameters;
            var bound = new DeviceBuffers[ps.Count];
            computeGradients();
            if (!Device.CheckGradients()) return false;

            double eta = optimizer.NextStepSize;
            var first = new StepTunedFirstHalfRule(eta);
            for (int k = 0; k < ps.Count; k++)
            {
                bound[k] = Device.Bind(ps[k], optimizer.PrepareState(ps[k]), uploadTransient: false);
                Device.Update(bound[k], first);
            }

            computeGradients();
            if (!Device.CheckGradients(() =>
            {
                var undo = new StepTunedUndoFirstHalfRule(eta);
                foreach (var b in bound) Device.Update(b, undo);
            }))
            {
                return false;
            }

            var (g1Sq, gDotG1) = Device.Reducer<StepTunedSecondHalfRule>().Run(Device, bound, optimizer.SecondHalfRule(eta));
            optimizer.CompleteIteration(eta, g1Sq, gDotG1);
            return true;
        }
    }

    /// <summary>AdaGrad-Norm and AcceleGrad on the device: the measuring pass and the update pass are the CPU rules run as
    /// device reductions; the host optimizer turns the measured sums into the step's scalars
    /// (<see cref="GlobalNormOptimizer{T, TOptions, TMeasure, TUpdate}.BeginStep"/>) and keeps them.</summary>
    private sealed class GlobalNormStepper<TOptions, TMeasure, TUpdate>(Accelerator accelerator, GlobalNormOptimizer<T, TOptions, TMeasure, TUpdate> optimizer)
        : Stepper(new DeviceState(accelerator, optimizer))
        where TOptions : OptimizerOptions
        where TMeasure : struct, IElementReductionRule
        where TUpdate : struct, IElementReductionRule
    {
        public override bool Step()
        {
            if (!Device.CheckGradients()) return false;
            var ps = Device.Parameters;
            var bound = new DeviceBuffers[ps.Count];
            for (int k = 0; k < ps.Count; k++) bound[k] = Device.Bind(ps[k], optimizer.PrepareState(ps[k]), uploadTransient: false);
            var (m0, m1) = Device.Reducer<TMeasure>().Run(Device, bound, optimizer.MeasureRule());
            var (u0, u1) = Device.Reducer<TUpdate>().Run(Device, bound, optimizer.BeginStep(m0, m1));
            optimizer.CompleteStep(u0, u1);
            return true;
        }

        public override bool Step(Action computeGradients)
        {
            computeGradients();
            return Step();
        }

        public override bool StepClipped(double maxNorm) =>
            throw new InvalidOperationException($"{optimizer.Name} has no clipped step: its step size already adapts to the gradient norm.");
    }
}
