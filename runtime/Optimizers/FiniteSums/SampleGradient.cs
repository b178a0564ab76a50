using System;

namespace DiffGen.Optimizers.FiniteSums;

/// <summary>The gradient oracle of one sample of a finite sum: adds the gradient of the loss of sample
/// <paramref name="sample"/> at <paramref name="weights"/> into <paramref name="gradient"/> (zeroed by the caller) and
/// returns that loss. A generated <c>{M}Gradient</c> of a <c>[Differentiable]</c> per-sample loss has exactly this
/// accumulate-into-the-shadow contract, so the delegate is usually one call to it.</summary>
/// <param name="sample">Sample index in [0, n).</param>
/// <param name="weights">The current weights.</param>
/// <param name="gradient">Receives the gradient (accumulated into zeros).</param>
/// <returns>The loss of the sample.</returns>
public delegate double SampleGradient(int sample, ReadOnlySpan<double> weights, Span<double> gradient);
