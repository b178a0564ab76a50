namespace DiffGen.Optimizers.SecondOrder;

/// <summary>Hyper-parameters of <see cref="NegativeCurvatureDescent"/>.</summary>
public sealed record NegativeCurvatureDescentOptions
{
    /// <summary>The gradient step size (torch <c>lr</c>, default 1e-2): x -= lr g while the gradient is not small.</summary>
    public double Lr { get; init; } = 1e-2;

    /// <summary>eps_g &gt;= 0: the curvature is probed only when ||g|| &lt;= eps_g (default 1e-6).</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>eps_H &gt;= 0: a probed Ritz value below -eps_H gives a negative-curvature step; otherwise the point is
    /// (eps_g, eps_H) second-order stationary and the optimizer stops (default 1e-6).</summary>
    public double CurvatureTolerance { get; init; } = 1e-6;

    /// <summary>Lanczos iterations (Hessian-vector products) per probe, capped at the dimension (default 20).</summary>
    public int LanczosIterations { get; init; } = 20;

    /// <summary>The first trial distance along the unit negative-curvature direction (default 1), halved until
    /// f(x + a u) &lt;= f(x) + c (a g'u + a^2 theta / 2) with c = 1e-4.</summary>
    public double CurvatureStepLength { get; init; } = 1.0;

    /// <summary>Most halvings of that distance before the probe is given up (default 40).</summary>
    public int MaxLineSearchEvaluations { get; init; } = 40;

    /// <summary>Seed of the Lanczos start vectors (Gaussian, seeded xoshiro256**, checkpointed).</summary>
    public ulong Seed { get; init; }

    /// <summary>Throws <see cref="System.ArgumentOutOfRangeException"/> (an <see cref="System.ArgumentException"/>) naming
    /// the first invalid option.</summary>
    public void Validate()
    {
        static string F(double v) => OptimizerValidation.Format(v);
        OptimizerValidation.Require(Lr > 0.0 && double.IsFinite(Lr), nameof(Lr), $"Invalid learning rate: {F(Lr)}");
        OptimizerValidation.Require(GradientTolerance >= 0.0 && double.IsFinite(GradientTolerance), nameof(GradientTolerance), $"Invalid gradient_tolerance value: {F(GradientTolerance)}");
        OptimizerValidation.Require(CurvatureTolerance >= 0.0 && double.IsFinite(CurvatureTolerance), nameof(CurvatureTolerance), $"Invalid curvature_tolerance value: {F(CurvatureTolerance)}");
        OptimizerValidation.Require(LanczosIterations >= 1, nameof(LanczosIterations), $"Invalid lanczos_iterations value: {LanczosIterations}");
        OptimizerValidation.Require(CurvatureStepLength > 0.0 && double.IsFinite(CurvatureStepLength), nameof(CurvatureStepLength), $"Invalid curvature_step_length value: {F(CurvatureStepLength)}");
        OptimizerValidation.Require(MaxLineSearchEvaluations >= 1, nameof(MaxLineSearchEvaluations), $"Invalid max_line_search_evaluations value: {MaxLineSearchEvaluations}");
    }
}
