using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using DiffGen.Optimizers;

namespace DiffGen.Benchmarks.Optimizers;

/// <summary>One optimizer step over N float32 parameters (one tensor), and the copy baseline.</summary>
public class OptimizerStepBenchmarks
{
    private Parameter<float> _p = null!;
    private float[]? _src;
    private float[]? _dst;
    private Func<bool>? _sgd, _sgdMomentum, _adam, _adamW, _adagrad, _rmsProp, _inna, _rprop, _adadelta, _adamax, _nadam, _radam, _asgd;

    /// <summary>Number of parameters.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>The sizes of issue 4 (the short run uses the same).</summary>
    public static int[] Sizes => [1_000_000, 10_000_000, 50_000_000];

    [GlobalSetup]
    public void Setup()
    {
        var data = new float[N];
        for (int i = 0; i < N; i++) data[i] = (i % 1000 - 500) * 1e-3f;
        _p = new Parameter<float>(data);
        for (int i = 0; i < N; i++) _p.Grad[i] = (i % 777 - 388) * 1e-6f;
        (_sgd, _sgdMomentum, _adam, _adamW, _adagrad, _rmsProp, _inna, _rprop) = (null, null, null, null, null, null, null, null);
        (_adadelta, _adamax, _nadam, _radam, _asgd) = (null, null, null, null, null);
        _src = null;
        _dst = null;
    }

    // Each optimizer is created on its benchmark's first call (a warm-up invocation), so a case allocates only its own
    // state and the first step's allocation is not measured.
    private static Func<bool> Lazy(ref Func<bool>? slot, Func<Func<bool>> create) => slot ??= create();

    /// <summary>Parallel copy of 28 bytes per parameter (the bandwidth reference).</summary>
    [Benchmark(Baseline = true)]
    public void Copy()
    {
        // 14 bytes per parameter each way: 28 B/element like Adam (read p, g, m, v; write p, m, v). Allocated on the
        // first (warm-up) call so that other cases do not pay for it.
        if (_src is null || _dst is null)
        {
            _src = new float[N / 2 * 7];
            _dst = new float[_src.Length];
            _src.AsSpan().Fill(1f);
            _dst.AsSpan().Fill(2f);
        }

        float[] src = _src, dst = _dst;
        const int chunk = 1 << 16;
        int chunks = (src.Length + chunk - 1) / chunk;
        Parallel.For(0, chunks, c =>
        {
            int start = c * chunk;
            int len = Math.Min(chunk, src.Length - start);
            src.AsSpan(start, len).CopyTo(dst.AsSpan(start, len));
        });
    }

    /// <summary>SGD (12 B/element).</summary>
    [Benchmark]
    public bool Sgd() => Lazy(ref _sgd, () => new Sgd<float>([_p], new SgdOptions { Lr = 1e-6 }).Step)();

    /// <summary>SGD with momentum (20 B/element).</summary>
    [Benchmark]
    public bool SgdMomentum() => Lazy(ref _sgdMomentum, () => new Sgd<float>([_p], new SgdOptions { Lr = 1e-6, Momentum = 0.9 }).Step)();

    /// <summary>Adam (28 B/element).</summary>
    [Benchmark]
    public bool Adam() => Lazy(ref _adam, () => new Adam<float>([_p], new AdamOptions { Lr = 1e-6 }).Step)();

    /// <summary>AdamW (28 B/element).</summary>
    [Benchmark]
    public bool AdamW() => Lazy(ref _adamW, () => new AdamW<float>([_p], new AdamOptions { Lr = 1e-6 }).Step)();

    /// <summary>Adagrad (20 B/element).</summary>
    [Benchmark]
    public bool Adagrad() => Lazy(ref _adagrad, () => new Adagrad<float>([_p], new AdagradOptions { Lr = 1e-6 }).Step)();

    /// <summary>RMSprop (20 B/element).</summary>
    [Benchmark]
    public bool RmsProp() => Lazy(ref _rmsProp, () => new RmsProp<float>([_p], new RmsPropOptions { Lr = 1e-6 }).Step)();

    /// <summary>INNA (20 B/element).</summary>
    [Benchmark]
    public bool Inna() => Lazy(ref _inna, () => new Inna<float>([_p], new InnaOptions { Lr = 1e-6 }).Step)();

    /// <summary>Rprop (28 B/element).</summary>
    [Benchmark]
    public bool Rprop() => Lazy(ref _rprop, () => new Rprop<float>([_p], new RpropOptions { Lr = 1e-6 }).Step)();

    /// <summary>Adadelta (28 B/element).</summary>
    [Benchmark]
    public bool Adadelta() => Lazy(ref _adadelta, () => new Adadelta<float>([_p], new AdadeltaOptions { Lr = 1e-6 }).Step)();

    /// <summary>Adamax (28 B/element).</summary>
    [Benchmark]
    public bool Adamax() => Lazy(ref _adamax, () => new Adamax<float>([_p], new AdamaxOptions { Lr = 1e-6 }).Step)();

    /// <summary>NAdam (28 B/element).</summary>
    [Benchmark]
    public bool NAdam() => Lazy(ref _nadam, () => new NAdam<float>([_p], new NAdamOptions { Lr = 1e-6 }).Step)();

    /// <summary>RAdam (28 B/element).</summary>
    [Benchmark]
    public bool RAdam() => Lazy(ref _radam, () => new RAdam<float>([_p], new RAdamOptions { Lr = 1e-6 }).Step)();

    /// <summary>ASGD (20 B/element: p, g, ax read; p, ax written).</summary>
    [Benchmark]
    public bool Asgd() => Lazy(ref _asgd, () => new Asgd<float>([_p], new AsgdOptions { Lr = 1e-6 }).Step)();
}
