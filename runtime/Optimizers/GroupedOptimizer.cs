using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace DiffGen.Optimizers;

/// <summary>An optimizer with typed parameter groups (<see cref="ParameterGroup{T, TOptions}"/>).</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
/// <typeparam name="TOptions">The options record.</typeparam>
public abstract class GroupedOptimizer<T, TOptions> : Optimizer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
{
    private readonly List<ParameterGroup<T, TOptions>> _groups = [];
    private readonly Dictionary<Parameter<T>, int> _groupOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimizer with one group.</summary>
    /// <param name="parameters">Parameters of the first group.</param>
    /// <param name="options">Its hyper-parameters (validated).</param>
    protected GroupedOptimizer(IEnumerable<Parameter<T>> parameters, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AddParamGroup(parameters, options);
    }

    /// <summary>The parameter groups.</summary>
    public IReadOnlyList<ParameterGroup<T, TOptions>> ParamGroups => _groups;

    /// <summary>Adds a group (torch's <c>add_param_group</c>); a parameter may belong to one group only.</summary>
    /// <param name="parameters">Its parameters.</param>
    /// <param name="options">Its hyper-parameters; null takes those of the first group.</param>
    public void AddParamGroup(IEnumerable<Parameter<T>> parameters, TOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToArray();
        if (list.Length == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        var seen = new HashSet<Parameter<T>>(ReferenceEqualityComparer.Instance);
        foreach (var p in list)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (_groupOf.ContainsKey(p) || !seen.Add(p)) throw new ArgumentException("some parameters appear in more than one parameter group", nameof(parameters));
        }

        _groups.Add(new ParameterGroup<T, TOptions>(list, options ?? _groups[0].Options));
        foreach (var p in list) _groupOf[p] = _groups.Count - 1;
    }

    /// <summary>Index of the group holding <paramref name="parameter"/>, or -1.</summary>
    /// <param name="parameter">A parameter.</param>
    /// <returns>The group index.</returns>
    public int GroupOf(Parameter<T> parameter) => _groupOf.TryGetValue(parameter, out int g) ? g : -1;

    /// <inheritdoc/>
    public override int ParamGroupCount => _groups.Count;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter<T>> GroupParameters(int group) => _groups[group].Parameters;

    /// <inheritdoc/>
    public override double GetLearningRate(int group) => _groups[group].Options.Lr;

    /// <inheritdoc/>
    public override void SetLearningRate(int group, double lr) =>
        _groups[group].Options = (TOptions)(_groups[group].Options with { Lr = lr });
}
