namespace DiffGen;

/// <summary>
/// Counter-based random numbers: a pure function of a key and a counter, through the SplitMix64 finalizer
/// (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). Dropout masks and
/// data augmentation draw from it, so a value can be drawn again from its key and index alone, on any
/// thread, in any order.
/// </summary>
internal static class CounterRandom
{
    /// <summary>64 random bits for (<paramref name="key"/>, <paramref name="counter"/>).</summary>
    public static ulong Bits(long key, long counter)
    {
        ulong z = unchecked((ulong)key * 0x9E3779B97F4A7C15UL + (ulong)counter * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public static double Uniform(long key, long counter) => (Bits(key, counter) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A key for a pair of values (a seed and a step), mixed so that neighbouring pairs are unrelated.</summary>
    public static long Combine(long first, long second) => unchecked((long)Bits(first, second));
}
