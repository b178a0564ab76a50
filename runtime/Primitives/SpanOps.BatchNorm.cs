using System;
using System.Numerics;

namespace DiffGen;

public static partial class SpanOps
{
    /// <summary>
    /// Batch normalization over the channels of NCHW data (Ioffe and Szegedy, 2015):
    /// <c>result = gamma[c] (x - mean[c]) / sqrt(var[c] + epsilon) + beta[c]</c>. In training mode
    /// (<paramref name="training"/>) mean and variance are the batch's (over samples and pixels, the biased
    /// variance) and the running averages are updated in place,
    /// <c>running = (1 - momentum) running + momentum batch</c>, with the unbiased variance; in inference
    /// mode the running averages are the statistics and are only read. These are PyTorch's
    /// <c>BatchNorm2d</c> conventions (momentum 0.1 and epsilon 1e-5 there).
    /// </summary>
    /// <remarks>
    /// Calls that share running buffers must not run concurrently. The rules recompute the batch
    /// statistics from <paramref name="x"/>, so nothing is stored between the primal and the pullback; the
    /// tangent rule, which computes the output as the primal does, updates the running averages too.
    /// </remarks>
    /// <param name="x">Input, <c>batch x channels x spatial</c> (spatial = height x width; 1 after a dense layer).</param>
    /// <param name="gamma">Scale per channel.</param>
    /// <param name="beta">Shift per channel.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="spatial">Pixels per channel.</param>
    /// <param name="training">Batch statistics (and update the running averages) or running statistics.</param>
    /// <param name="momentum">Weight of the batch in the running averages, in [0, 1].</param>
    /// <param name="epsilon">Added to the variance, positive.</param>
    /// <param name="runningMean">Running mean per channel (updated in training mode).</param>
    /// <param name="runningVariance">Running variance per channel (updated in training mode).</param>
    /// <param name="result">Output, the shape of <paramref name="x"/>; must not overlap the inputs.</param>
    public static void BatchNorm<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, int batch, int channels, int spatial,
                                    bool training, [NoDerivative] T momentum, [NoDerivative] T epsilon,
                                    [NoDerivative] Span<T> runningMean, [NoDerivative] Span<T> runningVariance, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = RequireBatchNorm(x, gamma, beta, batch, channels, spatial, training, momentum, epsilon, runningMean, runningVariance, result);
        BatchNormKernels.Forward(n, x, gamma, beta, training, momentum, epsilon, runningMean, runningVariance, result);
    }

    /// <summary>
    /// Pullback of <see cref="BatchNorm{T}"/>. With g = <paramref name="dresult"/> and x̂ the normalized input:
    /// <c>dbeta[c] += sum g</c>, <c>dgamma[c] += sum g x̂</c>, and <c>dx += gamma / sigma (g - mean g - x̂ mean(g x̂))</c> in
    /// training mode (the batch statistics depend on x), <c>dx += gamma g / sigma</c> in inference mode.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="gamma">Scale.</param>
    /// <param name="beta">Shift.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="spatial">Pixels per channel.</param>
    /// <param name="training">Mode of the primal call.</param>
    /// <param name="momentum">Momentum of the primal call.</param>
    /// <param name="epsilon">Epsilon of the primal call.</param>
    /// <param name="runningMean">Running mean (read in inference mode).</param>
    /// <param name="runningVariance">Running variance (read in inference mode).</param>
    /// <param name="result">The primal's output.</param>
    /// <param name="dresult">Upstream adjoint of <paramref name="result"/>.</param>
    /// <param name="dx">Shadow of <paramref name="x"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dgamma">Shadow of <paramref name="gamma"/> (accumulated); empty: no derivative wanted.</param>
    /// <param name="dbeta">Shadow of <paramref name="beta"/> (accumulated); empty: no derivative wanted.</param>
    [DerivativeOf(nameof(BatchNorm))]
    public static void BatchNormPullback<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, int batch, int channels, int spatial,
                                            bool training, [NoDerivative] T momentum, [NoDerivative] T epsilon,
                                            [NoDerivative] Span<T> runningMean, [NoDerivative] Span<T> runningVariance, Span<T> result,
                                            ReadOnlySpan<T> dresult, Span<T> dx, Span<T> dgamma, Span<T> dbeta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = RequireBatchNorm(x, gamma, beta, batch, channels, spatial, training, momentum, epsilon, runningMean, runningVariance, result);
        RequireLength(dresult, x.Length, nameof(dresult));
        bool activeX = IsActive(dx, x.Length, nameof(dx));
        bool activeGamma = IsActive(dgamma, channels, nameof(dgamma));
        bool activeBeta = IsActive(dbeta, channels, nameof(dbeta));
        RequireShadowDisjoint<T>(dx, nameof(dx), x, gamma, dresult, runningMean);
        RequireShadowDisjoint<T>(dgamma, nameof(dgamma), x, gamma, dresult, runningMean);
        RequireShadowDisjoint<T>(dbeta, nameof(dbeta), x, gamma, dresult, runningMean);
        BatchNormKernels.Backward(n, x, gamma, training, epsilon, runningMean, runningVariance, dresult,
                                  activeX ? dx : default, activeGamma ? dgamma : default, activeBeta ? dbeta : default);
    }

    /// <summary>
    /// Tangent of <see cref="BatchNorm{T}"/>: computes <paramref name="result"/> (updating the running
    /// averages in training mode, as the primal does) and
    /// <c>tresult = gamma t(x̂) + tgamma x̂ + tbeta</c>, where <c>t(x̂) = (tx - mean tx - x̂ mean(x̂ tx)) / sigma</c>
    /// in training mode and <c>tx / sigma</c> in inference mode.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="gamma">Scale.</param>
    /// <param name="beta">Shift.</param>
    /// <param name="batch">Samples.</param>
    /// <param name="channels">Channels.</param>
    /// <param name="spatial">Pixels per channel.</param>
    /// <param name="training">Batch or running statistics.</param>
    /// <param name="momentum">Weight of the batch in the running averages.</param>
    /// <param name="epsilon">Added to the variance.</param>
    /// <param name="runningMean">Running mean.</param>
    /// <param name="runningVariance">Running variance.</param>
    /// <param name="result">Output of the primal.</param>
    /// <param name="tx">Tangent of <paramref name="x"/>; empty: zero.</param>
    /// <param name="tgamma">Tangent of <paramref name="gamma"/>; empty: zero.</param>
    /// <param name="tbeta">Tangent of <paramref name="beta"/>; empty: zero.</param>
    /// <param name="tresult">Output: tangent of <paramref name="result"/>.</param>
    [DerivativeOf(nameof(BatchNorm), Kind = DerivativeKind.Tangent)]
    public static void BatchNormTangent<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, int batch, int channels, int spatial,
                                           bool training, [NoDerivative] T momentum, [NoDerivative] T epsilon,
                                           [NoDerivative] Span<T> runningMean, [NoDerivative] Span<T> runningVariance, Span<T> result,
                                           ReadOnlySpan<T> tx, ReadOnlySpan<T> tgamma, ReadOnlySpan<T> tbeta, Span<T> tresult)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = RequireBatchNorm(x, gamma, beta, batch, channels, spatial, training, momentum, epsilon, runningMean, runningVariance, result);
        bool activeX = IsActive(tx, x.Length, nameof(tx));
        bool activeGamma = IsActive(tgamma, channels, nameof(tgamma));
        bool activeBeta = IsActive(tbeta, channels, nameof(tbeta));
        RequireLength<T>(tresult, x.Length, nameof(tresult));
        RequireShadowDisjoint<T>(tresult, nameof(tresult), x, gamma, beta, result);
        RequireShadowDisjoint<T>(tresult, nameof(tresult), tx, tgamma, tbeta, runningMean);
        RequireDisjoint<T>(tresult, runningVariance, nameof(tresult), nameof(runningVariance));
        BatchNormKernels.Tangent(n, x, gamma, training, epsilon, runningMean, runningVariance,
                                 activeX ? tx : default, activeGamma ? tgamma : default, activeBeta ? tbeta : default, tresult);
        BatchNormKernels.Forward(n, x, gamma, beta, training, momentum, epsilon, runningMean, runningVariance, result);
    }

    private static BatchNormShape RequireBatchNorm<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, int batch, int channels, int spatial,
                                                      bool training, T momentum, T epsilon,
                                                      ReadOnlySpan<T> runningMean, ReadOnlySpan<T> runningVariance, ReadOnlySpan<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeChecks.NonNegative(batch, nameof(batch));
        ShapeChecks.Positive(channels, nameof(channels));
        ShapeChecks.Positive(spatial, nameof(spatial));
        ShapeChecks.Elements(x.Length, (long)batch * channels * spatial, nameof(x), $"batch x channels x spatial = {batch} x {channels} x {spatial}");
        string perChannel = $"one per channel, {channels}";
        ShapeChecks.Elements(gamma.Length, channels, nameof(gamma), perChannel);
        ShapeChecks.Elements(beta.Length, channels, nameof(beta), perChannel);
        ShapeChecks.Elements(runningMean.Length, channels, nameof(runningMean), perChannel);
        ShapeChecks.Elements(runningVariance.Length, channels, nameof(runningVariance), perChannel);
        if (!(momentum >= T.Zero && momentum <= T.One))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1].");
        }

        if (!(epsilon > T.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive.");
        }

        if (training && (long)batch * spatial < 2)
        {
            throw new ArgumentException(
                $"Training mode needs more than one value per channel (batch x spatial = {(long)batch * spatial}) to estimate a variance.", nameof(x));
        }

        RequireLength(result, x.Length, nameof(result));
        RequireDisjoint(result, x, nameof(result), nameof(x));
        RequireDisjoint(result, gamma, nameof(result), nameof(gamma));
        RequireDisjoint(result, beta, nameof(result), nameof(beta));
        RequireDisjoint(result, runningMean, nameof(result), nameof(runningMean));
        RequireDisjoint(result, runningVariance, nameof(result), nameof(runningVariance));
        return new BatchNormShape(batch, channels, spatial);
    }
}
