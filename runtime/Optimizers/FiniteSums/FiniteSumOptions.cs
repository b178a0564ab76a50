namespace DiffGen.Optimizers.FiniteSums;

/// <summary>Hyper-parameters shared by SAG, SAGA and SVRG (torch-style names). The step size defaults to the paper's
/// rule in the smoothness constant, so usually only <see cref="Smoothness"/> is given.</summary>
public abstract record FiniteSumOptions
{
    /// <summary>The step size (torch <c>lr</c>); null (default) takes the paper's rule c / (L + weight_decay)
    /// (<see cref="PaperStepFactor"/>).</summary>
    public double? Lr { get; init; }

    /// <summary>L, a bound on the smoothness constant of every sample loss f_i (without the L2 term): for a linear model,
    /// sup |l_i''| max_i ||x_i||^2 (<see cref="LinearModelSum.MaxSquaredRowNorm"/> / 4 for the logistic loss). Required
    /// when <see cref="Lr"/> is null.</summary>
    public double Smoothness { get; init; } = double.NaN;

    /// <summary>lambda of the L2 term (lambda/2) ||w||^2 of the objective (torch <c>weight_decay</c>, default 0), applied
    /// exactly at every step rather than through the gradient table.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Seed of the sample draws (uniform, with replacement, as in the papers).</summary>
    public ulong Seed { get; init; }

    /// <summary>c in the paper's step c / L.</summary>
    public abstract double PaperStepFactor { get; }

    /// <summary>The step size in use: <see cref="Lr"/>, or c / (L + weight_decay).</summary>
    public double StepSize => Lr ?? PaperStepFactor / (Smoothness + WeightDecay);

    /// <summary>Throws <see cref="System.ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        if (Lr is { } lr) OptimizerValidation.Require(lr > 0.0 && double.IsFinite(lr), nameof(Lr), $"Invalid learning rate: {OptimizerValidation.Format(lr)}");
        else OptimizerValidation.Require(Smoothness > 0.0 && double.IsFinite(Smoothness), nameof(Smoothness),
            $"Invalid smoothness value: {OptimizerValidation.Format(Smoothness)} (give L > 0, or an explicit Lr)");
        if (Lr is not null && !double.IsNaN(Smoothness))
            OptimizerValidation.Require(Smoothness > 0.0 && double.IsFinite(Smoothness), nameof(Smoothness), $"Invalid smoothness value: {OptimizerValidation.Format(Smoothness)}");
        OptimizerValidation.Require(WeightDecay >= 0.0 && double.IsFinite(WeightDecay), nameof(WeightDecay), $"Invalid weight_decay value: {OptimizerValidation.Format(WeightDecay)}");
    }
}
