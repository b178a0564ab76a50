using System;

namespace DiffGen.Optimizers.SecondOrder;

/// <summary>The objective and its gradient: adds grad f(<paramref name="x"/>) into <paramref name="gradient"/> (zeroed by
/// the caller) and returns f(<paramref name="x"/>). A generated <c>{M}Gradient</c> with one span parameter has exactly
/// this accumulate-into-the-shadow contract. For mini-batch use, the delegate is the objective of the current batch.</summary>
/// <param name="x">The point.</param>
/// <param name="gradient">Receives the gradient (accumulated into zeros), same length as <paramref name="x"/>.</param>
/// <returns>f(x).</returns>
public delegate double GradientFunction(ReadOnlySpan<double> x, Span<double> gradient);
