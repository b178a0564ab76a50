using System;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>The diagonal of a curvature estimate at <paramref name="x"/> (of H, of a Gauss-Newton matrix or of the
/// empirical Fisher; nonnegative), written into <paramref name="diagonal"/> (overwritten), from which
/// <see cref="NewtonCg"/> builds the preconditioner M = (diag + lambda)^alpha of Martens (2010).</summary>
/// <param name="x">The point.</param>
/// <param name="diagonal">Receives the diagonal, same length as <paramref name="x"/>.</param>
public delegate void CurvatureDiagonal(ReadOnlySpan<double> x, Span<double> diagonal);
