using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>
/// Base of the finite-sum methods (SAG, SAGA, SVRG) for F(w) = (1/n) sum_i f_i(w) + (lambda/2) ||w||^2: they draw
/// samples uniformly with replacement from a seeded generator (checkpointed with the state), call the sample's gradient
/// oracle, and keep a memory of past gradients whose variance reduction gives a linear rate on strongly convex
/// problems where SGD's is sublinear. <see cref="Step"/> is one iteration, <see cref="Epoch"/> n of them; progress is
/// best measured in <see cref="EffectivePasses"/> (gradient evaluations / n), which counts every oracle call.
/// </summary>
public abstract class FiniteSumOptimizer
{
    private readonly double[] _fresh;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The weights w (length d), updated in place.</param>
    /// <param name="problem">The finite sum.</param>
    /// <param name="options">Hyper-parameters (validated).</param>
    protected FiniteSumOptimizer(Parameter<double> weights, FiniteSum problem, FiniteSumOptions options)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (weights.Length != problem.Dimension)
            throw new ArgumentException($"Weights '{weights.Name}' have length {weights.Length} but the problem has dimension {problem.Dimension}.", nameof(weights));
        Weights = weights;
        Problem = problem;
        StepSize = options.StepSize;
        WeightDecay = options.WeightDecay;
        Sampler = new NoiseSource(options.Seed);
        _fresh = new double[problem.EntryLength];
    }

    /// <summary>The method's name, written into checkpoints.</summary>
    public abstract string Name { get; }

    /// <summary>The weights.</summary>
    public Parameter<double> Weights { get; }

    /// <summary>The finite sum.</summary>
    public FiniteSum Problem { get; }

    /// <summary>The step size in use (the option's <c>Lr</c>, or the paper's rule).</summary>
    public double StepSize { get; }

    /// <summary>lambda of the L2 term.</summary>
    public double WeightDecay { get; }

    /// <summary>Iterations done.</summary>
    public long Iterations { get; private set; }

    /// <summary>Calls of the sample gradient oracle so far.</summary>
    public long GradientEvaluations { get; private set; }

    /// <summary>Gradient evaluations / n: the cost in passes over the data.</summary>
    public double EffectivePasses => GradientEvaluations / (double)Problem.Count;

    internal NoiseSource Sampler { get; }

    /// <summary>One iteration.</summary>
    public void Step()
    {
        if (Weights.Length != Problem.Dimension)
            throw new ArgumentException($"Weights '{Weights.Name}' have length {Weights.Length} but the problem has dimension {Problem.Dimension}.", nameof(Weights));
        Iterate(Weights.Data);
        Iterations++;
    }

    /// <summary>n iterations.</summary>
    public void Epoch()
    {
        for (int k = 0; k < Problem.Count; k++) Step();
    }

    /// <summary>One iteration of the method on <paramref name="w"/>.</summary>
    /// <param name="w">The weights, updated.</param>
    protected abstract void Iterate(Span<double> w);

    /// <summary>A sample index drawn uniformly from [0, n).</summary>
    /// <returns>The index.</returns>
    protected int NextSample() => (int)(((UInt128)Sampler.NextUInt64() * (ulong)Problem.Count) >> 64);

    /// <summary>The table entry of sample <paramref name="sample"/>'s gradient at <paramref name="w"/>, in a buffer reused
    /// by the next call; counts an evaluation and rejects non-finite gradients before they enter the table.</summary>
    /// <param name="sample">Sample index.</param>
    /// <param name="w">Weights.</param>
    /// <returns>The entry.</returns>
    protected ReadOnlySpan<double> Evaluate(int sample, ReadOnlySpan<double> w)
    {
        Problem.Evaluate(sample, w, _fresh);
        GradientEvaluations++;
        if (!double.IsFinite(TensorPrimitives.Sum<double>(_fresh) * 0.0))
        {
            int bad = Array.FindIndex(_fresh, v => !double.IsFinite(v));
            throw new NonFiniteGradientException($"{Weights.Name} (sample {sample})", bad);
        }

        return _fresh;
    }

    /// <summary>Writes the state (not the weights) in DiffGen's finite-sum checkpoint format.</summary>
    /// <param name="stream">Destination.</param>
    public void SaveState(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FiniteSumState.Write(this, stream);
    }

    /// <summary>Restores state written by <see cref="SaveState"/> for the same method and problem shape; a truncated,
    /// corrupt or mismatched file throws <see cref="InvalidDataException"/> and changes nothing.</summary>
    /// <param name="stream">Source.</param>
    public void LoadState(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FiniteSumState.Read(this, stream);
    }

    /// <summary>Writes the method's own state.</summary>
    /// <param name="writer">The writer.</param>
    protected internal abstract void WriteMethodState(BinaryWriter writer);

    /// <summary>Parses what <see cref="WriteMethodState"/> wrote and returns the action that commits it (must not change
    /// the optimizer before then).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The commit.</returns>
    protected internal abstract Action ReadMethodState(BinaryReader reader);

    internal void Restore(long iterations, long evaluations, (ulong, ulong, ulong, ulong) sampler)
    {
        Iterations = iterations;
        GradientEvaluations = evaluations;
        Sampler.State = sampler;
    }
}
