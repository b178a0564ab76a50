using System;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>A small seeded generator (xoshiro256**, seeded by SplitMix64) whose whole state is four integers, so noisy
/// optimizers checkpoint it and resume bit-identically. Gaussians by the Box-Muller transform.</summary>
public sealed class NoiseSource
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator.</summary>
    /// <param name="seed">Any value.</param>
    public NoiseSource(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The state, for checkpoints.</summary>
    public (ulong, ulong, ulong, ulong) State
    {
        get => (_s0, _s1, _s2, _s3);
        set => (_s0, _s1, _s2, _s3) = value;
    }

    /// <summary>Next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in (0, 1].</summary>
    /// <returns>The value.</returns>
    public double NextDoubleOpenZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Fills <paramref name="destination"/> with independent standard normal values.</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <param name="destination">Output.</param>
    public void FillGaussian<T>(Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < destination.Length; i += 2)
        {
            double r = Math.Sqrt(-2.0 * Math.Log(NextDoubleOpenZero()));
            double a = 2.0 * Math.PI * NextDoubleOpenZero();
            destination[i] = T.CreateTruncating(r * Math.Cos(a));
            if (i + 1 < destination.Length) destination[i + 1] = T.CreateTruncating(r * Math.Sin(a));
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
