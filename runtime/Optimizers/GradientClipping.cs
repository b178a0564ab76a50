using System;
using System.Collections.Generic;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers;

/// <summary>Gradient clipping over a set of parameters (torch.nn.utils.clip_grad_norm_ and clip_grad_value_).</summary>
public static class GradientClipping
{
    /// <summary>Scales all gradients by max_norm / (total_norm + 1e-6) when that is below 1, total_norm being the norm of the
    /// per-parameter norms (torch's formula). Returns total_norm.</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <param name="parameters">Parameters whose <see cref="Parameter{T}.Grad"/> is clipped.</param>
    /// <param name="maxNorm">Largest allowed norm, &gt;= 0.</param>
    /// <param name="normType">p of the p-norm (&gt; 0), or <see cref="double.PositiveInfinity"/> for the max norm.</param>
    /// <param name="errorIfNonfinite">Throw when the total norm is NaN or infinite (torch's error_if_nonfinite).</param>
    /// <returns>The total norm before clipping.</returns>
    public static double ClipByGlobalNorm<T>(IEnumerable<Parameter<T>> parameters, double maxNorm, double normType = 2.0, bool errorIfNonfinite = false)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        OptimizerValidation.Require(maxNorm >= 0.0, nameof(maxNorm), $"Invalid max_norm value: {OptimizerValidation.Format(maxNorm)}");
        OptimizerValidation.Require(normType > 0.0, nameof(normType), $"Invalid norm_type value: {OptimizerValidation.Format(normType)}");
        var list = new List<Parameter<T>>(parameters);
        double total = 0.0;
        foreach (var p in list)
        {
            if (double.IsPositiveInfinity(normType))
            {
                // Math.Max propagates NaN, so a NaN gradient makes the total NaN as in torch.
                if (p.Grad.Length > 0) total = Math.Max(total, Math.Abs(double.CreateTruncating(TensorPrimitives.MaxMagnitude<T>(p.Grad))));
            }
            else if (normType == 2.0)
            {
                total += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(p.Grad));
            }
            else
            {
                foreach (var g in p.Grad) total += Math.Pow(Math.Abs(double.CreateTruncating(g)), normType);
            }
        }

        if (!double.IsPositiveInfinity(normType)) total = normType == 2.0 ? Math.Sqrt(total) : Math.Pow(total, 1.0 / normType);
        if (errorIfNonfinite && !double.IsFinite(total))
            throw new InvalidOperationException($"The total norm of order {OptimizerValidation.Format(normType)} for gradients is non-finite, so it cannot be clipped.");
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1.0)
        {
            T c = T.CreateTruncating(coef);
            foreach (var p in list) TensorPrimitives.Multiply<T>(p.Grad, c, p.Grad);
        }

        return total;
    }

    /// <summary>Clamps every gradient element to [-clipValue, clipValue] (torch's clip_grad_value_).</summary>
    /// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
    /// <param name="parameters">Parameters whose gradients are clipped.</param>
    /// <param name="clipValue">Bound, &gt;= 0.</param>
    public static void ClipByValue<T>(IEnumerable<Parameter<T>> parameters, double clipValue)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        OptimizerValidation.Require(clipValue >= 0.0, nameof(clipValue), $"Invalid clip_value value: {OptimizerValidation.Format(clipValue)}");
        T hi = T.CreateTruncating(clipValue);
        foreach (var p in parameters)
        {
            TensorPrimitives.Min<T>(p.Grad, hi, p.Grad);
            TensorPrimitives.Max<T>(p.Grad, -hi, p.Grad);
        }
    }
}
