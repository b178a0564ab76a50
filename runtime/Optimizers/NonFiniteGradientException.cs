using System;

namespace DiffGen.Optimizers;

/// <summary>Thrown by a step under <see cref="NonFiniteGradientPolicy.Throw"/> when a gradient holds NaN or an infinity.</summary>
public sealed class NonFiniteGradientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameterName">Name of the parameter whose gradient is not finite.</param>
    /// <param name="index">Index of the first non-finite element.</param>
    public NonFiniteGradientException(string parameterName, int index)
        : base($"The gradient of parameter '{parameterName}' is not finite at index {index}; the step was not applied.")
    {
        ParameterName = parameterName;
        Index = index;
    }

    /// <summary>Name of the parameter whose gradient is not finite.</summary>
    public string ParameterName { get; }

    /// <summary>Index of the first non-finite element.</summary>
    public int Index { get; }
}
