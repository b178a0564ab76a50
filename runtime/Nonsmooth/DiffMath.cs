using System.Runtime.CompilerServices;

namespace DiffGen;

/// <summary>
/// Nonsmooth scalar primitives that the generator differentiates with the documented kink rules
/// (see <see cref="NonsmoothDerivativesAttribute"/>).
/// </summary>
public static class DiffMath
{
    /// <summary>relu(x) = max(x, 0). Derivative at 0: <see cref="NonsmoothDerivativesAttribute.ReluAtZero"/> (default 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Relu(double x) => x > 0 ? x : 0.0;

    /// <summary>relu(x) = max(x, 0). Derivative at 0: <see cref="NonsmoothDerivativesAttribute.ReluAtZero"/> (default 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => x > 0 ? x : 0f;
}
