using System;
using System.ComponentModel;
using System.Numerics.Tensors;

namespace DiffGen;

/// <summary>
/// Conversions the generated <see cref="Half"/> members of generic-math methods use: they widen <c>Half</c> inputs to
/// <c>float</c>, run the <c>float</c> derivative, and round the results back (one rounding per result, not per
/// operation, which is also what <c>Half</c>'s own operators do: each widens, computes in <c>float</c> and rounds).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HalfConversions
{
    /// <summary>A <c>float</c> copy of <paramref name="values"/>.</summary>
    public static float[] ToSingle(ReadOnlySpan<Half> values)
    {
        var result = new float[values.Length];
        TensorPrimitives.ConvertToSingle(values, result);
        return result;
    }

    /// <summary>Adds <paramref name="source"/> to <paramref name="target"/> element by element, in <c>float</c>, rounding each sum to <c>Half</c>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void AddTo(ReadOnlySpan<float> source, Span<Half> target)
    {
        if (source.Length != target.Length)
            throw new ArgumentException($"target must have the length of source ({source.Length}), not {target.Length}.", nameof(target));
        for (int i = 0; i < source.Length; i++) target[i] = (Half)((float)target[i] + source[i]);
    }
}
