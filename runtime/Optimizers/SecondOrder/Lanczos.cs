using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// The Lanczos process on Hessian-vector products (Golub and Van Loan, section 10.1) with full reorthogonalization:
/// k products build an orthonormal Krylov basis Q and the tridiagonal T = Q'HQ, whose smallest eigenpair gives a Ritz
/// pair (theta, Q y). theta is at least the smallest eigenvalue of H and converges to it from above, fastest for
/// well-separated extreme eigenvalues; the Krylov space is exhausted (exact answer) after at most n products. Unlike
/// power iteration it needs no shift to reach the most negative eigenvalue.
/// </summary>
public static class Lanczos
{
    /// <summary>The smallest Ritz pair of H(<paramref name="x"/>) from at most <paramref name="maxIterations"/> products.</summary>
    /// <param name="hessianVector">The Hessian-vector product.</param>
    /// <param name="x">The point.</param>
    /// <param name="start">Starting vector, not zero (a random one avoids missing an eigenvector it is orthogonal to).</param>
    /// <param name="maxIterations">Most products, &gt;= 1 (capped at the dimension).</param>
    /// <returns>The estimate.</returns>
    public static CurvatureEstimate SmallestEigenpair(HessianVectorProduct hessianVector, ReadOnlySpan<double> x, ReadOnlySpan<double> start, int maxIterations)
    {
        ArgumentNullException.ThrowIfNull(hessianVector);
        int n = x.Length;
        if (start.Length != n) throw new ArgumentException($"Start vector has length {start.Length} but the point has {n}.", nameof(start));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        double startNorm = TensorPrimitives.Norm(start);
        if (!(startNorm > 0.0) || !double.IsFinite(startNorm)) throw new ArgumentException("Start vector must be finite and not zero.", nameof(start));

        int k = Math.Min(maxIterations, n);
        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var q = new double[n];
        TensorPrimitives.Multiply(start, 1.0 / startNorm, q);
        var w = new double[n];
        double scale = 0.0;
        for (int j = 0; j < k; j++)
        {
            basis.Add(q);
            Array.Clear(w);
            hessianVector(x, q, w);
            double a = TensorPrimitives.Dot<double>(q, w);
            alpha.Add(a);

            // Full reorthogonalization (twice is enough, Parlett): keeps Q orthonormal in floating point.
            for (int pass = 0; pass < 2; pass++)
                foreach (var b in basis) TensorPrimitives.MultiplyAdd(b, -TensorPrimitives.Dot<double>(b, w), w, w);
            double norm = TensorPrimitives.Norm<double>(w);
            scale = Math.Max(scale, Math.Abs(a) + norm);
            if (j == k - 1 || norm <= 1e-12 * scale) break;
            beta.Add(norm);
            q = new double[n];
            TensorPrimitives.Multiply(w, 1.0 / norm, q);
        }

        int m = alpha.Count;
        var t = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < m) t[i, i + 1] = t[i + 1, i] = beta[i];
        }

        var (theta, y) = SymmetricEigen.Smallest(t);
        var direction = new double[n];
        for (int i = 0; i < m; i++) TensorPrimitives.MultiplyAdd(basis[i], y[i], direction, direction);
        TensorPrimitives.Multiply(direction, 1.0 / TensorPrimitives.Norm<double>(direction), direction);
        return new CurvatureEstimate(theta, direction, m);
    }
}
