using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Per-parameter optimizer state under torch.optim's key names (<c>exp_avg</c>, <c>momentum_buffer</c>, ...),
/// so checkpoints and the float64 reference trajectories compare key by key.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public sealed class ParameterState<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    internal readonly T[]?[] Slots;
    internal readonly string?[] SlotNames;
    internal readonly bool[] Transient;
    internal readonly double[] Scalars;
    internal readonly string[] ScalarNames;

    internal ParameterState(int length, StateLayout layout)
    {
        Length = length;
        SlotNames = layout.SlotNames;
        Transient = layout.Transient;
        Slots = new T[]?[layout.SlotNames.Length];
        for (int i = 0; i < Slots.Length; i++)
            if (layout.SlotNames[i] is not null) Slots[i] = new T[length];
        ScalarNames = layout.ScalarNames;
        Scalars = new double[layout.ScalarNames.Length];
    }

    /// <summary>Number of elements of the parameter this state belongs to.</summary>
    public int Length { get; }

    /// <summary>Steps taken (torch <c>step</c>).</summary>
    public long Step { get; internal set; }

    /// <summary>Names of the tensors held (persistent ones only).</summary>
    public IEnumerable<string> BufferNames
    {
        get
        {
            for (int i = 0; i < SlotNames.Length; i++)
                if (SlotNames[i] is { } name && !Transient[i]) yield return name;
        }
    }

    /// <summary>Names of the scalar state values (for example NAdam's <c>mu_product</c>, ASGD's <c>eta</c> and <c>mu</c>).</summary>
    public IReadOnlyList<string> ScalarKeys => ScalarNames;

    /// <summary>The state tensor stored under a torch key.</summary>
    /// <param name="key">torch's key, for example <c>exp_avg</c>.</param>
    /// <returns>The live buffer (writes change the optimizer's state).</returns>
    public T[] this[string key]
    {
        get
        {
            int i = Array.IndexOf(SlotNames, key);
            if (i < 0 || Slots[i] is null) throw new KeyNotFoundException($"No state tensor '{key}'.");
            return Slots[i]!;
        }
    }

    /// <summary>Whether a state tensor is stored under <paramref name="key"/>.</summary>
    /// <param name="key">torch's key.</param>
    /// <returns>True when present.</returns>
    public bool Contains(string key) => Array.IndexOf(SlotNames, key) >= 0;

    /// <summary>A scalar state value by torch key.</summary>
    /// <param name="key">For example <c>mu_product</c>.</param>
    /// <returns>The value.</returns>
    public double GetScalar(string key)
    {
        int i = Array.IndexOf(ScalarNames, key);
        if (i < 0) throw new KeyNotFoundException($"No state scalar '{key}'.");
        return Scalars[i];
    }

    /// <summary>The buffer bound to slot <paramref name="index"/> of the optimizer's <see cref="IElementRule"/>, or null when the slot is unused.</summary>
    /// <param name="index">0, 1 or 2.</param>
    /// <returns>The live buffer.</returns>
    public T[]? Slot(int index) => index < Slots.Length ? Slots[index] : null;

    /// <summary>Whether slot <paramref name="index"/> is per-step scratch that is not checkpointed (for example drawn noise).</summary>
    /// <param name="index">0, 1 or 2.</param>
    /// <returns>True for a transient slot.</returns>
    public bool IsTransient(int index) => index < Transient.Length && Transient[index];

    internal void SetScalar(string key, double value) => Scalars[Array.IndexOf(ScalarNames, key)] = value;

    internal Span<T> SlotSpan(int i) => Slots[i] is { } s ? s : Span<T>.Empty;
}
