using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>Composes a rule with a gradient scale: the inner rule sees g * scale. Gradient clipping by global norm uses it
/// to apply the clip coefficient inside the update pass instead of rewriting the gradients first (one read and one write of
/// every gradient saved). The product is the one torch's in-place <c>grad.mul_(clip_coef)</c> forms, so the result is
/// bitwise that of clipping then stepping.</summary>
/// <typeparam name="TRule">The optimizer's rule.</typeparam>
public readonly struct ScaledGradientRule<TRule> : IElementRule where TRule : struct, IElementRule
{
    /// <summary>The optimizer's rule.</summary>
    public readonly TRule Inner;

    /// <summary>The factor applied to the gradient.</summary>
    public readonly double Scale;

    /// <summary>Wraps a rule.</summary>
    /// <param name="inner">The optimizer's rule.</param>
    /// <param name="scale">The factor applied to the gradient.</param>
    public ScaledGradientRule(TRule inner, double scale)
    {
        Inner = inner;
        Scale = scale;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2) where L : struct, ILane<L> =>
        Inner.Apply(ref param, grad * L.Constant(Scale), ref state0, ref state1, ref state2);
}
