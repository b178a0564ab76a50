using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Numerics.Tensors;

namespace DiffGen.Optimizers;

/// <summary>
/// Base of every optimizer: the per-parameter state (torch keys), <c>zero_grad</c>, the opt-in non-finite gradient
/// check and the versioned checkpoint format (<see cref="SaveState"/>/<see cref="LoadState"/>).
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
public abstract class Optimizer<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Dictionary<Parameter<T>, ParameterState<T>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>torch.optim class name (or the paper's name), written into checkpoints.</summary>
    public abstract string Name { get; }

    /// <summary>CPU driver used by the update kernels (SIMD by default).</summary>
    public KernelPath KernelPath { get; set; } = KernelPath.Simd;

    /// <summary>Opt-in check of the gradients before each step (default <see cref="NonFiniteGradientPolicy.None"/>).</summary>
    public NonFiniteGradientPolicy NonFiniteGradients { get; set; } = NonFiniteGradientPolicy.None;

    /// <summary>Steps skipped under <see cref="NonFiniteGradientPolicy.Skip"/>.</summary>
    public long SkippedSteps { get; private set; }

    /// <summary>Number of parameter groups.</summary>
    public abstract int ParamGroupCount { get; }

    /// <summary>The parameters of one group, in order.</summary>
    /// <param name="group">Group index.</param>
    /// <returns>The parameters.</returns>
    public abstract IReadOnlyList<Parameter<T>> GroupParameters(int group);

    /// <summary>The learning rate of a group (schedulers read and write it).</summary>
    /// <param name="group">Group index.</param>
    /// <returns>The current <c>lr</c>.</returns>
    public abstract double GetLearningRate(int group);

    /// <summary>Sets the learning rate of a group, validated.</summary>
    /// <param name="group">Group index.</param>
    /// <param name="lr">New <c>lr</c>.</param>
    public abstract void SetLearningRate(int group, double lr);

    /// <summary>Every parameter, group by group.</summary>
    public IEnumerable<Parameter<T>> Parameters
    {
        get
        {
            for (int g = 0; g < ParamGroupCount; g++)
                foreach (var p in GroupParameters(g)) yield return p;
        }
    }

    /// <summary>The state of a parameter, or null before its first step.</summary>
    /// <param name="parameter">A parameter of this optimizer.</param>
    /// <returns>The live state.</returns>
    public ParameterState<T>? GetState(Parameter<T> parameter) => _state.TryGetValue(parameter, out var s) ? s : null;

    /// <summary>Zeroes every gradient (torch's <c>zero_grad(set_to_none=False)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters) p.ZeroGrad();
    }

    /// <summary>The layout of the state created for a parameter of <paramref name="group"/>.</summary>
    /// <param name="group">Group index.</param>
    /// <returns>The layout.</returns>
    protected abstract StateLayout GetLayout(int group);

    /// <summary>Fills a freshly created state with its initial values (zeros unless overridden).</summary>
    /// <param name="state">The state.</param>
    /// <param name="group">Group index.</param>
    protected virtual void InitializeState(ParameterState<T> state, int group)
    {
    }

    /// <summary>Returns the state of a parameter, creating it on first use; throws when its length no longer matches.</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="group">Its group.</param>
    /// <returns>The state.</returns>
    protected ParameterState<T> GetOrCreateState(Parameter<T> parameter, int group)
    {
        if (_state.TryGetValue(parameter, out var s)) return s;
        s = new ParameterState<T>(parameter.Length, GetLayout(group));
        InitializeState(s, group);
        _state[parameter] = s;
        return s;
    }

    /// <summary>Checks lengths of every parameter, gradient and existing state before anything is modified.</summary>
    protected void ValidateLengths()
    {
        foreach (var p in Parameters)
        {
            if (p.Grad.Length != p.Data.Length)
                throw new ArgumentException(
                    $"Gradient of parameter '{p.Name}' has length {p.Grad.Length} but the parameter has length {p.Data.Length}.", nameof(Parameter<T>.Grad));
            if (_state.TryGetValue(p, out var s) && s.Length != p.Data.Length)
                throw new ArgumentException(
                    $"State of parameter '{p.Name}' has length {s.Length} but the parameter has length {p.Data.Length}.", nameof(Parameter<T>.Data));
        }
    }

    /// <summary>Applies <see cref="NonFiniteGradients"/>: returns false when the step must be skipped, throws under
    /// <see cref="NonFiniteGradientPolicy.Throw"/>, true otherwise.</summary>
    /// <returns>Whether the step may proceed.</returns>
    protected bool CheckGradients()
    {
        var (bad, index) = FindNonFiniteGradient();
        return bad is null || ReportNonFiniteGradient(bad, index);
    }

    /// <summary>The first parameter (in group order) whose gradient holds NaN or an infinity, and the index of its first
    /// such element; (null, -1) when every gradient is finite or the check is off (<see cref="NonFiniteGradientPolicy.None"/>).</summary>
    /// <returns>The parameter and index.</returns>
    protected (Parameter<T>? Parameter, int Index) FindNonFiniteGradient()
    {
        if (NonFiniteGradients == NonFiniteGradientPolicy.None) return (null, -1);
        foreach (var p in Parameters)
        {
            int bad = FirstNonFinite(p.Grad);
            if (bad >= 0) return (p, bad);
        }

        return (null, -1);
    }

    /// <summary>Applies <see cref="NonFiniteGradients"/> to a non-finite gradient element found by this optimizer or by
    /// another backend (the ILGPU one checks device-resident gradients): throws <see cref="NonFiniteGradientException"/>
    /// under <see cref="NonFiniteGradientPolicy.Throw"/>; otherwise counts a skipped step and returns false. The caller
    /// must not have changed parameters or state.</summary>
    /// <param name="parameter">The parameter whose gradient is not finite.</param>
    /// <param name="index">Index of its first non-finite element.</param>
    /// <returns>False (the step must be skipped).</returns>
    public bool ReportNonFiniteGradient(Parameter<T> parameter, int index)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (NonFiniteGradients == NonFiniteGradientPolicy.Throw) throw new NonFiniteGradientException(parameter.Name, index);
        SkippedSteps++;
        return false;
    }

    private static int FirstNonFinite(ReadOnlySpan<T> values)
    {
        // x * 0 is 0 for finite x and NaN for NaN or infinities, so one SIMD sum decides the common case.
        // A finite sum proves every element finite; otherwise (NaN, infinity or a mere overflow) look element by element.
        if (T.IsFinite(TensorPrimitives.Sum<T>(values) * T.Zero)) return -1;
        ContainsNonFiniteSlow(values, out int index);
        return index;
    }

    private static bool ContainsNonFiniteSlow(ReadOnlySpan<T> values, out int index)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    /// <summary>
    /// One optimization step in torch's sense (<c>optimizer.step(closure)</c>): the one entry point every optimizer
    /// shares. <paramref name="closure"/> computes the loss at the current parameters, writes its gradient into
    /// <see cref="Parameter{T}.Grad"/> (overwriting it) and returns the loss. Element-wise optimizers call it once
    /// and then update; optimizers that re-evaluate (L-BFGS's line search, Step-Tuned SGD's second gradient on
    /// the same mini-batch) call it as often as their algorithm needs.
    /// </summary>
    /// <param name="closure">The objective on the current mini-batch.</param>
    /// <returns>The loss at the parameters the step started from (the first evaluation). When it is not finite,
    /// element-wise optimizers leave the parameters unchanged.</returns>
    public abstract double Step(Func<double> closure);

    /// <summary>Calls the <paramref name="visitor"/> method for this kind of optimizer, with its concrete types.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visit's result.</returns>
    public abstract TResult Accept<TResult>(IOptimizerVisitor<T, TResult> visitor);

    /// <summary>Calls <paramref name="visitor"/> with the concrete types when this is an element-wise optimizer.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <param name="result">Its result, or default when this optimizer is not element-wise.</param>
    /// <returns>Whether the visitor was called.</returns>
    public virtual bool TryAccept<TResult>(IElementwiseOptimizerVisitor<T, TResult> visitor, out TResult? result)
    {
        result = default;
        return false;
    }

    /// <summary>Writes optimizer-level state that is not per parameter (RNG state, counters). Default: nothing.</summary>
    /// <param name="writer">The writer.</param>
    protected virtual void WriteExtraState(BinaryWriter writer)
    {
    }

    /// <summary>Parses what <see cref="WriteExtraState"/> wrote and returns an action that commits it; must not modify the optimizer itself.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The commit action.</returns>
    protected virtual Action ReadExtraState(BinaryReader reader) => static () => { };

    /// <summary>Writes the state of every parameter (and optimizer-level state) in DiffGen's versioned binary format.
    /// Hyper-parameters are not written: the restoring optimizer is constructed with them, as in torch.</summary>
    /// <param name="stream">Destination.</param>
    public void SaveState(Stream stream) => OptimizerStateSerializer.Write(this, stream);

    /// <summary>Restores state written by <see cref="SaveState"/>. A truncated, corrupt, wrong-version or mismatched
    /// file throws <see cref="InvalidDataException"/> and leaves this optimizer unchanged.</summary>
    /// <param name="stream">Source.</param>
    public void LoadState(Stream stream) => OptimizerStateSerializer.Read(this, stream);

    internal void WriteExtra(BinaryWriter writer) => WriteExtraState(writer);

    internal Action ReadExtra(BinaryReader reader) => ReadExtraState(reader);

    internal StateLayout LayoutOf(int group) => GetLayout(group);

    internal void ReplaceStates(Dictionary<Parameter<T>, ParameterState<T>> states, long skipped)
    {
        _state.Clear();
        foreach (var kv in states) _state[kv.Key] = kv.Value;
        SkippedSteps = skipped;
    }
}
