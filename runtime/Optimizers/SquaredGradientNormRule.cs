using System.Runtime.CompilerServices;

namespace DiffGen.Optimizers;

/// <summary>A measuring pass: adds g^2 to the first sum (the squared 2-norm of the gradient) and changes nothing.</summary>
public readonly struct SquaredGradientNormRule : IElementReductionRule
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<L>(ref L param, L grad, ref L state0, ref L state1, ref L state2, ref L sum0, ref L sum1) where L : struct, ILane<L> =>
        sum0 = sum0 + grad * grad;
}
