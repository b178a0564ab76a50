using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen;

/// <summary>
/// Batch normalization per channel: statistics in double, then each rule is one affine map per channel
/// segment (<c>a · u + b · x + c</c>) applied with <c>TensorPrimitives</c>. Lengths and aliasing are
/// the caller's to check.
/// </summary>
internal static class BatchNormKernels
{
    /// <summary>The normalized output, and in training mode the running-average update.</summary>
    public static void Forward<T>(in BatchNormShape s, ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, bool training,
                                  T momentum, T epsilon, Span<T> runningMean, Span<T> runningVariance, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double m = double.CreateChecked(momentum);
        for (int c = 0; c < s.Channels; c++)
        {
            (double mean, double variance) = Statistics(s, x, training, epsilon, runningMean, runningVariance, c, out double inv);
            double scale = double.CreateChecked(gamma[c]) * inv;
            T a = T.CreateChecked(scale), b = T.CreateChecked(double.CreateChecked(beta[c]) - mean * scale);
            for (int n = 0; n < s.Batch; n++)
            {
                int at = s.Offset(n, c);
                Span<T> segment = y.Slice(at, s.Spatial);
                TensorPrimitives.Multiply(x.Slice(at, s.Spatial), a, segment);
                TensorPrimitives.Add(segment, b, segment);
            }

            if (training)
            {
                double unbiased = variance * s.Count / (s.Count - 1);
                runningMean[c] = T.CreateChecked((1 - m) * double.CreateChecked(runningMean[c]) + m * mean);
                runningVariance[c] = T.CreateChecked((1 - m) * double.CreateChecked(runningVariance[c]) + m * unbiased);
            }
        }
    }

