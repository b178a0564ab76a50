using System;

namespace DiffGen.Optimizers;

/// <summary>Which state tensors (by slot of <see cref="IElementRule"/>) and scalars an optimizer keeps per parameter.</summary>
public sealed class StateLayout
{
    /// <summary>Creates a layout.</summary>
    /// <param name="slotNames">torch key per slot, null for an unused slot.</param>
    /// <param name="scalarNames">Scalar state keys.</param>
    /// <param name="transient">Per slot, true for scratch that is not part of the checkpoint (for example drawn noise).</param>
    public StateLayout(string?[] slotNames, string[]? scalarNames = null, bool[]? transient = null)
    {
        ArgumentNullException.ThrowIfNull(slotNames);
        SlotNames = slotNames;
        ScalarNames = scalarNames ?? [];
        Transient = transient ?? new bool[slotNames.Length];
        if (Transient.Length != slotNames.Length) throw new ArgumentException("One transient flag per slot is required.", nameof(transient));
    }

    /// <summary>torch key per slot, null for an unused slot.</summary>
    public string?[] SlotNames { get; }

    /// <summary>Scalar state keys.</summary>
    public string[] ScalarNames { get; }

    /// <summary>Per slot, true for scratch that is not checkpointed.</summary>
    public bool[] Transient { get; }
}
