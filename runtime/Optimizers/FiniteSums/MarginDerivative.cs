namespace DiffGen.Optimizers.FiniteSums;

/// <summary>The derivative of a linear model's per-sample loss l_i(z) with respect to its margin z = x_i . w; the
/// gradient of sample i is then l_i'(z) x_i, which is why the gradient table of a linear model needs one scalar per
/// sample. A generated <c>{M}Gradient</c> of a <c>[Differentiable]</c> loss of the margin provides it.</summary>
/// <param name="sample">Sample index in [0, n).</param>
/// <param name="margin">x_i . w at the current weights.</param>
/// <returns>l_i'(margin).</returns>
public delegate double MarginDerivative(int sample, double margin);
