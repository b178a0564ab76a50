using System;

namespace DiffGen.Optimizers;

/// <summary>
/// A learning-rate schedule: the rate at step (or epoch) k, 0-based, from the group's base rate gamma0.
/// Built with the factory methods; applied to an optimizer by <see cref="LearningRateScheduler{T}"/>.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate at step <paramref name="k"/>.</summary>
    /// <param name="k">0-based step (or epoch, see <see cref="PerEpoch"/>).</param>
    /// <param name="baseLr">gamma0, the group's rate when the scheduler was attached.</param>
    /// <returns>The rate.</returns>
    public abstract double At(long k, double baseLr);

    /// <summary>gamma0 at every step.</summary>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule Constant() => new Fn((_, lr) => lr);

    /// <summary>gamma0 / sqrt(k + 1) (INNA's and the Robbins-Monro-style default decay).</summary>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule InverseSqrt() => new Fn((k, lr) => lr / Math.Sqrt(k + 1.0));

    /// <summary>gamma0 (k + 1)^(-q).</summary>
    /// <param name="q">Decay power, &gt;= 0.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule Polynomial(double q)
    {
        OptimizerValidation.Require(q >= 0.0, nameof(q), $"Invalid power value: {OptimizerValidation.Format(q)}");
        return new Fn((k, lr) => lr * Math.Pow(k + 1.0, -q));
    }

    /// <summary>gamma0 * gamma^floor(k / stepSize) (torch's StepLR).</summary>
    /// <param name="stepSize">Steps between decays, &gt;= 1.</param>
    /// <param name="gamma">Multiplicative factor (default 0.1, torch's).</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule StepDecay(long stepSize, double gamma = 0.1)
    {
        OptimizerValidation.Require(stepSize >= 1, nameof(stepSize), $"Invalid step_size value: {stepSize}");
        OptimizerValidation.Require(gamma > 0.0, nameof(gamma), $"Invalid gamma value: {OptimizerValidation.Format(gamma)}");
        return new Fn((k, lr) => lr * Math.Pow(gamma, k / stepSize));
    }

    /// <summary>gamma0 * gamma^k (torch's ExponentialLR; wrap in <see cref="PerEpoch"/> for per-epoch decay).</summary>
    /// <param name="gamma">Multiplicative factor per step, &gt; 0.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule Exponential(double gamma)
    {
        OptimizerValidation.Require(gamma > 0.0, nameof(gamma), $"Invalid gamma value: {OptimizerValidation.Format(gamma)}");
        return new Fn((k, lr) => lr * Math.Pow(gamma, k));
    }

    /// <summary>Cosine annealing from gamma0 to <paramref name="etaMin"/> over <paramref name="tMax"/> steps, then held at etaMin
    /// (torch's CosineAnnealingLR closed form, without restarts).</summary>
    /// <param name="tMax">Length of the half period, &gt;= 1.</param>
    /// <param name="etaMin">Final rate (default 0).</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule Cosine(long tMax, double etaMin = 0.0)
    {
        OptimizerValidation.Require(tMax >= 1, nameof(tMax), $"Invalid T_max value: {tMax}");
        OptimizerValidation.Require(etaMin >= 0.0, nameof(etaMin), $"Invalid eta_min value: {OptimizerValidation.Format(etaMin)}");
        return new Fn((k, lr) => k >= tMax ? etaMin : etaMin + (lr - etaMin) * (1.0 + Math.Cos(Math.PI * k / tMax)) / 2.0);
    }

    /// <summary>Linear warm-up from <paramref name="startFactor"/> * gamma0 to gamma0 over <paramref name="warmupSteps"/> steps,
    /// then <paramref name="then"/> (restarted at k = 0 after the warm-up; constant when null).</summary>
    /// <param name="warmupSteps">Warm-up length, &gt;= 1.</param>
    /// <param name="then">Schedule after the warm-up.</param>
    /// <param name="startFactor">Initial fraction of gamma0, in (0, 1] (torch LinearLR's default 1/3).</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule LinearWarmup(long warmupSteps, LearningRateSchedule? then = null, double startFactor = 1.0 / 3.0)
    {
        OptimizerValidation.Require(warmupSteps >= 1, nameof(warmupSteps), $"Invalid warmup steps value: {warmupSteps}");
        OptimizerValidation.Require(startFactor > 0.0 && startFactor <= 1.0, nameof(startFactor), $"Invalid start_factor value: {OptimizerValidation.Format(startFactor)}");
        var after = then ?? Constant();
        return new Fn((k, lr) => k < warmupSteps
            ? lr * (startFactor + (1.0 - startFactor) * k / warmupSteps)
            : after.At(k - warmupSteps, lr));
    }

    /// <summary>Evaluates <paramref name="inner"/> at the epoch index floor(k / stepsPerEpoch): the rate changes once per epoch.</summary>
    /// <param name="stepsPerEpoch">Steps in an epoch, &gt;= 1.</param>
    /// <param name="inner">Schedule in epochs.</param>
    /// <returns>The schedule.</returns>
    public static LearningRateSchedule PerEpoch(long stepsPerEpoch, LearningRateSchedule inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        OptimizerValidation.Require(stepsPerEpoch >= 1, nameof(stepsPerEpoch), $"Invalid steps per epoch value: {stepsPerEpoch}");
        return new Fn((k, lr) => inner.At(k / stepsPerEpoch, lr));
    }

    private sealed class Fn(Func<long, double, double> f) : LearningRateSchedule
    {
        public override double At(long k, double baseLr) => f(k, baseLr);
    }
}
