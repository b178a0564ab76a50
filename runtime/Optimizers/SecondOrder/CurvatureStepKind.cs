namespace DiffGen.Optimizers.SecondOrder;

/// <summary>What one <see cref="NegativeCurvatureDescent.Step"/> did.</summary>
public enum CurvatureStepKind
{
    /// <summary>A gradient step x -= lr g (the gradient was not small, or no negative-curvature point decreased f).</summary>
    Gradient,

    /// <summary>A step along the negative-curvature direction, its sign chosen so that g'u &lt;= 0.</summary>
    NegativeCurvature,

    /// <summary>Nothing: small gradient and no curvature below -eps_H (second-order stationary to tolerance).</summary>
    Stationary,
}
