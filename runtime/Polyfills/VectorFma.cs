using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace DiffGen;

/// <summary>
/// Fused multiply-add on 256- and 512-bit vectors for every target framework. .NET 9 added the
/// cross-platform <c>Vector256.FusedMultiplyAdd</c>/<c>Vector512.FusedMultiplyAdd</c>; on .NET 8 the same
/// instruction (vfmadd) is reached through the x86 intrinsics. Callers run only where
/// <see cref="System.Runtime.Intrinsics.X86.Fma.IsSupported"/> (256-bit) or
/// <see cref="System.Runtime.Intrinsics.X86.Avx512F.IsSupported"/> (512-bit) holds, as the GEMM kernel
/// selection checks, so both paths compile to the same single instruction.
/// </summary>
internal static class VectorFma
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> y, Vector256<float> addend) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(x, y, addend);
#else
        Fma.MultiplyAdd(x, y, addend);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> x, Vector256<double> y, Vector256<double> addend) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(x, y, addend);
#else
        Fma.MultiplyAdd(x, y, addend);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> x, Vector512<float> y, Vector512<float> addend) =>
#if NET9_0_OR_GREATER
        Vector512.FusedMultiplyAdd(x, y, addend);
#else
        Avx512F.FusedMultiplyAdd(x, y, addend);
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MultiplyAdd(Vector512<double> x, Vector512<double> y, Vector512<double> addend) =>
#if NET9_0_OR_GREATER
        Vector512.FusedMultiplyAdd(x, y, addend);
#else
        Avx512F.FusedMultiplyAdd(x, y, addend);
#endif
}
