namespace DiffGen.Optimizers;

/// <summary>Hyper-parameters of one parameter group. Derived records use torch.optim's names and defaults.</summary>
public abstract record OptimizerOptions
{
    /// <summary>Learning rate (torch <c>lr</c>).</summary>
    public abstract double Lr { get; init; }

    /// <summary>Throws <see cref="System.ArgumentOutOfRangeException"/> naming the first invalid hyper-parameter,
    /// with torch.optim's wording ("Invalid learning rate: -0.1").</summary>
    public abstract void Validate();
}
