using System.Numerics;
using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>
/// Converts a per-step scalar (computed once in double) to the element type inside the lanes' <c>Constant</c>.
/// The update rules call <c>Constant</c> in their per-element body and rely on the JIT to hoist it out of the loop.
/// .NET 10 inlines <c>T.CreateTruncating(double)</c> to one conversion; .NET 8 leaves a call per element
/// (Adam ran 4-5x slower on net8.0 before this), so float and double take a direct conversion that every JIT folds.
/// </summary>
internal static class LaneConstant
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T From<T>(double value) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            float f = (float)value;
            return Unsafe.As<float, T>(ref f);
        }

        if (typeof(T) == typeof(double))
        {
            return Unsafe.As<double, T>(ref value);
        }

        return T.CreateTruncating(value);
    }
}
