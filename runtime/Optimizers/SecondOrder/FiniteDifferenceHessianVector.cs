using System;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>
/// An <em>approximate</em> Hessian-vector product by central differences of gradients, the fallback when no exact
/// (forward-over-reverse) product is available: H v ~ (grad f(x + h v) - grad f(x - h v)) / (2 h), two gradient
/// evaluations per product. Step rule: h = s max(1, ||x||) / ||v|| with s = cbrt(machine epsilon) ~ 6.06e-6 by default,
/// so the point moves by s max(1, ||x||) whatever the scale of v: the balance of the O(h^2) truncation error against the
/// O(eps / h) rounding error of the difference. The error is then about s^2 relative on smooth functions and unbounded
/// across a kink (a nonsmooth primitive between x - h v and x + h v); v = 0 gives 0 without evaluating anything.
/// </summary>
public static class FiniteDifferenceHessianVector
{
    /// <summary>cbrt(2^-52), the default relative step s.</summary>
    public static readonly double DefaultRelativeStep = Math.Cbrt(Math.Pow(2, -52));

    /// <summary>Wraps <paramref name="gradient"/> as an approximate <see cref="HessianVectorProduct"/>. The product keeps
    /// three work buffers between calls, so it must not be called from several threads at once.</summary>
    /// <param name="gradient">The gradient oracle (each product calls it twice).</param>
    /// <param name="relativeStep">s &gt; 0 in h = s max(1, ||x||) / ||v||.</param>
    /// <returns>The approximate product.</returns>
    public static HessianVectorProduct Create(GradientFunction gradient, double? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        double s = relativeStep ?? DefaultRelativeStep;
        OptimizerValidation.Require(s > 0.0 && double.IsFinite(s), nameof(relativeStep), $"Invalid relative step value: {OptimizerValidation.Format(s)}");
        double[] point = [], minus = [], plus = [];
        return (x, v, hv) =>
        {
            if (v.Length != x.Length) throw new ArgumentException($"Direction has length {v.Length} but the point has {x.Length}.", nameof(v));
            if (hv.Length != x.Length) throw new ArgumentException($"Output has length {hv.Length} but the point has {x.Length}.", nameof(hv));
            double vNorm = TensorPrimitives.Norm(v);
            if (vNorm == 0.0) return;
            if (point.Length != x.Length) (point, minus, plus) = (new double[x.Length], new double[x.Length], new double[x.Length]);
            double h = s * Math.Max(1.0, TensorPrimitives.Norm(x)) / vNorm;

            // hv += (g(x + h v) - g(x - h v)) / (2h): the plus gradient accumulates into a cleared buffer, then is added.
            TensorPrimitives.MultiplyAdd(v, -h, x, point);
            Array.Clear(minus);
            gradient(point, minus);
            TensorPrimitives.MultiplyAdd(v, h, x, point);
            Array.Clear(plus);
            gradient(point, plus);
            TensorPrimitives.Subtract(plus, minus, plus);
            TensorPrimitives.MultiplyAdd(plus, 0.5 / h, hv, hv);
        };
    }
}
