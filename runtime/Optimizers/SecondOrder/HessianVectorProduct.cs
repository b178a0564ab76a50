using System;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>The Hessian-vector product: adds H(<paramref name="x"/>) <paramref name="v"/> into <paramref name="hv"/>
/// (zeroed by the caller), as a generated <c>{M}HessianVector</c> (forward over reverse) accumulates into its outputs;
/// such a product costs a small multiple of one gradient. Where H·v is blocked (DG1005), <see cref="FiniteDifferenceHessianVector"/> builds
/// an approximation from a <see cref="GradientFunction"/>.</summary>
/// <param name="x">The point.</param>
/// <param name="v">The direction.</param>
/// <param name="hv">Receives H v (accumulated into zeros).</param>
public delegate void HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hv);