    /// <summary>Accumulates the shadows of x, gamma and beta (each skipped when empty).</summary>
    public static void Backward<T>(in BatchNormShape s, ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, bool training, T epsilon,
                                   ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, ReadOnlySpan<T> dy,
                                   Span<T> dx, Span<T> dgamma, Span<T> dbeta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < s.Channels; c++)
        {
            (double mean, _) = Statistics(s, x, training, epsilon, runningMean, runningVariance, c, out double inv);
            double sumG = 0, sumGX = 0;
            for (int n = 0; n < s.Batch; n++)
            {
                int at = s.Offset(n, c);
                sumG += double.CreateChecked(TensorPrimitives.Sum(dy.Slice(at, s.Spatial)));
                sumGX += double.CreateChecked(TensorPrimitives.Dot(dy.Slice(at, s.Spatial), x.Slice(at, s.Spatial)));
            }

            double sumGXhat = inv * (sumGX - mean * sumG);
            if (!dbeta.IsEmpty)
            {
                dbeta[c] += T.CreateChecked(sumG);
            }

            if (!dgamma.IsEmpty)
            {
                dgamma[c] += T.CreateChecked(sumGXhat);
            }

            if (dx.IsEmpty)
            {
                continue;
            }

            // dx = gamma inv (g - [sum g - xhat sum(g xhat)] / M) in training, gamma inv g in inference.
            double a = double.CreateChecked(gamma[c]) * inv, b = 0, k = 0;
            if (training)
            {
                b = -a * inv * sumGXhat / s.Count;
                k = -a * sumG / s.Count - b * mean;
            }

            Affine(s, c, dy, T.CreateChecked(a), x, T.CreateChecked(b), T.CreateChecked(k), dx, accumulate: true);
        }
    }

    /// <summary><c>ty = gamma t(x̂) + tgamma x̂ + tbeta</c> (empty tangents are zero).</summary>
    public static void Tangent<T>(in BatchNormShape s, ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, bool training, T epsilon,
                                  ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance,
                                  ReadOnlySpan<T> tx, ReadOnlySpan<T> tgamma, ReadOnlySpan<T> tbeta, Span<T> ty)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < s.Channels; c++)
        {
            (double mean, _) = Statistics(s, x, training, epsilon, runningMean, runningVariance, c, out double inv);
            double g = double.CreateChecked(gamma[c]);
            double tg = tgamma.IsEmpty ? 0 : double.CreateChecked(tgamma[c]);
            double tb = tbeta.IsEmpty ? 0 : double.CreateChecked(tbeta[c]);
            double meanT = 0, meanXhatT = 0;
            if (training && !tx.IsEmpty)
            {
                double sumT = 0, sumXT = 0;
                for (int n = 0; n < s.Batch; n++)
                {
                    int at = s.Offset(n, c);
                    sumT += double.CreateChecked(TensorPrimitives.Sum(tx.Slice(at, s.Spatial)));
                    sumXT += double.CreateChecked(TensorPrimitives.Dot(tx.Slice(at, s.Spatial), x.Slice(at, s.Spatial)));
                }

                meanT = sumT / s.Count;
                meanXhatT = inv * (sumXT / s.Count - mean * meanT);
            }

            // ty = A tx + K x + C with x̂ = (x - mean) inv.
            double a = g * inv;
            double k = inv * (tg - a * meanXhatT);
            double constant = -a * meanT - k * mean + tb;
            Affine(s, c, tx, T.CreateChecked(a), x, T.CreateChecked(k), T.CreateChecked(constant), ty, accumulate: false);
        }
    }

    /// <summary>
    /// Mean and (biased) variance of channel <paramref name="c"/>: the batch's in training mode, the
    /// running ones otherwise; <paramref name="inv"/> = 1 / sqrt(variance + epsilon).
    /// </summary>
    private static (double Mean, double Variance) Statistics<T>(in BatchNormShape s, ReadOnlySpan<T> x, bool training, T epsilon,
                                                                ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, int c, out double inv)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double mean, variance;
        if (training)
        {
            double sum = 0;
            for (int n = 0; n < s.Batch; n++)
            {
                sum += double.CreateChecked(TensorPrimitives.Sum(x.Slice(s.Offset(n, c), s.Spatial)));
            }

            mean = sum / s.Count;
            double squares = 0;
            Span<T> scratch = stackalloc T[256];
            T shift = T.CreateChecked(mean);
            for (int n = 0; n < s.Batch; n++)
            {
                ReadOnlySpan<T> segment = x.Slice(s.Offset(n, c), s.Spatial);
                for (int start = 0; start < segment.Length; start += scratch.Length)
                {
                    int len = Math.Min(scratch.Length, segment.Length - start);
                    TensorPrimitives.Subtract(segment.Slice(start, len), shift, scratch[..len]);
                    squares += double.CreateChecked(TensorPrimitives.SumOfSquares<T>(scratch[..len]));
                }
            }

            variance = squares / s.Count;
        }
        else
        {
            mean = double.CreateChecked(runningMean[c]);
            variance = double.CreateChecked(runningVariance[c]);
        }

        inv = 1 / Math.Sqrt(variance + double.CreateChecked(epsilon));
        return (mean, variance);
    }

    /// <summary>
    /// On channel <paramref name="c"/>'s segments: <c>destination (+)= a u + b x + k</c>, where an empty
    /// <paramref name="u"/> stands for zeros.
    /// </summary>
    private static void Affine<T>(in BatchNormShape s, int c, ReadOnlySpan<T> u, T a, ReadOnlySpan<T> x, T b, T k, Span<T> destination, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int n = 0; n < s.Batch; n++)
        {
            int at = s.Offset(n, c);
            Span<T> d = destination.Slice(at, s.Spatial);
            if (!accumulate)
            {
                d.Clear();
            }

            if (!u.IsEmpty)
            {
                TensorPrimitives.MultiplyAdd(u.Slice(at, s.Spatial), a, d, d);
            }

            TensorPrimitives.MultiplyAdd(x.Slice(at, s.Spatial), b, d, d);
            TensorPrimitives.Add(d, k, d);
        }
    }
}
