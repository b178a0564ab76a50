namespace DiffGen.Optimizers.SecondOrder;

/// <summary>Hyper-parameters of <see cref="NewtonCg"/>. Damping rule, warm-start decay, CG cap and line-search constants
/// default to Martens (2010), the forcing term to Nocedal and Wright (Algorithm 7.1).</summary>
public sealed record NewtonCgOptions
{
    /// <summary>lambda_0 &gt;= 0, the initial damping of (H + lambda I) d = -g (default 1). Its scale is that of the
    /// curvature: problem-dependent (Martens used 45 on deep autoencoders). 0 keeps the damping at 0 (plain Newton-CG).</summary>
    public double InitialDamping { get; init; } = 1.0;

    /// <summary>Factor in (0, 1) applied to lambda when the reduction ratio rho &gt; 3/4 (default 2/3, Martens 2010).</summary>
    public double DampingDecrease { get; init; } = 2.0 / 3.0;

    /// <summary>Factor &gt; 1 applied to lambda when rho &lt; 1/4 (default 3/2, Martens 2010).</summary>
    public double DampingIncrease { get; init; } = 1.5;

    /// <summary>Most CG iterations (H·v products after the warm start's) per Newton iteration (default 250, Martens' cap).</summary>
    public int MaxCgIterations { get; init; } = 250;

    /// <summary>eta_max in (0, 1): CG stops when ||r|| &lt;= min(eta_max, sqrt(||g||)) ||g||, the forcing term that gives
    /// superlinear convergence near a nondegenerate minimum (default 0.5).</summary>
    public double CgTolerance { get; init; } = 0.5;

    /// <summary>zeta in [0, 1]: CG starts from zeta times the previous CG solution (default 0.95, Martens 2010; 0 starts
    /// from zero). A start whose damped model value is not negative is replaced by zero.</summary>
    public double CgDecay { get; init; } = 0.95;

    /// <summary>c in (0, 1) of the Armijo condition f(x + a d) &lt;= f(x) + c a g'd (default 1e-2, Martens 2010).</summary>
    public double ArmijoC1 { get; init; } = 1e-2;

    /// <summary>Factor in (0, 1) by which the backtracking line search shrinks a (default 0.8, Martens 2010).</summary>
    public double Backtrack { get; init; } = 0.8;

    /// <summary>Most line-search evaluations per iteration before the step is rejected (default 60; 0.8^59 ~ 2e-6).</summary>
    public int MaxLineSearchEvaluations { get; init; } = 60;

    /// <summary>alpha in [0, 1], the exponent of the diagonal preconditioner M = (diag + lambda)^alpha used when a
    /// <see cref="CurvatureDiagonal"/> is given (default 0.75, Martens 2010; 0 is no preconditioning, 1 is Jacobi).</summary>
    public double PreconditionerExponent { get; init; } = 0.75;

    /// <summary>Stop when the 2-norm of the gradient is at most this (default 1e-7).</summary>
    public double ToleranceGrad { get; init; } = 1e-7;

    /// <summary>Throws <see cref="System.ArgumentOutOfRangeException"/> (an <see cref="System.ArgumentException"/>) naming
    /// the first invalid option.</summary>
    public void Validate()
    {
        static string F(double v) => OptimizerValidation.Format(v);
        OptimizerValidation.Require(InitialDamping >= 0.0 && double.IsFinite(InitialDamping), nameof(InitialDamping), $"Invalid initial damping value: {F(InitialDamping)}");
        OptimizerValidation.Require(DampingDecrease > 0.0 && DampingDecrease < 1.0, nameof(DampingDecrease), $"Invalid damping decrease value: {F(DampingDecrease)}");
        OptimizerValidation.Require(DampingIncrease > 1.0 && double.IsFinite(DampingIncrease), nameof(DampingIncrease), $"Invalid damping increase value: {F(DampingIncrease)}");
        OptimizerValidation.Require(MaxCgIterations >= 1, nameof(MaxCgIterations), $"Invalid max_cg_iterations value: {MaxCgIterations}");
        OptimizerValidation.Require(CgTolerance > 0.0 && CgTolerance < 1.0, nameof(CgTolerance), $"Invalid cg_tolerance value: {F(CgTolerance)}");
        OptimizerValidation.Require(CgDecay >= 0.0 && CgDecay <= 1.0, nameof(CgDecay), $"Invalid cg_decay value: {F(CgDecay)}");
        OptimizerValidation.Require(ArmijoC1 > 0.0 && ArmijoC1 < 1.0, nameof(ArmijoC1), $"Invalid armijo_c1 value: {F(ArmijoC1)}");
        OptimizerValidation.Require(Backtrack > 0.0 && Backtrack < 1.0, nameof(Backtrack), $"Invalid backtrack value: {F(Backtrack)}");
        OptimizerValidation.Require(MaxLineSearchEvaluations >= 1, nameof(MaxLineSearchEvaluations), $"Invalid max_line_search_evaluations value: {MaxLineSearchEvaluations}");
        OptimizerValidation.Require(PreconditionerExponent >= 0.0 && PreconditionerExponent <= 1.0, nameof(PreconditionerExponent), $"Invalid preconditioner exponent value: {F(PreconditionerExponent)}");
        OptimizerValidation.Require(ToleranceGrad >= 0.0, nameof(ToleranceGrad), $"Invalid tolerance_grad value: {F(ToleranceGrad)}");
    }
}
