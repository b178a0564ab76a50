namespace DiffGen.Optimizers;

/// <summary>What a step does when a gradient holds NaN or an infinity (opt-in; the check costs one read of every gradient).</summary>
public enum NonFiniteGradientPolicy
{
    /// <summary>No check: non-finite values flow into parameters and state, as in torch.</summary>
    None,

    /// <summary>The whole step is skipped (no parameter or state changes); <c>Step</c> returns false and <see cref="Optimizer{T}.SkippedSteps"/> counts it.</summary>
    Skip,

    /// <summary>The step throws <see cref="NonFiniteGradientException"/> before anything changes.</summary>
    Throw,
}
