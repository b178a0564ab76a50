using System;
using System.Collections.Generic;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>Parameters sharing hyper-parameters (torch's <c>param_group</c>), typed by the optimizer's options record.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TOptions">The optimizer's options record.</typeparam>
public sealed class ParameterGroup<T, TOptions>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
{
    private TOptions _options;

    internal ParameterGroup(IReadOnlyList<Parameter<T>> parameters, TOptions options)
    {
        Parameters = parameters;
        options.Validate();
        _options = options;
    }

    /// <summary>The parameters, in order.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The hyper-parameters; a new value is validated before it is accepted.</summary>
    public TOptions Options
    {
        get => _options;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _options = value;
        }
    }
}
