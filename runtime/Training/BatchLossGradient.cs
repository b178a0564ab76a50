using System.Numerics;

namespace DiffGen.Training;

/// <summary>
/// The model's loss on a mini-batch and its gradient: adds the gradient of the mean loss over <paramref name="batch"/>
/// with respect to parameter <c>i</c> into <c>gradients[i]</c> (zeroed by the caller) and returns that mean loss.
/// A generated <c>{M}Gradient</c> called with the batch and the gradient arrays is exactly this.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <param name="batch">The samples.</param>
/// <param name="gradients">One buffer per parameter, in the trainer's parameter order.</param>
/// <returns>The mean loss over the batch.</returns>
public delegate double BatchLossGradient<T>(MiniBatch<T> batch, T[][] gradients) where T : unmanaged, IBinaryFloatingPointIeee754<T>;
