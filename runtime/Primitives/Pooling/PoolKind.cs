namespace DiffGen;

/// <summary>What a 2-D pooling keeps of each window.</summary>
internal enum PoolKind
{
    /// <summary>The largest pixel (the first in row-major order at a tie).</summary>
    Max,

    /// <summary>The sum over the window divided by <c>kernel²</c>, padding counted as zeros.</summary>
    Average,
}
