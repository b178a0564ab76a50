using System;
using System.IO;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>Hyper-parameters of <see cref="Saga"/>.</summary>
public sealed record SagaOptions : FiniteSumOptions
{
    /// <summary>1/3: Defazio, Bach and Lacoste-Julien's step 1/(3 L) for strongly convex problems.</summary>
    public override double PaperStepFactor => 1.0 / 3.0;
}

/// <summary>
/// SAGA (Defazio, Bach, Lacoste-Julien 2014): the table phi_i starts at the gradients at w_0 (one pass, counted in the
/// evaluations); each iteration draws j and steps with the unbiased estimate
/// w = w - gamma (f_j'(w) - phi_j + mean_i phi_i + lambda w), then phi_j = f_j'(w_old). Table: one scalar per sample for a
/// <see cref="LinearModelSum"/>, a full gradient per sample otherwise. Default step 1/(3 L).
/// </summary>
public sealed class Saga : FiniteSumOptimizer
{
    private double[] _table;
    private double[] _mean;
    private bool _initialized;
    private readonly double[] _delta;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="weights">The weights (length d), updated in place.</param>
    /// <param name="problem">The finite sum.</param>
    /// <param name="options">Hyper-parameters (<see cref="FiniteSumOptions.Smoothness"/> or <see cref="FiniteSumOptions.Lr"/> required).</param>
    public Saga(Parameter<double> weights, FiniteSum problem, SagaOptions options) : base(weights, problem, options)
    {
        _table = new double[(long)problem.Count * problem.EntryLength];
        _mean = new double[problem.Dimension];
        _delta = new double[problem.EntryLength];
    }

    /// <inheritdoc/>
    public override string Name => "SAGA";

    /// <inheritdoc/>
    protected override void Iterate(Span<double> w)
    {
        int e = Problem.EntryLength, n = Problem.Count;
        if (!_initialized)
        {
            Array.Clear(_mean);
            for (int i = 0; i < n; i++)
            {
                var entry = Evaluate(i, w);
                entry.CopyTo(_table.AsSpan(i * e, e));
                Problem.AddEntry(i, entry, 1.0 / n, _mean);
            }

            _initialized = true;
        }

        int j = NextSample();
        var fresh = Evaluate(j, w);
        var stored = _table.AsSpan(j * e, e);
        TensorPrimitives.Subtract(fresh, stored, _delta);
        fresh.CopyTo(stored);
        if (WeightDecay != 0.0) TensorPrimitives.Multiply(w, 1.0 - StepSize * WeightDecay, w);
        TensorPrimitives.MultiplyAdd(_mean, -StepSize, w, w);
        Problem.AddEntry(j, _delta, -StepSize, w);
        Problem.AddEntry(j, _delta, 1.0 / n, _mean);
    }

    /// <inheritdoc/>
    protected internal override void WriteMethodState(BinaryWriter writer)
    {
        writer.Write(_initialized);
        FiniteSumState.WriteArray(writer, _table);
        FiniteSumState.WriteArray(writer, _mean);
    }

    /// <inheritdoc/>
    protected internal override Action ReadMethodState(BinaryReader reader)
    {
        bool initialized = reader.ReadBoolean();
        double[] table = FiniteSumState.ReadArray(reader, _table.Length, "gradient table");
        double[] mean = FiniteSumState.ReadArray(reader, _mean.Length, "gradient mean");
        return () => (_initialized, _table, _mean) = (initialized, table, mean);
    }
}
