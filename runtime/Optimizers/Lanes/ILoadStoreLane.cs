namespace DiffGen.Optimizers;

/// <summary>A lane that the CPU drivers can load from and store to contiguous memory of <typeparamref name="T"/>.</summary>
/// <typeparam name="TSelf">The lane type itself.</typeparam>
/// <typeparam name="T">The element type (<c>float</c> or <c>double</c>).</typeparam>
public interface ILoadStoreLane<TSelf, T> : ILane<TSelf> where TSelf : struct, ILoadStoreLane<TSelf, T>
{
    /// <summary>Number of elements one lane value holds.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the hardware executes this lane natively.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Loads <see cref="Count"/> elements starting at <paramref name="source"/>.</summary>
    static abstract TSelf Load(ref T source);

    /// <summary>Sum of the elements (horizontal), for reductions fused with an update.</summary>
    /// <param name="value">The lane value.</param>
    /// <returns>The sum, converted to double.</returns>
    static abstract double Sum(TSelf value);

    /// <summary>Stores <see cref="Count"/> elements starting at <paramref name="destination"/>.</summary>
    static abstract void Store(TSelf value, ref T destination);
}
