using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>Hyper-parameters of <see cref="Svrg"/>.</summary>
public sealed record SvrgOptions : FiniteSumOptions
{
    /// <summary>1/10: Johnson and Zhang's experiments use about 1/(10 L) with m = 2n for convex problems.</summary>
    public override double PaperStepFactor => 1.0 / 10.0;

    /// <summary>m, inner iterations per snapshot (default null: 2n, the paper's choice for convex problems).</summary>
    public int? InnerLoopLength { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (InnerLoopLength is { } m) OptimizerValidation.Require(m > 0, nameof(InnerLoopLength), $"Invalid inner loop length: {m}");
    }
}

/// <summary>
/// Stochastic variance-reduced gradient (Johnson, Zhang 2013): every m iterations a snapshot w~ = w and its full
/// gradient mu = (1/n) sum_i f_i'(w~) (n evaluations); in between, w = w - eta (f_i'(w) - f_i'(w~) + mu + lambda w) for a
/// drawn i. The snapshot is the last inner iterate (the paper's option I). For a <see cref="LinearModelSum"/> the
/// snapshot's n scalars l_i'(x_i . w~) are kept, so an inner iteration costs one evaluation; otherwise f_i'(w~) is
/// recomputed (two evaluations). Default step 1/(10 L), m = 2n.
/// </summary>
public sealed class Svrg : FiniteSumOptimizer
{
    private double[] _mean;
    private double[]? _snapshotEntries;
    private double[] _snapshot;
    private long _inner;
    private readonly double[] _delta;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The weights (length d), updated in place.</param>
    /// <param name="problem">The finite sum.</param>
    /// <param name="options">Hyper-parameters (<see cref="FiniteSumOptions.Smoothness"/> or <see cref="FiniteSumOptions.Lr"/> required).</param>
    public Svrg(Parameter<double> weights, FiniteSum problem, SvrgOptions options) : base(weights, problem, options)
    {
        InnerLoopLength = options.InnerLoopLength ?? 2 * problem.Count;
        _mean = new double[problem.Dimension];
        _snapshot = new double[problem.Dimension];
        _snapshotEntries = problem.EntryLength == 1 ? new double[problem.Count] : null;
        _delta = new double[problem.EntryLength];
    }

    /// <inheritdoc/>
    public override string Name => "SVRG";

    /// <summary>m, inner iterations per snapshot.</summary>
    public int InnerLoopLength { get; }

    /// <inheritdoc/>
    protected override void Iterate(Span<double> w)
    {
        int n = Problem.Count;
        if (_inner == 0)
        {
            w.CopyTo(_snapshot);
            Array.Clear(_mean);
            for (int i = 0; i < n; i++)
            {
                var entry = Evaluate(i, _snapshot);
                if (_snapshotEntries is not null) _snapshotEntries[i] = entry[0];
                Problem.AddEntry(i, entry, 1.0 / n, _mean);
            }
        }

        int s = NextSample();
        Evaluate(s, w).CopyTo(_delta);
        if (_snapshotEntries is not null) _delta[0] -= _snapshotEntries[s];
        else TensorPrimitives.Subtract(_delta, Evaluate(s, _snapshot), _delta);
        if (WeightDecay != 0.0) TensorPrimitives.Multiply(w, 1.0 - StepSize * WeightDecay, w);
        TensorPrimitives.MultiplyAdd(_mean, -StepSize, w, w);
        Problem.AddEntry(s, _delta, -StepSize, w);
        _inner = (_inner + 1) % InnerLoopLength;
    }

    /// <inheritdoc/>
    protected internal override void WriteMethodState(BinaryWriter writer)
    {
        writer.Write(_inner);
        FiniteSumState.WriteArray(writer, _snapshot);
        FiniteSumState.WriteArray(writer, _mean);
        FiniteSumState.WriteArray(writer, _snapshotEntries ?? []);
    }

    /// <inheritdoc/>
    protected internal override Action ReadMethodState(BinaryReader reader)
    {
        long inner = reader.ReadInt64();
        if (inner < 0 || inner >= InnerLoopLength) throw new InvalidDataException($"Checkpoint's inner iteration {inner} is outside [0, {InnerLoopLength}).");
        double[] snapshot = FiniteSumState.ReadArray(reader, _snapshot.Length, "snapshot");
        double[] mean = FiniteSumState.ReadArray(reader, _mean.Length, "snapshot gradient");
        double[] entries = FiniteSumState.ReadArray(reader, _snapshotEntries?.Length ?? 0, "snapshot entries");
        return () => (_inner, _snapshot, _mean, _snapshotEntries) = (inner, snapshot, mean, _snapshotEntries is null ? null : entries);
    }
}
