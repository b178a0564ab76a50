using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>Hyper-parameters of <see cref="Sag"/>.</summary>
public sealed record SagOptions : FiniteSumOptions
{
    /// <summary>1/16: Schmidt, Le Roux and Bach prove the linear rate for the step 1/(16 L).</summary>
    public override double PaperStepFactor => 1.0 / 16.0;
}

/// <summary>
/// Stochastic average gradient (Schmidt, Le Roux, Bach, "Minimizing finite sums with the stochastic average gradient",
/// 2017): keeps the last gradient y_i seen for every sample and their sum d; each iteration draws i, replaces y_i by
/// f_i'(w) (d += f_i'(w) - y_i) and steps w = (1 - alpha lambda) w - (alpha / m) d, where m is the number of distinct
/// samples seen so far (the paper's start without an initial pass). Table: one scalar per sample for a
/// <see cref="LinearModelSum"/>, a full gradient per sample otherwise. Default step 1/(16 L).
/// </summary>
public sealed class Sag : FiniteSumOptimizer
{
    private double[] _table;
    private double[] _sum;
    private bool[] _seen;
    private int _seenCount;
    private readonly double[] _delta;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The weights (length d), updated in place.</param>
    /// <param name="problem">The finite sum.</param>
    /// <param name="options">Hyper-parameters (<see cref="FiniteSumOptions.Smoothness"/> or <see cref="FiniteSumOptions.Lr"/> required).</param>
    public Sag(Parameter<double> weights, FiniteSum problem, SagOptions options) : base(weights, problem, options)
    {
        _table = new double[(long)problem.Count * problem.EntryLength];
        _sum = new double[problem.Dimension];
        _seen = new bool[problem.Count];
        _delta = new double[problem.EntryLength];
    }

    /// <inheritdoc/>
    public override string Name => "SAG";

    /// <summary>Distinct samples seen (the m of the step).</summary>
    public int SeenCount => _seenCount;

    /// <inheritdoc/>
    protected override void Iterate(Span<double> w)
    {
        int i = NextSample();
        int e = Problem.EntryLength;
        var fresh = Evaluate(i, w);
        var stored = _table.AsSpan(i * e, e);
        TensorPrimitives.Subtract(fresh, stored, _delta);
        Problem.AddEntry(i, _delta, 1.0, _sum);
        fresh.CopyTo(stored);
        if (!_seen[i])
        {
            _seen[i] = true;
            _seenCount++;
        }

        if (WeightDecay != 0.0) TensorPrimitives.Multiply(w, 1.0 - StepSize * WeightDecay, w);
        TensorPrimitives.MultiplyAdd(_sum, -StepSize / _seenCount, w, w);
    }

    /// <inheritdoc/>
    protected internal override void WriteMethodState(BinaryWriter writer)
    {
        FiniteSumState.WriteArray(writer, _table);
        FiniteSumState.WriteArray(writer, _sum);
        writer.Write(_seen.Length);
        foreach (bool s in _seen) writer.Write(s);
    }

    /// <inheritdoc/>
    protected internal override Action ReadMethodState(BinaryReader reader)
    {
        double[] table = FiniteSumState.ReadArray(reader, _table.Length, "gradient table");
        double[] sum = FiniteSumState.ReadArray(reader, _sum.Length, "gradient sum");
        int n = reader.ReadInt32();
        if (n != _seen.Length) throw new InvalidDataException($"Checkpoint's seen flags have {n} values, expected {_seen.Length}.");
        var seen = new bool[n];
        int count = 0;
        for (int i = 0; i < n; i++) count += (seen[i] = reader.ReadBoolean()) ? 1 : 0;
        return () => (_table, _sum, _seen, _seenCount) = (table, sum, seen, count);
    }
}
