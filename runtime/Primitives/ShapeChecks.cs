using System;

namespace DiffGen;

/// <summary>Checks of the sizes the layer primitives (convolution, pooling, batch norm) take, with messages that name the shape expected.</summary>
internal static class ShapeChecks
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> &gt; 0.</summary>
    public static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> &lt; 0.</summary>
    public static void NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless it has
    /// <paramref name="expected"/> elements, described by <paramref name="shape"/> in the message.
    /// </summary>
    public static void Elements(int actual, long expected, string name, string shape)
    {
        Fits(expected, name, shape);
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has length {actual}; expected {expected} ({shape}).", name);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a span of <paramref name="expected"/> elements cannot exist.</summary>
    public static void Fits(long expected, string name, string shape)
    {
        if (expected > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} would need {expected} elements ({shape}), more than a span holds.");
        }
    }
}
