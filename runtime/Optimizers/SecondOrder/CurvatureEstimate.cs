namespace DiffGen.Optimizers.SecondOrder;

/// <summary>An estimate of the smallest eigenvalue of a Hessian and its direction (a Ritz pair).</summary>
/// <param name="Eigenvalue">The smallest Ritz value (an upper bound on the smallest eigenvalue).</param>
/// <param name="Direction">Its Ritz vector, unit 2-norm.</param>
/// <param name="Products">Hessian-vector products spent.</param>
public sealed record CurvatureEstimate(double Eigenvalue, double[] Direction, int Products);
